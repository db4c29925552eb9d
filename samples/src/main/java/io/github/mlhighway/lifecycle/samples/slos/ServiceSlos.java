package io.github.mlhighway.lifecycle.samples.slos;

import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.core.time.SimulatedClock;
import io.github.mlhighway.lifecycle.incident.Incident;
import io.github.mlhighway.lifecycle.policy.Change;
import io.github.mlhighway.lifecycle.policy.PolicyDecision;
import io.github.mlhighway.lifecycle.slo.AlertState;
import io.github.mlhighway.lifecycle.slo.Operator;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * SLOs in a service: availability (99.9% over 30 days) and latency (99% within 300 ms) of a prediction service,
 * three healthy days, then a version that fails 2% of calls. The runtime ticks the windows, pages, opens the incident
 * and answers the error-budget policy; the demo only records events and prints. Simulated time, so a week runs in
 * seconds; in production the clock is {@code Clock.systemUTC()} and {@code lifecycle.start()} ticks.
 */
public final class ServiceSlos {

    private static final int CALLS_PER_MINUTE = 600;

    private ServiceSlos() {
    }

    /** @param args optional: the store directory (default {@code lifecycle-data}) */
    public static void main(String[] args) {
        run(Path.of(args.length > 0 ? args[0] : "lifecycle-data"), System.out);
    }

    /**
     * Runs the sample.
     *
     * @param store where the SLO state and the incident are kept
     * @param out   where the story is printed
     * @return the incidents opened
     */
    public static int run(Path store, PrintStream out) {
        SimulatedClock clock = SimulatedClock.at(Instant.parse("2026-03-01T00:00:00Z"));
        try (Lifecycle lifecycle = Lifecycle.builder().clock(clock).store(store).build()) {
            clock.drive(lifecycle);
            SloTracker availability = lifecycle.slo(Slo.ratio("forecast.availability")
                    .objective(0.999).rollingWindow(Duration.ofDays(30)).build());
            SloTracker latency = lifecycle.slo(Slo.threshold("forecast.latency", Operator.LTE, 300.0)
                    .objective(0.99).rollingWindow(Duration.ofDays(30)).build());
            lifecycle.sreWorkbookPolicy(availability, latency);
            SplittableRandom random = new SplittableRandom(42);

            out.println("3 healthy days, " + CALLS_PER_MINUTE + " predictions a minute ...");
            clock.run(Duration.ofDays(3), Duration.ofMinutes(1), m -> calls(availability, latency, random, 0.0002));
            out.println("  " + availability.budget().describe());

            out.println("Version 2 goes live and fails 2% of predictions (a 20x burn) ...");
            Set<String> fired = new HashSet<>();
            clock.run(Duration.ofHours(6), Duration.ofMinutes(1), minute -> {
                calls(availability, latency, random, 0.02);
                for (AlertState alert : availability.alerts()) {
                    if (alert.isAlerting() && fired.add(alert.tier().id())) {
                        out.printf(Locale.ROOT, "  %s %s %s: %s%n", minute, alert.severity(), alert.tier().id(),
                                alert.reason());
                    }
                }
            });
            out.println("  " + availability.budget().describe());
            for (Incident incident : lifecycle.incidents().all()) {
                out.println("  incident " + incident.id() + " (" + incident.status() + "): " + incident.title());
            }

            PolicyDecision release = lifecycle.policy().orElseThrow().decide(Change.release("model-v3"));
            PolicyDecision fix = lifecycle.policy().orElseThrow().decide(Change.release("cve-1").withLabels("security"));
            out.println("Release model-v3: " + release.actions() + (release.blocksChange() ? ", blocked" : ", allowed"));
            out.println("Security fix cve-1: " + fix.actions() + (fix.blocksChange() ? ", blocked" : ", allowed"));
            return lifecycle.incidents().all().size();
        }
    }

    private static void calls(SloTracker availability, SloTracker latency, SplittableRandom random, double errors) {
        for (int i = 0; i < CALLS_PER_MINUTE; i++) {
            availability.record(random.nextDouble() >= errors);
            latency.recordValue(80 + 60 * Math.abs(random.nextGaussian()));
        }
    }
}
