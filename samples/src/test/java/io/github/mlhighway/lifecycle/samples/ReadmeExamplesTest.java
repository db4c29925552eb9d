package io.github.mlhighway.lifecycle.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.micrometer.SloMeters;
import io.github.mlhighway.lifecycle.core.policy.BudgetCondition;
import io.github.mlhighway.lifecycle.core.policy.ErrorBudgetPolicy;
import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import io.github.mlhighway.lifecycle.core.slo.openslo.OpenSlo;
import io.github.mlhighway.lifecycle.core.slo.openslo.OpenSloConversion;
import io.github.mlhighway.lifecycle.core.slo.prometheus.PrometheusRules;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.policy.Action;
import io.github.mlhighway.lifecycle.policy.Change;
import io.github.mlhighway.lifecycle.policy.PolicyDecision;
import io.github.mlhighway.lifecycle.slo.AlertState;
import io.github.mlhighway.lifecycle.slo.ErrorBudget;
import io.github.mlhighway.lifecycle.slo.Operator;
import io.github.mlhighway.lifecycle.slo.Severity;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code shown in README.md, kept here so it always compiles and runs. Paste changes back into the README. */
class ReadmeExamplesTest {

    private static void writeSpec(Path file) {
        String yaml = String.join("\n",
                "apiVersion: openslo/v1",
                "kind: SLO",
                "metadata:",
                "  name: checkout-availability",
                "spec:",
                "  service: checkout",
                "  budgetingMethod: Occurrences",
                "  timeWindow:",
                "    - duration: 28d",
                "      isRolling: true",
                "  indicator:",
                "    metadata:",
                "      name: checkout-errors",
                "    spec:",
                "      ratioMetric:",
                "        counter: true",
                "        good:",
                "          metricSource:",
                "            type: Prometheus",
                "            spec:",
                "              query: sum(rate(http_requests_total{job=\"checkout\",code!~\"5..\"}[{{.window}}]))",
                "        total:",
                "          metricSource:",
                "            type: Prometheus",
                "            spec:",
                "              query: sum(rate(http_requests_total{job=\"checkout\"}[{{.window}}]))",
                "  objectives:",
                "    - displayName: Checkout works",
                "      target: 0.999",
                "");
        try {
            java.nio.file.Files.writeString(file, yaml);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theSloTourRuns(@TempDir Path directory) {
        TestClock clock = TestClock.create();
        boolean predictionSucceeded = false;
        double latencyMillis = 120.0;

        // --- README: define SLOs ---
        SloRegistry slos = SloRegistry.create(clock);            // Clock.systemUTC() in production
        SloTracker availability = slos.register(Slo.ratio("forecast.availability")
                .objective(0.999)
                .rollingWindow(Duration.ofDays(28))
                .build());
        SloTracker latency = slos.register(Slo.threshold("forecast.latency", Operator.LTE, 300.0)
                .objective(0.99)
                .rollingWindow(Duration.ofDays(28))
                .build());
        // --- README: end ---
        clock.drive(slos); // in production: slos.startTicking(scheduler, SloRegistry.DEFAULT_TICK_INTERVAL)

        // --- README: record events ---
        availability.record(predictionSucceeded);  // lock-free, allocation-free, from any thread
        latency.recordValue(latencyMillis);        // good when <= 300 ms
        // --- README: end ---
        clock.advance(Duration.ofMinutes(1));

        // --- README: read the budget ---
        ErrorBudget budget = availability.budget();
        System.out.printf("%s: SLI %.4f, %.1f%% of the budget left, burn rate %.1f%n",
                budget.slo(), budget.sli(), budget.remainingFraction() * 100, budget.burnRate());
        // --- README: end ---

        // --- README: evaluate alerts ---
        for (AlertState alert : availability.alerts()) {
            if (alert.isAlerting()) {
                System.out.println(alert.severity() + " " + alert.tier().id() + ": " + alert.reason());
            }
        }
        // --- README: end ---

        // --- README: ask the policy ---
        ErrorBudgetPolicy policy = ErrorBudgetPolicy.builder("releases", clock)
                .watch(availability, latency)
                .rule("budget-exhausted", BudgetCondition.exhausted(), Action.FREEZE_RELEASES)
                .rule("fast-burn", BudgetCondition.alerting(Severity.PAGE), Action.ROLLBACK)
                .exemptLabels("security", "P0")
                .build();
        PolicyDecision decision = policy.decide(Change.release("model-v7"));
        if (decision.blocksChange()) {
            decision.decisions().forEach(d -> System.out.println(d.action() + ": " + d.reason()));
        }
        Verdict verdict = policy.evaluate(Change.release("model-v7"));   // the policy is a Gate<Change>
        // --- README: end ---

        // --- README: persist ---
        Store store = Stores.directory(directory.resolve("lifecycle-data"));
        slos.saveTo(store);            // e.g. on shutdown and every few minutes
        slos.restoreFrom(store);       // on start-up, after registering the same SLOs
        // --- README: end ---

        Path specFile = directory.resolve("checkout.yaml");
        writeSpec(specFile);
        // --- README: openslo ---
        OpenSloConversion specs = OpenSlo.load(List.of(specFile));          // throws SloSpecException with every problem
        SloTracker checkout = slos.register(specs.slos().get(0));          // the same SLO, tracked in-process
        String rules = new PrometheusRules().yaml(specs.slos());           // and judged by Prometheus in a fleet
        // --- README: end ---

        MeterRegistry meterRegistry = new SimpleMeterRegistry();
        // --- README: micrometer ---
        SloMeters.of(slos).bindTo(meterRegistry);   // counters for events; gauges for budget, burn rates, alerts
        // --- README: end ---

        assertThat(meterRegistry.get("lifecycle.slo.budget.remaining").tag("slo", "forecast.availability").gauge()
                .value()).isNegative();
        assertThat(checkout.slo().objective()).isEqualTo(0.999);
        assertThat(rules).contains("slo:sli_error:ratio_rate5m").contains("severity: \"page\"");
        assertThat(budget.eligible()).isEqualTo(1);
        assertThat(budget.isExhausted()).isTrue();
        assertThat(decision.actions()).containsExactly(Action.FREEZE_RELEASES, Action.ROLLBACK);
        assertThat(decision.blocksChange()).isTrue();
        assertThat(verdict.allowsProceeding()).isFalse();
        assertThat(store.keys(SloRegistry.STATE_COLLECTION))
                .containsExactlyElementsOf(List.of("forecast.availability", "forecast.latency"));
    }
}
