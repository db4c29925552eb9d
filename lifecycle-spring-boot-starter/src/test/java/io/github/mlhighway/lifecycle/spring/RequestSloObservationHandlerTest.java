package io.github.mlhighway.lifecycle.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.spring.autoconfigure.LifecycleAutoConfiguration;
import io.github.mlhighway.lifecycle.spring.autoconfigure.LifecycleConfigurationException;
import io.github.mlhighway.lifecycle.spring.observation.RequestSloAutoConfiguration;
import io.github.mlhighway.lifecycle.spring.observation.RequestSloObservationHandler;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestSloObservationHandlerTest {

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at(Instant.parse("2026-03-01T00:00:00Z"));

    private WebApplicationContextRunner runner() {
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LifecycleAutoConfiguration.class,
                        RequestSloAutoConfiguration.class))
                .withBean(Clock.class, () -> clock)
                .withPropertyValues("lifecycle.store.location=" + dir.resolve("store"), "lifecycle.tick-interval=1h",
                        "lifecycle.slos=classpath:slo/*.yaml",
                        "lifecycle.requests.endpoints[0].path=/checkout/{cart}",
                        "lifecycle.requests.endpoints[0].method=POST",
                        "lifecycle.requests.endpoints[0].availability-slo=checkout-availability",
                        "lifecycle.requests.endpoints[0].latency-slo=checkout-latency");
    }

    /** One request through the handler as Spring MVC's observation filter drives it. */
    private void request(RequestSloObservationHandler handler, String method, String pattern, int status,
                         Duration takes) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ServerRequestObservationContext context = new ServerRequestObservationContext(
                new MockHttpServletRequest(method, "/checkout/7"), response);
        handler.onStart(context);
        clock.advance(takes);
        context.setPathPattern(pattern);
        response.setStatus(status);
        handler.onStop(context);
    }

    @Test
    void aConfiguredEndpointsRequestsAreRecordedAsAvailabilityAndLatencySlis() {
        runner().run(context -> {
            RequestSloObservationHandler handler = context.getBean(RequestSloObservationHandler.class);
            Lifecycle lifecycle = context.getBean(Lifecycle.class);
            SloTracker availability = lifecycle.slos().tracker("checkout-availability");
            SloTracker latency = lifecycle.slos().tracker("checkout-latency");

            request(handler, "POST", "/checkout/{cart}", 200, Duration.ofMillis(40));
            request(handler, "POST", "/checkout/{cart}", 404, Duration.ofMillis(300));
            request(handler, "POST", "/checkout/{cart}", 503, Duration.ofMillis(10));
            request(handler, "GET", "/checkout/{cart}", 500, Duration.ofMillis(10));   // another method
            request(handler, "POST", "/health", 500, Duration.ofMillis(10));           // another endpoint

            assertThat(availability.goodEventsRecorded()).as("200 and 404 are the service's successes").isEqualTo(2);
            assertThat(availability.badEventsRecorded()).isEqualTo(1);
            assertThat(latency.goodEventsRecorded()).as("40 ms and 10 ms are within 250 ms").isEqualTo(2);
            assertThat(latency.badEventsRecorded()).isEqualTo(1);
        });
    }

    @Test
    void anUnknownSloNameFailsStartUpNamingTheProperty() {
        runner().withPropertyValues("lifecycle.requests.endpoints[0].latency-slo=checkout-latencyy").run(context -> {
            assertThat(context).hasFailed();
            Throwable cause = context.getStartupFailure();
            while (cause != null && !(cause instanceof LifecycleConfigurationException)) {
                cause = cause.getCause();
            }
            assertThat(cause).isInstanceOfSatisfying(LifecycleConfigurationException.class, e -> {
                assertThat(e.property()).isEqualTo("lifecycle.requests.endpoints[0].latency-slo");
                assertThat(e.reason()).contains("checkout-latency");
            });
        });
    }

    @Test
    void aLatencySloMustBeAThresholdSlo() {
        runner().withPropertyValues("lifecycle.requests.endpoints[0].latency-slo=checkout-availability")
                .run(context -> assertThat(context).getFailure().hasMessageContaining(
                        "lifecycle.requests.endpoints[0].latency-slo").hasMessageContaining("threshold"));
    }

    @Test
    void noHandlerIsMadeWithoutConfiguredEndpoints() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LifecycleAutoConfiguration.class,
                        RequestSloAutoConfiguration.class))
                .withPropertyValues("lifecycle.store.location=" + dir.resolve("store"))
                .run(context -> assertThat(context).hasSingleBean(Lifecycle.class)
                        .doesNotHaveBean(RequestSloObservationHandler.class));
    }
}
