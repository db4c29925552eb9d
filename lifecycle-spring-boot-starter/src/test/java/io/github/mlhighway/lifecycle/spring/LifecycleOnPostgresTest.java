package io.github.mlhighway.lifecycle.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.jdbc.PostgresStore;
import io.github.mlhighway.lifecycle.spring.autoconfigure.LifecycleAutoConfiguration;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import io.github.mlhighway.lifecycle.testkit.postgres.PostgresExtension;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code lifecycle.store.location} may be a PostgreSQL URL: a real server, SLO state kept across restarts. */
@ExtendWith(PostgresExtension.class)
class LifecycleOnPostgresTest {

    private final TestClock clock = TestClock.at(Instant.parse("2026-03-01T00:00:00Z"));

    private ApplicationContextRunner runner(String url) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LifecycleAutoConfiguration.class))
                .withBean(Clock.class, () -> clock)
                .withPropertyValues("lifecycle.store.location=" + url, "lifecycle.tick-interval=1h",
                        "lifecycle.slos=classpath:slo/*.yaml");
    }

    @Test
    void theRuntimeRunsOnAPostgresStoreAndTheNextContextRestoresItsSloState() {
        String url = PostgresExtension.server().newDatabase();
        runner(url).run(context -> {
            Lifecycle lifecycle = context.getBean(Lifecycle.class);
            assertThat(lifecycle.store()).isInstanceOf(PostgresStore.class);
            lifecycle.slos().tracker("checkout-availability").record(990, 1000);
        });
        runner(url).run(context -> {
            SloTracker availability = context.getBean(Lifecycle.class).slos().tracker("checkout-availability");
            assertThat(availability.budget().eligible()).isEqualTo(1000);
            assertThat(availability.budget().bad()).isEqualTo(10.0);
        });
    }
}
