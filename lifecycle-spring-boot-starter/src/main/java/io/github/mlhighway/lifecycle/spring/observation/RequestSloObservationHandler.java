package io.github.mlhighway.lifecycle.spring.observation;

import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.slo.Indicator;
import io.github.mlhighway.lifecycle.spring.autoconfigure.LifecycleConfigurationException;
import io.github.mlhighway.lifecycle.spring.autoconfigure.LifecycleProperties.RequestEndpoint;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.jspecify.annotations.Nullable;

/**
 * Records availability and latency SLIs of chosen endpoints from Spring MVC's own HTTP server observations
 * ({@code http.server.requests}), without code in the controllers. For each {@code lifecycle.requests.endpoints[i]}
 * whose path pattern (and method, if given) matches a finished request:
 * <ul>
 * <li>its {@code availability-slo} (a ratio SLO) counts the request bad when it ended with an exception or a 5xx
 * status, else good (a 4xx is the client's error, not the service's);</li>
 * <li>its {@code latency-slo} (a threshold SLO, e.g. {@code op: lte, value: 250}) is given the request's latency in
 * milliseconds, measured on the runtime's nano-time source from the observation's start to its stop.</li>
 * </ul>
 * The SLOs are looked up by name once every bean exists (so SLOs of the OpenSLO files and SLOs the application
 * registers in its own beans both work); a name that no SLO has, or an SLO of the wrong kind, fails start-up naming
 * the property. Recording is lock-free.
 *
 * @since 0.1
 */
public final class RequestSloObservationHandler
        implements ObservationHandler<ServerRequestObservationContext>, SmartInitializingSingleton {

    private static final String START = RequestSloObservationHandler.class.getName() + ".start";
    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final Lifecycle lifecycle;
    private final List<RequestEndpoint> configured;
    private final LongSupplier nanoTime;
    private volatile List<Route> routes = List.of();

    /**
     * A handler for the configured endpoints.
     *
     * @param lifecycle the runtime whose SLOs are recorded into
     * @param endpoints {@code lifecycle.requests.endpoints}
     */
    public RequestSloObservationHandler(Lifecycle lifecycle, List<RequestEndpoint> endpoints) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.configured = List.copyOf(endpoints);
        this.nanoTime = lifecycle.nanoTime();
    }

    /**
     * Looks the SLOs up.
     *
     * @throws LifecycleConfigurationException naming the property of an endpoint without a path, an unknown SLO, or
     *                                         an SLO of the wrong kind
     */
    @Override
    public void afterSingletonsInstantiated() {
        List<Route> resolved = new ArrayList<>();
        for (int i = 0; i < configured.size(); i++) {
            RequestEndpoint endpoint = configured.get(i);
            String prefix = "lifecycle.requests.endpoints[" + i + "].";
            String path = endpoint.getPath();
            if (path == null || path.isBlank()) {
                throw new LifecycleConfigurationException(prefix + "path", path,
                        "expected the request mapping's path pattern, e.g. /forecast", null);
            }
            SloTracker availability = tracker(prefix + "availability-slo", endpoint.getAvailabilitySlo(), false);
            SloTracker latency = tracker(prefix + "latency-slo", endpoint.getLatencySlo(), true);
            if (availability == null && latency == null) {
                throw new LifecycleConfigurationException(prefix + "availability-slo", null,
                        "an endpoint needs an availability-slo, a latency-slo or both", null);
            }
            String configuredMethod = endpoint.getMethod();
            String method = configuredMethod == null || configuredMethod.isBlank() ? null
                    : configuredMethod.toUpperCase(Locale.ROOT);
            resolved.add(new Route(path, method, availability, latency));
        }
        routes = List.copyOf(resolved);
    }

    private @Nullable SloTracker tracker(String property, @Nullable String name, boolean threshold) {
        if (name == null || name.isBlank()) {
            return null;
        }
        SloTracker tracker = lifecycle.slos().find(name).orElseThrow(() -> new LifecycleConfigurationException(
                property, name, "no SLO of that name is tracked by the runtime (tracked: " + lifecycle.slos()
                .trackers().stream().map(t -> t.slo().name()).sorted().toList() + ")", null));
        Indicator indicator = tracker.slo().indicator();
        if (threshold && !(indicator instanceof Indicator.Threshold)) {
            throw new LifecycleConfigurationException(property, name, "a latency SLO must have a threshold "
                    + "indicator (e.g. op: lte, value: 250 for 250 ms), found " + kind(indicator), null);
        }
        if (!threshold && !(indicator instanceof Indicator.Ratio)) {
            throw new LifecycleConfigurationException(property, name, "an availability SLO must have a ratio "
                    + "indicator, found " + kind(indicator), null);
        }
        return tracker;
    }

    private static String kind(Indicator indicator) {
        return indicator.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof ServerRequestObservationContext;
    }

    @Override
    public void onStart(ServerRequestObservationContext context) {
        if (!routes.isEmpty()) {
            context.put(START, nanoTime.getAsLong());
        }
    }

    @Override
    public void onStop(ServerRequestObservationContext context) {
        Long start = context.get(START);
        String pattern = context.getPathPattern();
        if (start == null || pattern == null) {
            return;
        }
        HttpServletRequest request = context.getCarrier();
        HttpServletResponse response = context.getResponse();
        String requestMethod = request == null ? null : request.getMethod();
        for (Route route : routes) {
            if (route.matches(pattern, requestMethod)) {
                SloTracker availability = route.availability;
                if (availability != null) {
                    boolean failed = context.getError() != null || (response != null && response.getStatus() >= 500);
                    availability.record(!failed);
                }
                SloTracker latency = route.latency;
                if (latency != null) {
                    latency.recordValue((nanoTime.getAsLong() - start) / NANOS_PER_MILLI);
                }
            }
        }
    }

    /** One configured endpoint with its SLOs looked up. */
    private record Route(String path, @Nullable String method, @Nullable SloTracker availability,
                         @Nullable SloTracker latency) {
        boolean matches(String pattern, @Nullable String requestMethod) {
            return path.equals(pattern) && (method == null || method.equalsIgnoreCase(requestMethod));
        }
    }
}
