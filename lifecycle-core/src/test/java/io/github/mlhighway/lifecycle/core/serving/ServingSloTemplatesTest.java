package io.github.mlhighway.lifecycle.core.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.release.TrafficPlan;
import io.github.mlhighway.lifecycle.serving.LabelJudge;
import io.github.mlhighway.lifecycle.slo.AlertPolicy;
import io.github.mlhighway.lifecycle.slo.BudgetingMethod;
import io.github.mlhighway.lifecycle.slo.Indicator;
import io.github.mlhighway.lifecycle.slo.NoDataPolicy;
import io.github.mlhighway.lifecycle.slo.Operator;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.slo.TimeWindow;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ServingSloTemplatesTest {

    private final SimClock clock = SimClock.atDefault();
    private final AtomicLong nanos = new AtomicLong();

    private static final AlertPolicy QUIET = AlertPolicy.sreWorkbook(Duration.ofDays(7)).withMinimumEvents(42)
            .withNoData(NoDataPolicy.ALERT);
    private static final Slo AVAILABILITY = Slo.ratio("avail-template").objective(0.995)
            .rollingWindow(Duration.ofDays(7)).alerting(QUIET).description("answered").build();
    private static final Slo LATENCY = Slo.threshold("lat-template", Operator.LT, 250.0).objective(0.98)
            .rollingWindow(Duration.ofDays(7)).alerting(QUIET).build();
    private static final Slo ACCURACY = Slo.ratio("acc-template").objective(0.8).rollingWindow(Duration.ofDays(7))
            .alerting(AlertPolicy.none().withMinimumEvents(30)).build();

    private GuardedModelBuilder<Integer, Integer> model() {
        return GuardedModel.<Integer, Integer>builder("shop").version("v@1", x -> {
            nanos.addAndGet(x * 1_000_000L);
            return x;
        }).clock(clock).nanoTime(nanos::get);
    }

    @Test
    void everyVersionAndCohortTrackerIsItsTemplateRenamed() {
        GuardedModel<Integer, Integer> model = model().slos(AVAILABILITY, LATENCY, ACCURACY)
                .labels(LabelJudge.equality(), 100, Duration.ofHours(1)).build();
        model.predict("r1", 1);

        Slo version = model.versionTrackers("v@1").availability().slo();
        Slo cohort = model.slos().tracker(model.cohortSloName(GuardedModelBuilder.DEFAULT_COHORT, "availability"))
                .slo();
        for (Slo renamed : new Slo[] {version, cohort}) {
            assertThat(renamed.objective()).isEqualTo(0.995);
            assertThat(renamed.window()).isEqualTo(TimeWindow.rolling(Duration.ofDays(7)));
            assertThat(renamed.alerting()).isEqualTo(QUIET);
            assertThat(renamed.alerting().minimumEvents()).isEqualTo(42);
            assertThat(renamed.alerting().noData()).isEqualTo(NoDataPolicy.ALERT);
            assertThat(renamed.description()).isEqualTo("answered");
            assertThat(renamed.indicator().name()).isEqualTo(renamed.name());
            assertThat(renamed.displayName()).isEqualTo(renamed.name());
        }
        assertThat(version.name()).isEqualTo("shop.version.v_1.availability");
        assertThat(cohort.name()).isEqualTo("shop.cohort.primary.availability");
        assertThat(model.versionTrackers("v@1").latency().slo().alerting()).isEqualTo(QUIET);
        assertThat(model.versionTrackers("v@1").accuracy().slo().alerting().minimumEvents()).isEqualTo(30);
        Slo correct = model.slos().tracker(model.cohortSloName(GuardedModelBuilder.DEFAULT_COHORT, "correct")).slo();
        assertThat(correct.objective()).isEqualTo(0.8);
        assertThat(correct.alerting().minimumEvents()).isEqualTo(30); // a ratio accuracy template is used as is
    }

    @Test
    void theLatencyTemplatesThresholdIsTheLatencyThresholdInMillisecondsAndLtExcludesIt() {
        GuardedModel<Integer, Integer> model = model().latencySlo(LATENCY).build();
        model.predict("fast", 249);
        model.predict("edge", 250);    // LT 250: exactly 250 ms is slow
        model.predict("slow", 251);
        assertThat(model.stats(GuardedModelBuilder.DEFAULT_COHORT, Duration.ofMinutes(5)).slowRequests())
                .isEqualTo(2);
        GuardedModel<Integer, Integer> lte = GuardedModel.<Integer, Integer>builder("lte").version("v1", x -> {
            nanos.addAndGet(x * 1_000_000L);
            return x;
        }).clock(clock).nanoTime(nanos::get)
                .latencySlo(Slo.threshold("lat", Operator.LTE, 250.0).objective(0.99).build()).build();
        lte.predict("edge", 250);
        assertThat(lte.stats(GuardedModelBuilder.DEFAULT_COHORT, Duration.ofMinutes(5)).slowRequests()).isZero();
    }

    @Test
    void aTimeslicedAccuracyTemplateGivesCohortsARatioWithTheSliceTargetAsObjective() {
        Slo slices = Slo.timeslices("acc").atLeast(0.75).slice(Duration.ofHours(1)).objective(0.9)
                .rollingWindow(Duration.ofDays(7)).build();
        GuardedModel<Integer, Integer> model = model().accuracySlo(slices)
                .labels(LabelJudge.equality(), 100, Duration.ofHours(1)).build();
        model.predict("r1", 1);
        assertThat(model.versionTrackers("v@1").accuracy().slo().budgetingMethod())
                .isEqualTo(BudgetingMethod.TIMESLICES);
        Slo correct = model.slos().tracker(model.cohortSloName(GuardedModelBuilder.DEFAULT_COHORT, "correct")).slo();
        assertThat(correct.budgetingMethod()).isEqualTo(BudgetingMethod.OCCURRENCES);
        assertThat(correct.objective()).isEqualTo(0.75);
        assertThat(correct.window()).isEqualTo(TimeWindow.rolling(GuardedModelBuilder.DEFAULT_WINDOW));
    }

    @Test
    void templatesThatDoNotFitAreRejectedAtOnceNamingTheProblem() {
        Slo ratioLatency = Slo.ratio("lat").objective(0.99).build();
        assertThatThrownBy(() -> model().latencySlo(ratioLatency)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Latency template 'lat' has a ratio indicator; use a threshold SLO in "
                        + "milliseconds");
        Slo gte = Slo.threshold("lat", Operator.GTE, 300.0).objective(0.99).build();
        assertThatThrownBy(() -> model().latencySlo(gte))
                .hasMessageContaining("Latency template 'lat' has operator GTE").hasMessageContaining("use LTE or LT");
        Slo zero = Slo.threshold("lat", Operator.LTE, 0.0).objective(0.99).build();
        assertThatThrownBy(() -> model().latencySlo(zero))
                .hasMessageContaining("the threshold must be a positive number of milliseconds, was 0.0");
        Slo thresholdAvailability = Slo.threshold("up", Operator.LTE, 1.0).objective(0.99).build();
        assertThatThrownBy(() -> model().availabilitySlo(thresholdAvailability))
                .hasMessageContaining("Availability template 'up' has a threshold indicator");
        Slo everySliceperfect = Slo.timeslices("acc").slice(Duration.ofHours(1)).objective(0.9).build();
        assertThatThrownBy(() -> model().accuracySlo(everySliceperfect))
                .hasMessageContaining("Accuracy template 'acc': the slice target must be strictly between 0 and 1, "
                        + "was 1.0");
        Slo atMost = Slo.timeslices("acc").sliceTarget(Operator.LTE, 0.5).slice(Duration.ofHours(1))
                .objective(0.9).build();
        assertThatThrownBy(() -> model().accuracySlo(atMost)).hasMessageContaining("use atLeast(target)");
        assertThatThrownBy(() -> model().slos(AVAILABILITY, ratioLatency, ACCURACY))
                .hasMessageContaining("Latency template 'lat'");
    }

    @Test
    void aScalarSetterNextToATemplateOfTheSameSloIsRefused() {
        assertThatThrownBy(() -> model().availabilitySlo(AVAILABILITY).availabilityObjective(0.99).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("availabilityObjective(...) and availabilitySlo(...) both set the same SLO");
        assertThatThrownBy(() -> model().latencyThreshold(Duration.ofMillis(100)).latencySlo(LATENCY).build())
                .hasMessageContaining("latencyThreshold(...) and latencySlo(...)");
        assertThatThrownBy(() -> model().slos(AVAILABILITY, LATENCY, ACCURACY).sloWindow(Duration.ofDays(1)).build())
                .hasMessageContaining("sloWindow(...) and availabilitySlo(...) and latencySlo(...) both set");
        // one template, one default: the window shapes the default
        GuardedModel<Integer, Integer> mixed = model().availabilitySlo(AVAILABILITY).sloWindow(Duration.ofDays(14))
                .build();
        assertThat(mixed.versionTrackers("v@1").latency().slo().window())
                .isEqualTo(TimeWindow.rolling(Duration.ofDays(14)));
    }

    @Test
    void theScalarShortcutsStillShapeTheDefaults() {
        GuardedModel<Integer, Integer> model = model().availabilityObjective(0.99).latencyThreshold(Duration.ofMillis(80))
                .latencyObjective(0.95).sloWindow(Duration.ofDays(14))
                .accuracySlo(0.6, Duration.ofHours(2), 0.9, Duration.ofDays(3)).build();
        VersionTrackers v1 = model.versionTrackers("v@1");
        assertThat(v1.availability().slo().objective()).isEqualTo(0.99);
        assertThat(v1.availability().slo().window()).isEqualTo(TimeWindow.rolling(Duration.ofDays(14)));
        assertThat(v1.latency().slo().indicator()).isInstanceOfSatisfying(Indicator.Threshold.class, threshold -> {
            assertThat(threshold.operator()).isEqualTo(Operator.LTE);
            assertThat(threshold.threshold()).isEqualTo(80.0);
        });
        assertThat(v1.latency().slo().objective()).isEqualTo(0.95);
        assertThat(v1.accuracy().slo().timeslices().target()).isEqualTo(0.6);
        assertThat(v1.accuracy().slo().timeslices().slice()).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> model().accuracySlo(1.0, Duration.ofHours(1), 0.9, Duration.ofDays(7)))
                .hasMessageContaining("Accuracy target must be in (0, 1), was 1.0");
    }

    @Test
    void theDefaultsCarryAGuardSoThatOneBadEventCannotPage() {
        GuardedModel<Integer, Integer> model = model().labels(LabelJudge.equality(), 100, Duration.ofHours(1))
                .build();
        VersionTrackers v1 = model.versionTrackers("v@1");
        // 99.9% over 28 days: the 6-hour page tier (factor 5.6) fires at 0.56% errors, one call in 178.6
        assertThat(v1.availability().slo().alerting().minimumEvents()).isEqualTo(179);
        assertThat(v1.latency().slo().alerting().minimumEvents()).isEqualTo(18);      // 99%: one in 17.9
        assertThat(v1.accuracy().slo().alerting().minimumEvents()).isEqualTo(15);     // 95% of slices, factor 1.4
        assertThat(GuardedModelBuilder.withLowTrafficGuard(Slo.ratio("x").objective(0.999).build())
                .alerting().minimumEvents()).isEqualTo(179);
        assertThat(GuardedModelBuilder.withLowTrafficGuard(Slo.ratio("x").objective(0.9).alerting(AlertPolicy.none())
                .build()).alerting().minimumEvents()).isZero();
        model.trafficPlan(TrafficPlan.single("v@1", "canary"));
        model.predict("r1", 1);
        SloTracker correct = model.slos().tracker(model.cohortSloName("canary", "correct"));
        assertThat(correct.slo().objective()).isEqualTo(GuardedModelBuilder.DEFAULT_ACCURACY_TARGET);
    }
}
