package io.github.mlhighway.lifecycle.samples.spring;

import io.github.mlhighway.lifecycle.core.release.ReleaseConfig;
import io.github.mlhighway.lifecycle.core.release.ReleaseController;
import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.registry.AliasMoveRequest;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import io.github.mlhighway.lifecycle.samples.spring.WeatherHistory.Observation;
import io.github.mlhighway.lifecycle.serving.LabelJudge;
import io.github.mlhighway.lifecycle.spring.actuate.ReleaseApprovals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The forecasting model, wired to the starter's {@link Lifecycle}: two versions trained at start-up from the
 * bundled data (Seattle up to 2013, and up to 2014), registered (idempotently: a restart on the same store finds
 * them), the first one as {@code rain:champion}, served through a {@link GuardedModel}, and a canary of the second
 * one that moves the alias when it is promoted and waits for an operator's approval before the last step.
 */
@Configuration(proxyBeanMethods = false)
public class ForecastConfiguration {

    /** The release the service opens at start-up. */
    public static final String RELEASE = "rain-v2";

    /** Made by Spring. */
    public ForecastConfiguration() {
    }

    /**
     * The bundled weather data.
     *
     * @return the history
     */
    @Bean
    public WeatherHistory weatherHistory() {
        return WeatherHistory.load();
    }

    /**
     * The guarded model (closed by the runtime, not by Spring).
     *
     * @param lifecycle the starter's runtime
     * @param history   the data
     * @return the model, serving {@code rain@1} and (through the canary) {@code rain@2}
     * @throws IOException when a model file cannot be written
     */
    @Bean(destroyMethod = "")
    public GuardedModel<Observation, Double> rainModel(Lifecycle lifecycle, WeatherHistory history)
            throws IOException {
        ModelVersion v1 = register(lifecycle, history, LocalDate.of(2013, 12, 31));
        ModelVersion v2 = register(lifecycle, history, LocalDate.of(2014, 12, 31));
        if (!lifecycle.registry().aliases("rain").containsKey("champion")) {
            lifecycle.registry().moveAlias(AliasMoveRequest.of("rain", "champion", v1.version())
                    .withOverride("samples-spring-boot", "the first model of the sample service"));
        }
        return lifecycle.serving("rain", Observation.class, Double.class)
                .version(v1.ref().toString(), load(lifecycle, v1))
                .version(v2.ref().toString(), load(lifecycle, v2))
                .labels((LabelJudge<Double, Boolean>) (chance, rained) -> (chance >= 0.5) == rained, 10_000,
                        Duration.ofDays(2))
                .fallback(today -> 0.5)
                .build();
    }

    /**
     * The canary of {@code rain@2}: 10%, 50%, then all traffic after an operator's approval
     * ({@code POST /actuator/lifecycle/rain-v2 {"action": "approve"}}); analyses every hour.
     *
     * @param lifecycle the runtime
     * @param model     the guarded model
     * @param approvals the starter's operator approvals
     * @return the release's controller (resumed from its journal after a restart)
     */
    @Bean
    public ReleaseController rainCanary(Lifecycle lifecycle, GuardedModel<Observation, Double> model,
                                        ReleaseApprovals approvals) {
        return lifecycle.releases().release(model, ReleaseConfig.canary(RELEASE, "rain@1", "rain@2")
                        .steps(10, 50, 100).interval(Duration.ofHours(1)).minSample(100).build())
                .approval(approvals)
                .movesAlias("champion")
                .open();
    }

    private static ModelVersion register(Lifecycle lifecycle, WeatherHistory history, LocalDate until)
            throws IOException {
        Path file = Files.createTempFile("rain-model-", ".properties");
        try {
            SeasonalRainModel.train(history.examples("Seattle", until)).save(file);
            return lifecycle.registry().register(NewModelVersion.of("rain").file("model.properties", file)
                    .idempotencyKey("seattle-until-" + until).build());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static SeasonalRainModel load(Lifecycle lifecycle, ModelVersion version) {
        return SeasonalRainModel.load(lifecycle.registry().load(version.ref()).file("model.properties"));
    }
}
