package io.github.mlhighway.lifecycle.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.spring.autoconfigure.LifecycleAutoConfiguration;
import io.github.mlhighway.lifecycle.spring.autoconfigure.LifecycleConfigurationException;
import io.github.mlhighway.lifecycle.spring.autoconfigure.LifecycleFailureAnalyzer;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;

class LifecycleStartupFailureTest {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LifecycleAutoConfiguration.class))
                .withBean(Clock.class, () -> TestClock.at(Instant.parse("2026-03-01T00:00:00Z")))
                .withPropertyValues("lifecycle.store.location=" + dir.resolve("store"));
    }

    /** Starts with the properties and returns the configuration failure it must fail with. */
    private LifecycleConfigurationException failure(String... properties) {
        LifecycleConfigurationException[] failure = new LifecycleConfigurationException[1];
        runner().withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            Throwable root = NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure());
            Throwable cause = context.getStartupFailure();
            while (cause != null && !(cause instanceof LifecycleConfigurationException)) {
                cause = cause.getCause();
            }
            assertThat(cause).as("start-up failure %s", root).isInstanceOf(LifecycleConfigurationException.class);
            failure[0] = (LifecycleConfigurationException) cause;
        });
        return failure[0];
    }

    @Test
    void anSloLocationThatMatchesNoFileFailsNamingTheProperty() {
        LifecycleConfigurationException e = failure("lifecycle.slos=classpath:missing/*.yaml");
        assertThat(e.property()).isEqualTo("lifecycle.slos[0]");
        assertThat(e.getMessage()).contains("lifecycle.slos[0]", "classpath:missing/*.yaml", "no readable OpenSLO");
    }

    @Test
    void anInvalidOpenSloFileFailsNamingThePropertyAndTheBadField() {
        LifecycleConfigurationException e = failure("lifecycle.slos=classpath:bad-slo/invalid.yaml");
        assertThat(e.property()).isEqualTo("lifecycle.slos");
        assertThat(e.reason()).contains("invalid.yaml", "spec.objectives[0].target", "1.5");
    }

    @Test
    void aStoreLocationThatIsAFileFailsNamingTheProperty() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        LifecycleConfigurationException e = failure("lifecycle.store.location=" + file);
        assertThat(e.property()).isEqualTo("lifecycle.store.location");
        assertThat(e.value()).isEqualTo(file.toString());
    }

    @Test
    void aStoreUrlNoModuleOnTheClassPathOpensFailsNamingTheProperty() {
        LifecycleConfigurationException e = failure("lifecycle.store.location=jdbc:mysql://db/lifecycle");
        assertThat(e.property()).isEqualTo("lifecycle.store.location");
        assertThat(e.reason()).contains("cannot open this store");
    }

    @Test
    void aPostgresUrlNoServerAnswersFailsNamingThePropertyWithoutThePassword() {
        LifecycleConfigurationException e =
                failure("lifecycle.store.location=jdbc:postgresql://127.0.0.1:1/lifecycle?user=u&password=secret");
        assertThat(e.property()).isEqualTo("lifecycle.store.location");
        assertThat(e.value()).doesNotContain("secret");
        assertThat(e.getMessage()).doesNotContain("secret");
    }

    @Test
    void aNonPositiveTickIntervalFailsNamingTheProperty() {
        LifecycleConfigurationException e = failure("lifecycle.tick-interval=0s");
        assertThat(e.property()).isEqualTo("lifecycle.tick-interval");
        assertThat(e.reason()).contains("must be positive");
    }

    @Test
    void aPolicySloThatNoFileDefinesFailsNamingTheProperty() {
        LifecycleConfigurationException e = failure("lifecycle.slos=classpath:slo/*.yaml",
                "lifecycle.policy.slos=checkout-availabilty");
        assertThat(e.property()).isEqualTo("lifecycle.policy.slos[0]");
        assertThat(e.reason()).contains("checkout-availability");
    }

    @Test
    void theFailureAnalysisNamesThePropertyItsValueAndWhatToDo() {
        LifecycleConfigurationException e = failure("lifecycle.slos=classpath:missing/*.yaml");
        FailureAnalysis analysis = new LifecycleFailureAnalyzer().analyze(new IllegalStateException("wrapped", e));
        assertThat(analysis.getDescription()).contains("Property: lifecycle.slos[0]",
                "Value: classpath:missing/*.yaml");
        assertThat(analysis.getAction()).contains("Fix property 'lifecycle.slos[0]'");
    }
}
