package io.github.mlhighway.lifecycle.core.micrometer;

import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * Keeps a {@link MeterRegistry} bound to every SLO of a registry as SLOs are added (the runtime calls
 * {@link #bindNew()} on its ticks). Used by {@code Lifecycle.Builder.meterRegistry(..)}; the runtime holds the meter
 * registry as an {@code Object} so that it loads without Micrometer on the classpath.
 *
 * @since 0.1
 */
public final class RuntimeMeters {

    private final SloMeters meters;
    private final MeterRegistry registry;
    private final SloRegistry slos;
    private int bound = -1;

    private RuntimeMeters(SloRegistry slos, MeterRegistry registry) {
        this.slos = Objects.requireNonNull(slos, "slos");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.meters = SloMeters.of(slos);
    }

    /**
     * A binding of every SLO of {@code slos}, present and future, to a meter registry.
     *
     * @param slos          the SLO registry
     * @param meterRegistry a Micrometer {@link MeterRegistry}
     * @return the binding (call {@link #bindNew()} to bind SLOs registered since)
     * @throws IllegalArgumentException when {@code meterRegistry} is not a Micrometer meter registry
     */
    public static RuntimeMeters of(SloRegistry slos, Object meterRegistry) {
        if (!(meterRegistry instanceof MeterRegistry registry)) {
            throw new IllegalArgumentException("Not a Micrometer MeterRegistry: " + meterRegistry);
        }
        return new RuntimeMeters(slos, registry);
    }

    /** Binds the SLOs registered since the last call (cheap when none were). */
    public synchronized void bindNew() {
        int count = slos.trackers().size();
        if (count != bound) {
            meters.bindTo(registry);
            bound = count;
        }
    }
}
