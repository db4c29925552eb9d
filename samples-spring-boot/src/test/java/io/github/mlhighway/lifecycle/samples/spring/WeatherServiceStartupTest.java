package io.github.mlhighway.lifecycle.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.spring.actuate.LifecycleActuatorAutoConfiguration;
import io.github.mlhighway.lifecycle.spring.actuate.LifecycleEndpoint;
import io.github.mlhighway.lifecycle.spring.autoconfigure.LifecycleAutoConfiguration;
import io.github.mlhighway.lifecycle.spring.autoconfigure.LifecycleConfigurationException;
import io.github.mlhighway.lifecycle.spring.autoconfigure.LifecycleRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@ExtendWith(OutputCaptureExtension.class)
class WeatherServiceStartupTest {

    @TempDir
    Path dir;

    @Test
    void anUnreadableSloLocationFailsStartUpWithAReportNamingTheProperty(CapturedOutput output) {
        SpringApplication service = new SpringApplication(WeatherServiceApplication.class);
        assertThatThrownBy(() -> service.run("--server.address=127.0.0.1", "--server.port=0",
                "--lifecycle.store.location=" + dir.resolve("store"), "--lifecycle.slos=classpath:nowhere/*.yaml"))
                .hasStackTraceContaining(LifecycleConfigurationException.class.getName());
        assertThat(output).contains("APPLICATION FAILED TO START", "Property: lifecycle.slos[0]",
                "Value: classpath:nowhere/*.yaml", "no readable OpenSLO file found there");
    }

    @Test
    void aStoreLocationThatIsNoDirectoryFailsStartUpWithAReportNamingTheProperty(CapturedOutput output)
            throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        SpringApplication service = new SpringApplication(WeatherServiceApplication.class);
        assertThatThrownBy(() -> service.run("--server.address=127.0.0.1", "--server.port=0",
                "--lifecycle.store.location=" + file))
                .hasStackTraceContaining(LifecycleConfigurationException.class.getName());
        assertThat(output).contains("APPLICATION FAILED TO START", "Property: lifecycle.store.location",
                "Value: " + file);
    }

    @Test
    void aServiceThatDefinesItsOwnRuntimeKeepsItAndTheEndpointShowsThatOne() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LifecycleAutoConfiguration.class,
                        LifecycleActuatorAutoConfiguration.class))
                .withUserConfiguration(OwnRuntime.class)
                .withPropertyValues("lifecycle.slos=classpath:slo/*.yaml",
                        "management.endpoints.web.exposure.include=lifecycle",
                        "management.endpoints.jmx.exposure.include=lifecycle")
                .run(context -> {
                    assertThat(context).hasSingleBean(Lifecycle.class).doesNotHaveBean(LifecycleRunner.class);
                    assertThat(context.getBean(Lifecycle.class)).isSameAs(context.getBean(OwnRuntime.class).own);
                    assertThat(context.getBean(LifecycleEndpoint.class).report().slos())
                            .as("the properties were not applied to the service's own runtime").isEmpty();
                });
    }

    /** A service's own runtime. */
    @Configuration(proxyBeanMethods = false)
    static class OwnRuntime {
        final Lifecycle own = Lifecycle.builder().build();

        @Bean
        Lifecycle ownLifecycle() {
            return own;
        }
    }
}
