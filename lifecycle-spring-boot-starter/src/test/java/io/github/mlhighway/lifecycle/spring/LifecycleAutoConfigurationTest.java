package io.github.mlhighway.lifecycle.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.core.store.DirectoryStore;
import io.github.mlhighway.lifecycle.spring.actuate.LifecycleActuatorAutoConfiguration;
import io.github.mlhighway.lifecycle.spring.actuate.LifecycleEndpoint;
import io.github.mlhighway.lifecycle.spring.actuate.LifecycleHealthIndicator;
import io.github.mlhighway.lifecycle.spring.autoconfigure.LifecycleAutoConfiguration;
import io.github.mlhighway.lifecycle.spring.autoconfigure.LifecycleRunner;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class LifecycleAutoConfigurationTest {

    private static final String SLOS = "lifecycle.slos=classpath:slo/*.yaml";

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at(Instant.parse("2026-03-01T00:00:00Z"));

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LifecycleAutoConfiguration.class,
                        LifecycleActuatorAutoConfiguration.class))
                .withBean(Clock.class, () -> clock)
                .withPropertyValues("lifecycle.store.location=" + dir.resolve("store"),
                        "lifecycle.tick-interval=1h", // the tests tick by hand on the simulated clock
                        "management.endpoints.web.exposure.include=health,lifecycle",
                        "management.endpoints.jmx.exposure.include=health,lifecycle");
    }

    @Test
    void oneRuntimeIsBuiltFromThePropertiesWithTheOpenSloFilesAndThePolicyPresetAndIsStarted() {
        runner().withPropertyValues(SLOS).run(context -> {
            Lifecycle lifecycle = context.getBean(Lifecycle.class);
            assertThat(lifecycle.slos().trackers()).extracting(t -> t.slo().name())
                    .containsExactlyInAnyOrder("checkout-availability", "checkout-latency");
            assertThat(lifecycle.policy()).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("sre-workbook"));
            assertThat(lifecycle.store()).isInstanceOfSatisfying(DirectoryStore.class,
                    store -> assertThat(store.root()).isEqualTo(dir.resolve("store").toAbsolutePath()));
            assertThat(lifecycle.clock()).isSameAs(clock);
            assertThat(context.getBean(LifecycleRunner.class).isRunning()).isTrue();
            assertThat(context).hasSingleBean(LifecycleEndpoint.class).hasSingleBean(LifecycleHealthIndicator.class);
        });
    }

    @Test
    void thePolicyPresetNoneInstallsNoPolicy() {
        runner().withPropertyValues(SLOS, "lifecycle.policy.preset=none").run(context ->
                assertThat(context.getBean(Lifecycle.class).policy()).isEmpty());
    }

    @Test
    void theStarterBacksOffWhenTheApplicationDefinesItsOwnRuntimeAndStillShowsIt() {
        Lifecycle own = Lifecycle.builder().clock(clock).build();
        runner().withPropertyValues(SLOS).withBean("ownLifecycle", Lifecycle.class, () -> own).run(context -> {
            assertThat(context).hasSingleBean(Lifecycle.class).doesNotHaveBean(LifecycleRunner.class);
            assertThat(context.getBean(Lifecycle.class)).isSameAs(own);
            assertThat(own.slos().trackers()).as("the properties are not applied to the application's runtime")
                    .isEmpty();
            assertThat(context).hasSingleBean(LifecycleEndpoint.class).hasSingleBean(LifecycleHealthIndicator.class);
        });
        own.close();
    }

    @Test
    void theStarterConfiguresNothingWhenDisabled() {
        runner().withPropertyValues("lifecycle.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(Lifecycle.class).doesNotHaveBean(LifecycleEndpoint.class));
    }

    @Test
    void sloStateIsSavedWhenTheContextClosesAndRestoredByTheNextOne() {
        runner().withPropertyValues(SLOS).run(context -> {
            SloTracker availability = context.getBean(Lifecycle.class).slos().tracker("checkout-availability");
            availability.record(990, 1000);
        });
        runner().withPropertyValues(SLOS).run(context -> {
            SloTracker availability = context.getBean(Lifecycle.class).slos().tracker("checkout-availability");
            assertThat(availability.budget().eligible()).isEqualTo(1000);
            assertThat(availability.budget().bad()).isEqualTo(10.0);
        });
    }

    @Test
    void theSloMetersAreBoundToTheApplicationsMeterRegistryOnTheNextTick() {
        MeterRegistry meters = new SimpleMeterRegistry();
        runner().withPropertyValues(SLOS).withBean(MeterRegistry.class, () -> meters).run(context -> {
            context.getBean(Lifecycle.class).tick();
            assertThat(meters.find("lifecycle.slo.budget.remaining").tag("slo", "checkout-availability").gauge())
                    .isNotNull();
            assertThat(meters.find("lifecycle.slo.events").tag("slo", "checkout-latency").tag("outcome", "bad")
                    .functionCounter()).isNotNull();
        });
    }

    @Test
    void noMetersAreBoundWhenMetricsAreSwitchedOff() {
        MeterRegistry meters = new SimpleMeterRegistry();
        runner().withPropertyValues(SLOS, "lifecycle.metrics.enabled=false").withBean(MeterRegistry.class,
                () -> meters).run(context -> {
                    context.getBean(Lifecycle.class).tick();
                    assertThat(meters.getMeters()).isEmpty();
                });
    }

    @Test
    void aFiringPageIsReportedButKeepsTheStatusUpByDefault() {
        runner().withPropertyValues(SLOS).run(context -> {
            burnTheBudget(context.getBean(Lifecycle.class));
            var health = context.getBean(LifecycleHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails().get("pageAlerts")).asList().isNotEmpty()
                    .allSatisfy(alert -> assertThat(alert.toString()).startsWith("checkout-availability/"));
        });
    }

    @Test
    void aFiringPageTakesTheStatusDownWhenConfiguredSo() {
        runner().withPropertyValues(SLOS, "lifecycle.health.page-alerts=down").run(context -> {
            LifecycleHealthIndicator health = context.getBean(LifecycleHealthIndicator.class);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            burnTheBudget(context.getBean(Lifecycle.class));
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        });
    }

    /** Half of the requests of the last ten minutes failed: both page tiers fire. */
    private void burnTheBudget(Lifecycle lifecycle) {
        SloTracker availability = lifecycle.slos().tracker("checkout-availability");
        for (int minute = 0; minute < 10; minute++) {
            availability.record(50, 100);
            clock.advance(java.time.Duration.ofMinutes(1));
            lifecycle.tick();
        }
    }
}
