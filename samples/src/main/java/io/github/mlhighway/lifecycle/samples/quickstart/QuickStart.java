package io.github.mlhighway.lifecycle.samples.quickstart;

import io.github.mlhighway.lifecycle.core.evaluation.gate.ModelComparison;
import io.github.mlhighway.lifecycle.core.pipeline.Pipeline;
import io.github.mlhighway.lifecycle.core.pipeline.RunResult;
import io.github.mlhighway.lifecycle.core.release.ReleaseConfig;
import io.github.mlhighway.lifecycle.core.release.ReleaseController;
import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.core.time.SimulatedClock;
import io.github.mlhighway.lifecycle.registry.AliasMoveRequest;
import io.github.mlhighway.lifecycle.registry.LineageRef;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import io.github.mlhighway.lifecycle.samples.weather.Example;
import io.github.mlhighway.lifecycle.samples.weather.WeatherData;
import io.github.mlhighway.lifecycle.samples.weather.WeatherDay;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The quick start: train a rain forecaster behind a gate, register it, serve it with SLOs, then canary a retrained
 * version that the runtime promotes (moving the {@code champion} alias) or rolls back. One {@link Lifecycle}; a
 * simulated clock replays three months of 2015 in seconds (in production: {@code Clock.systemUTC()} and
 * {@code lifecycle.start()}).
 */
public final class QuickStart {

    private QuickStart() {
    }

    /**
     * Runs the quick start.
     *
     * @param args optional: the store directory (default {@code quickstart-data})
     * @throws Exception when the store cannot be written
     */
    public static void main(String[] args) throws Exception {
        run(args);
    }

    /**
     * Runs the quick start.
     *
     * @param args optional: the store directory (default {@code quickstart-data})
     * @return the canary's controller, ended
     * @throws Exception when the store cannot be written
     */
    public static ReleaseController run(String... args) throws Exception {
        // --- README: quick start ---
        WeatherData weather = WeatherData.load();
        SimulatedClock clock = SimulatedClock.at(Instant.parse("2015-01-01T00:00:00Z"));
        Path store = Path.of(args.length > 0 ? args[0] : "quickstart-data");
        try (Lifecycle lifecycle = Lifecycle.builder().clock(clock).store(store).build()) {
            clock.drive(lifecycle);                 // every advance ticks SLOs, models, releases, incidents

            Pipeline<LocalDate, Path> training = Pipeline.start("rain-tomorrow", LocalDate.class)
                    .then("fit", Path.class, (until, run) -> RainRule.fit(weather.examples("Seattle",
                            d -> d.isBefore(until) && d.getDayOfMonth() > 7))
                            .save(Files.createDirectories(Path.of(store + "-work")).resolve(run.runId() + ".txt")))
                    .gate("holdout", (file, run) -> holdout(weather, RainRule.load(file)),
                            lifecycle.modelGate().metric("auc").atLeast(0.65).build())
                    .runSlo(Slo.ratio("training.succeeds").objective(0.9).build())
                    .build();
            RunResult<Path> first = lifecycle.run(training, "train-2015-01", LocalDate.of(2015, 1, 1));
            ModelVersion v1 = register(lifecycle, first);
            if (!lifecycle.registry().aliases("rain").containsKey("champion")) {   // the first model: its gate decides
                lifecycle.registry().moveAlias(AliasMoveRequest.of("rain", "champion", v1.version())
                        .withVerdict(first.record().stage("fit").orElseThrow().verdicts().get(0)));
            }

            GuardedModel<WeatherDay, Double> service = lifecycle.serving("rain", WeatherDay.class, Double.class)
                    .version(v1.ref().toString(), load(lifecycle, v1))
                    .labels((Double p, Integer rain) -> (p >= 0.5 ? 1 : 0) == rain, 10_000,
                            Duration.ofDays(2))
                    .fallback(day -> 0.5)
                    .build();
            serve(weather, service, clock, LocalDate.of(2015, 1, 1), LocalDate.of(2015, 3, 1));

            ModelVersion v2 = register(lifecycle, lifecycle.run(training, "train-2015-03", LocalDate.of(2015, 3, 1)));
            service.addVersion(v2.ref().toString(), load(lifecycle, v2));
            ReleaseController canary = lifecycle.releases().release(service, ReleaseConfig
                    .canary("rain-v2", v1.ref().toString(), v2.ref().toString())
                    .steps(10, 50, 100).interval(Duration.ofDays(2)).minSample(40).build())
                    .movesAlias("champion").open();             // promotion moves the alias; a page rolls back
            serve(weather, service, clock, LocalDate.of(2015, 3, 1), LocalDate.of(2015, 4, 1));

            System.out.println(service.versionTrackers(v1.ref().toString()).availability().budget().describe());
            System.out.println("canary " + canary.state().phase() + ": " + canary.state().reason());
            System.out.println("champion is rain@" + lifecycle.registry().aliases("rain").get("champion"));
            return canary;
        }
        // --- README: end ---
    }

    /** Registers a run's model once (a second call for the same run returns the same version). */
    private static ModelVersion register(Lifecycle lifecycle, RunResult<Path> run) {
        return lifecycle.registry().register(NewModelVersion.of("rain").file("rule.txt", run.outputOrThrow())
                .idempotencyKey(run.record().runId()).lineage(LineageRef.run(run.record().runId())).build());
    }

    private static ModelComparison holdout(WeatherData weather, RainRule rule) {
        List<Example> days = weather.examples("Seattle", d -> d.getYear() < 2015 && d.getDayOfMonth() <= 7);
        return ModelComparison.binary(days.stream().mapToInt(Example::rainNext).toArray(),
                days.stream().mapToDouble(e -> rule.apply(e.today())).toArray());
    }

    private static RainRule load(Lifecycle lifecycle, ModelVersion version) {
        return RainRule.load(lifecycle.registry().load(version.ref()).file("rule.txt"));
    }

    /** A forecast every 5 minutes for each day in [from, to), each from another user; labelled at the next midnight. */
    private static void serve(WeatherData weather, GuardedModel<WeatherDay, Double> service, SimulatedClock clock,
                              LocalDate from, LocalDate to) {
        for (Example day : weather.examples("Seattle", d -> !d.isBefore(from) && d.isBefore(to))) {
            for (int i = 0; i < 288; i++) {
                service.predict(day.today().date() + "/" + i, "user-" + i, day.today());
                clock.advance(Duration.ofMinutes(5));
            }
            for (int i = 0; i < 288; i++) {
                service.label(day.today().date() + "/" + i, day.rainNext());
            }
        }
    }
}
