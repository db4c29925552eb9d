package io.github.mlhighway.lifecycle.samples;

import io.github.mlhighway.lifecycle.core.policy.ErrorBudgetPolicy;
import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.core.store.DirectoryStore;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.policy.Change;
import io.github.mlhighway.lifecycle.policy.PolicyDecision;
import io.github.mlhighway.lifecycle.slo.AlertState;
import io.github.mlhighway.lifecycle.slo.ErrorBudget;
import io.github.mlhighway.lifecycle.slo.Operator;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A small SLO demo in simulated time: a prediction service with an availability SLO (99.9% over 30 days) and
 * a latency SLO (99% of predictions within 300 ms). Three healthy days, then a bad model version that fails
 * 2% of requests: the demo prints when each burn-rate alert fires, what the error-budget policy decides for
 * the next release and for a security fix, and saves the SLO state to {@code lifecycle-data/} (or the
 * directory given as the first argument).
 */
public final class SloDemo {

    private static final int REQUESTS_PER_MINUTE = 600;

    private SloDemo() {
    }

    /**
     * Runs the demo.
     *
     * @param args optional: the store directory
     */
    public static void main(String[] args) {
        Path storeDirectory = Path.of(args.length > 0 ? args[0] : "lifecycle-data");
        run(storeDirectory, System.out);
    }

    /**
     * Runs the demo, printing to {@code out}.
     *
     * @param storeDirectory where SLO state is saved
     * @param out            where the story is printed
     */
    public static void run(Path storeDirectory, PrintStream out) {
        TestClock clock = TestClock.at(Instant.parse("2026-03-01T00:00:00Z"));
        SloRegistry slos = SloRegistry.create(clock);
        clock.drive(slos);
        SloTracker availability = slos.register(Slo.ratio("forecast.availability")
                .objective(0.999).rollingWindow(Duration.ofDays(30)).build());
        SloTracker latency = slos.register(Slo.threshold("forecast.latency", Operator.LTE, 300.0)
                .objective(0.99).rollingWindow(Duration.ofDays(30)).build());
        ErrorBudgetPolicy policy = ErrorBudgetPolicy.sreWorkbook(clock, availability, latency);
        SplittableRandom random = new SplittableRandom(42);

        out.println("Simulating 3 days of healthy traffic (" + REQUESTS_PER_MINUTE + " predictions a minute) ...");
        clock.run(Duration.ofDays(3), Duration.ofMinutes(1), minute -> traffic(availability, latency, random, 0.0002));
        report(out, availability.budget());
        report(out, latency.budget());

        out.println();
        out.println("Model v2 goes live and fails 2% of predictions (a 20x burn) ...");
        Set<String> fired = new HashSet<>();
        clock.run(Duration.ofHours(6), Duration.ofMinutes(1), minute -> {
            traffic(availability, latency, random, 0.02);
            for (AlertState alert : availability.alerts()) {
                if (alert.isAlerting() && fired.add(alert.tier().id())) {
                    out.printf(Locale.ROOT, "  %s  %s alert %s fires: %s%n", minute, alert.severity(),
                            alert.tier().id(), alert.reason());
                }
            }
        });
        report(out, availability.budget());

        PolicyDecision release = policy.decide(Change.release("model-v3"));
        PolicyDecision securityFix = policy.decide(Change.release("cve-2026-0001").withLabels("security"));
        out.println();
        out.println("Policy for release model-v3: " + release.actions()
                + (release.blocksChange() ? " -> blocked" : " -> allowed"));
        release.decisions().forEach(decision -> out.println("  - " + decision.reason()));
        out.println("Policy for security fix cve-2026-0001: " + securityFix.actions()
                + (securityFix.blocksChange() ? " -> blocked" : " -> allowed (" + String.join(", ", securityFix.exemptions()) + ")"));

        DirectoryStore store = Stores.directory(storeDirectory, clock);
        slos.saveTo(store);
        out.println();
        out.println("SLO state saved to " + store.root().resolve(SloRegistry.STATE_COLLECTION));
    }

    private static void traffic(SloTracker availability, SloTracker latency, SplittableRandom random,
                                double errorRate) {
        for (int i = 0; i < REQUESTS_PER_MINUTE; i++) {
            availability.record(random.nextDouble() >= errorRate);
            latency.recordValue(80 + 60 * Math.abs(random.nextGaussian()));
        }
    }

    private static void report(PrintStream out, ErrorBudget budget) {
        out.printf(Locale.ROOT, "  %-22s SLI %.5f (objective %s), budget remaining %6.1f%%, burn rate %.2f%s%n",
                budget.slo(), budget.sli(), budget.objective(), budget.remainingFraction() * 100, budget.burnRate(),
                budget.isExhausted() ? ", budget exhausted"
                        : budget.timeToExhaustion().map(d -> ", exhausted in " + d.toHours() + " h at this rate")
                                .orElse(""));
    }
}
