package io.github.mlhighway.lifecycle.samples.canary;

import io.github.mlhighway.lifecycle.core.release.JournalEntry;
import io.github.mlhighway.lifecycle.core.release.ReleaseConfig;
import io.github.mlhighway.lifecycle.core.release.ReleaseController;
import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.core.time.SimulatedClock;
import io.github.mlhighway.lifecycle.incident.Incident;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import io.github.mlhighway.lifecycle.release.ReleasePhase;
import io.github.mlhighway.lifecycle.samples.quickstart.RainRule;
import io.github.mlhighway.lifecycle.samples.weather.Example;
import io.github.mlhighway.lifecycle.samples.weather.WeatherData;
import io.github.mlhighway.lifecycle.samples.weather.WeatherDay;
import io.github.mlhighway.lifecycle.serving.LabelJudge;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A canary with automatic rollback, then one that is promoted. The champion ({@code rain@1}) serves Seattle days;
 * {@code rain@2} is a broken build that throws on one call in ten: the runtime rolls it back on the tick its page
 * alert fires and opens one incident for the release. {@code rain@3} is sound: it goes through 10%, 50% and 100% with
 * an hourly analysis (errors, latency, and accuracy from labels that arrive an hour later) and is promoted, and the
 * {@code champion} alias moves to it with the analyses' verdict.
 */
public final class CanaryRollback {

    private CanaryRollback() {
    }

    /** @param args none */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * Runs the sample.
     *
     * @param out where the story is printed
     * @return the phases the two releases ended in
     */
    public static List<ReleasePhase> run(PrintStream out) {
        WeatherData weather = WeatherData.load();
        List<Example> days = weather.examples("Seattle", d -> d.getYear() == 2015);
        RainRule rule = RainRule.fit(weather.examples("Seattle", d -> d.getYear() < 2015));
        SimulatedClock clock = SimulatedClock.at(Instant.parse("2026-06-01T00:00:00Z"));
        try (Lifecycle lifecycle = Lifecycle.builder().clock(clock).build()) {
            clock.drive(lifecycle);
            for (int build = 1; build <= 3; build++) {
                register(lifecycle, rule, build);
            }
            Function<WeatherDay, Double> broken = new Function<>() {
                private final SplittableRandom random = new SplittableRandom(7);

                @Override
                public Double apply(WeatherDay day) {
                    if (random.nextInt(10) == 0) {
                        throw new IllegalStateException("rain@2 cannot read feature 'weather'");
                    }
                    return rule.apply(day);
                }
            };
            GuardedModel<WeatherDay, Double> service = lifecycle.<WeatherDay, Double>serving("rain")
                    .version("rain@1", rule).version("rain@2", broken).version("rain@3", rule)
                    .labels((LabelJudge<Double, Integer>) (p, rained) -> (p >= 0.5 ? 1 : 0) == rained,
                            100_000, Duration.ofDays(1))
                    .fallback(day -> rule.prior())
                    .build();

            ReleasePhase first = canary(lifecycle, service, "rain@1", "rain@2", days, out);
            ReleasePhase second = canary(lifecycle, service, "rain@1", "rain@3", days, out);
            for (Incident incident : lifecycle.incidents().all()) {
                out.println("Incident " + incident.id() + " (" + incident.status() + "): " + incident.title());
            }
            out.println("champion -> rain@" + lifecycle.registry().aliases("rain").get("champion"));
            return List.of(first, second);
        }
    }

    private static ReleasePhase canary(Lifecycle lifecycle, GuardedModel<WeatherDay, Double> service,
                                       String baseline, String candidate, List<Example> days, PrintStream out) {
        ReleaseController release = lifecycle.releases().release(service, ReleaseConfig
                        .canary("canary-" + candidate.replace("@", "-v"), baseline, candidate).steps(10, 50, 100)
                        .interval(Duration.ofHours(1)).minSample(100).build())
                .movesAlias("champion").open();
        SimulatedClock clock = (SimulatedClock) lifecycle.clock();
        SplittableRandom users = new SplittableRandom(candidate.hashCode());
        Deque<Label> pending = new ArrayDeque<>();
        while (!release.state().phase().isTerminal()) {
            Instant minute = clock.instant();
            while (!pending.isEmpty() && !pending.peekFirst().due().isAfter(minute)) {
                Label label = pending.removeFirst();
                service.label(label.requestId(), label.rained());
            }
            for (int i = 0; i < 20; i++) {        // 20 forecasts a minute, labelled an hour later
                Example example = days.get(users.nextInt(days.size()));
                String id = candidate + "-" + minute.toEpochMilli() + "-" + i;
                service.predict(id, "user-" + users.nextInt(5_000), example.today());
                pending.addLast(new Label(id, example.rainNext(), minute.plus(Duration.ofHours(1))));
            }
            clock.advance(Duration.ofMinutes(1));
        }
        for (JournalEntry entry : release.journal()) {
            out.println("  " + entry.at() + " " + entry.type() + " " + entry.candidateWeight() + "%: "
                    + entry.message());
        }
        return release.state().phase();
    }

    /** The ground truth of one forecast, known an hour after it was made. */
    private record Label(String requestId, int rained, Instant due) {
    }

    private static ModelVersion register(Lifecycle lifecycle, RainRule rule, int build) {
        try {
            Path rules = rule.save(Files.createTempFile("rain-rule-", ".txt"));
            Path info = Files.writeString(Files.createTempFile("rain-build-", ".txt"), "build " + build + "\n");
            return lifecycle.registry().register(NewModelVersion.of("rain").parameter("build", "" + build)
                    .file("rule.txt", rules).file("build.txt", info).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
