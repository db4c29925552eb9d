package io.github.mlhighway.lifecycle.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.policy.ErrorBudgetPolicy;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.release.ReleasePhase;
import io.github.mlhighway.lifecycle.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The example of {@link ReleaseController}'s class javadoc, run; a second test keeps the two copies equal. */
class ReleaseControllerExampleTest {

    private static final Logger log = LoggerFactory.getLogger(ReleaseControllerExampleTest.class);
    private static final Path SOURCE = Path.of("src/main/java/io/github/mlhighway/lifecycle/core/release/"
            + "ReleaseController.java");
    private static final Path THIS_TEST = Path.of("src/test/java/io/github/mlhighway/lifecycle/core/release/"
            + "ReleaseControllerExampleTest.java");

    /** Runs the fixed-rate task it is given in simulated time, instead of on a thread. */
    private static final class SimulatedScheduler extends ScheduledThreadPoolExecutor {
        private final SimClock clock;
        private Runnable task;
        private Duration period;

        SimulatedScheduler(SimClock clock) {
            super(1);
            this.clock = clock;
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long every,
                                                      TimeUnit unit) {
            this.task = command;
            this.period = Duration.ofNanos(unit.toNanos(every));
            command.run(); // the initial delay of the example is 0
            return null;
        }

        /** Moves the clock period by period for {@code total}, doing {@code work} in each period. */
        void run(Duration total, Runnable work) {
            for (Duration elapsed = Duration.ZERO; elapsed.compareTo(total) < 0; elapsed = elapsed.plus(period)) {
                work.run();
                clock.advance(period);
                task.run();
            }
        }
    }

    @Test
    void theClassJavadocExamplePromotesAHealthyCanary() {
        SimClock clock = SimClock.atDefault();
        Store store = Stores.inMemory(clock);
        GuardedModel<double[], Double> model = GuardedModel.<double[], Double>builder("rain")
                .version("rain@2", features -> 0.3)
                .version("rain@3", features -> 0.3)
                .clock(clock)
                .nanoTime(() -> 0L)
                .build();
        SimulatedScheduler scheduler = new SimulatedScheduler(clock);
        int[] request = {0};

        // --- javadoc: ReleaseController ---
        ReleaseConfig config = ReleaseConfig.canary("rain-v3", "rain@2", "rain@3").steps(5, 25, 50, 100)
            .interval(Duration.ofMinutes(5)).failureLimit(2).minSample(200).build();
        ErrorBudgetPolicy budget = ErrorBudgetPolicy.sreWorkbook(clock,
            model.slos().tracker(model.versionSloName("rain@2", "availability")));
        ReleaseController release = ReleaseController.builder(config, store, model, clock)
            .policy(budget::decide)
            .candidateAlerts(() -> model.slos().find(model.cohortSloName("canary", "availability"))
                .map(SloTracker::alerts).orElse(List.of()))
            .listener(event -> log.info("{} {}: {}", event.releaseId(), event.type(), event.message()))
            .open();
        model.trafficPlan(release.plan()); // the model routes by the plan and follows every change
        scheduler.scheduleAtFixedRate(release::tick, 0, 10, TimeUnit.SECONDS); // analyses run once an interval
        // --- javadoc: end ---

        scheduler.run(Duration.ofMinutes(25), () -> {
            for (int i = 0; i < 200; i++) {
                model.predict("req-" + request[0]++, "user-" + (request[0] % 5_000), new double[] {1});
            }
            model.slos().tick();
        });
        scheduler.shutdownNow();

        assertThat(release.state().phase()).isEqualTo(ReleasePhase.PROMOTED);
        assertThat(model.predict("req-last", "user-1", new double[] {1})).isEqualTo(0.3);
        assertThat(release.plan().assign(1L).version()).isEqualTo("rain@3");
    }

    @Test
    void theJavadocShowsTheCodeThisTestRuns() throws IOException {
        String source = Files.readString(SOURCE);
        String javadoc = source.substring(source.indexOf("<pre>{@code") + "<pre>{@code".length(),
                source.indexOf("}</pre>"));
        String test = Files.readString(THIS_TEST);
        String marker = "// --- javadoc: ReleaseController ---";
        String copy = test.substring(test.indexOf(marker) + marker.length(),
                test.indexOf("// --- javadoc: end ---"));

        assertThat(normalized(copy)).isEqualTo(normalized(javadoc.replaceAll("(?m)^\\s*\\* ?", "")));
    }

    private static String normalized(String code) {
        return Arrays.stream(code.split("\n")).map(String::strip).filter(line -> !line.isEmpty())
                .collect(Collectors.joining("\n"));
    }
}
