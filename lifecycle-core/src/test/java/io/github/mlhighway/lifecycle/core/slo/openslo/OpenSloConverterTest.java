package io.github.mlhighway.lifecycle.core.slo.openslo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.slo.BurnRateTier;
import io.github.mlhighway.lifecycle.slo.CalendarUnit;
import io.github.mlhighway.lifecycle.slo.Indicator;
import io.github.mlhighway.lifecycle.slo.NoDataPolicy;
import io.github.mlhighway.lifecycle.slo.Severity;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.slo.SloSpecException;
import io.github.mlhighway.lifecycle.slo.TimeWindow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenSloConverterTest {

    static OpenSloFile fixture(String name) {
        try (InputStream in = OpenSloConverterTest.class.getResourceAsStream("/openslo/" + name)) {
            return new OpenSloReader().read(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<SloSpecException.Problem> problemsOf(Runnable action) {
        try {
            action.run();
        } catch (SloSpecException e) {
            return e.problems();
        }
        throw new AssertionError("expected a SloSpecException");
    }

    @Test
    void referencedIndicatorAndAlertPolicyAreResolvedForEveryObjective() {
        List<Slo> slos = new OpenSloConverter().convert(fixture("checkout-refs.yaml")).slos();

        assertThat(slos).extracting(Slo::name).containsExactly("checkout-availability-0", "checkout-availability-1");
        assertThat(slos).extracting(Slo::objective).containsExactly(0.999, 0.995);
        Slo internal = slos.get(0);
        Indicator.Ratio ratio = (Indicator.Ratio) internal.indicator();
        assertThat(ratio.counting()).isEqualTo(Indicator.Counting.BAD);
        assertThat(ratio.counted().type()).isEqualTo("Prometheus");
        assertThat(ratio.counted().query()).contains("code=~\"5..\"");
        assertThat(internal.labels()).containsEntry("team", "payments").doesNotContainKey("tier");
        assertThat(internal.displayName()).isEqualTo("Checkout availability / Internal");
        assertThat(internal.alerting().tiers()).containsExactly(
                new BurnRateTier("fast-burn", Severity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 14.4, true),
                new BurnRateTier("slow-burn", Severity.TICKET, Duration.ofDays(3), Duration.ofHours(6), 1.0, true));
    }

    @Test
    void anAlertAfterIsKeptButWarnedAboutNamingTheShortWindowUsedInstead() {
        OpenSloConversion conversion = new OpenSloConverter().convert(fixture("checkout-refs.yaml"));

        assertThat(conversion.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.source()).isEqualTo("checkout-refs.yaml:42");
            assertThat(warning.path()).isEqualTo("spec.condition.alertAfter");
            assertThat(warning.message()).contains("found '5m', kept in the document but not used",
                    "long window (1h)", "short window (5m, a twelfth of lookbackWindow)");
        });
    }

    @Test
    void aCompositeWeightIsKeptButWarnedAbout() {
        SloDocument minimal = minimalSlo();
        SloDocument.Objective weighted = new SloDocument.Objective(null, null, null, 0.999, null, null, null, null,
                null, 2.0, null);
        SloDocument document = new SloDocument(OpenSloDocument.V1, minimal.metadata(), new SloDocument.Spec(null,
                "shop", minimal.spec().indicator(), null, minimal.spec().timeWindows(), "Occurrences",
                List.of(weighted), List.of()));

        OpenSloConversion conversion = new OpenSloConverter().convert(OpenSloFile.of("inline", List.of(document)));

        assertThat(conversion.slos()).hasSize(1);
        assertThat(conversion.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.path()).isEqualTo("spec.objectives[0].compositeWeight");
            assertThat(warning.message()).contains("found 2.0, kept in the document but not used",
                    "an SLO of its own");
        });
    }

    @Test
    void slothNamingIndexesEvenASingleObjectiveAndUsesSlothsFourTiers() {
        OpenSloConverter sloth = new OpenSloConverter(ConversionOptions.SLOTH);

        Slo slo = sloth.convert(OpenSloFile.of("inline", List.of(minimalSlo()))).slos().get(0);

        assertThat(slo.name()).isEqualTo("minimal-0");
        assertThat(slo.alerting().tiers()).extracting(BurnRateTier::id)
                .containsExactly("page-1h", "page-6h", "ticket-1d", "ticket-3d");
    }

    @Test
    void anInlineThresholdSloOnACalendarMonthMapsEveryField() {
        OpenSloConversion conversion = new OpenSloConverter().convert(fixture("latency-inline.yaml"));
        Slo slo = conversion.slos().get(0);

        assertThat(slo.name()).isEqualTo("search-latency");
        assertThat(slo.indicator()).isInstanceOf(Indicator.Threshold.class);
        assertThat(((TimeWindow.Calendar) slo.window()).unit()).isEqualTo(CalendarUnit.MONTH);
        assertThat(slo.timeslices().slice()).isEqualTo(Duration.ofMinutes(5));
        assertThat(slo.timeslices().target()).isEqualTo(0.95);
        assertThat(slo.alerting().noData()).isEqualTo(NoDataPolicy.ALERT);
        BurnRateTier tier = slo.alerting().tiers().get(0);
        assertThat(tier.severity()).as("critical over 2h reads as page").isEqualTo(Severity.PAGE);
        assertThat(tier.shortWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(conversion.warnings()).singleElement()
                .satisfies(warning -> assertThat(warning.path())
                        .isEqualTo("spec.alertPolicies[0].spec.conditions[0].spec.severity"));
    }

    @Test
    void danglingReferencesAndImpossibleAlertsAreReportedWithTheirPaths() {
        List<SloSpecException.Problem> problems =
                problemsOf(() -> new OpenSloConverter().convert(fixture("infeasible-alert.yaml")));

        assertThat(problems).extracting(SloSpecException.Problem::path).containsExactly(
                "spec.alertPolicies[0].alertPolicyRef",
                "spec.alertPolicies[1].spec.conditions[0].spec.condition.op",
                "spec.alertPolicies[1].spec.conditions[0].spec.condition.threshold");
        assertThat(problems.get(0).message()).contains("'missing-policy'", "AlertPolicy");
        assertThat(problems.get(2).message()).contains("found 14.4", "at most 10", "could never fire");
        assertThat(problems.get(2).source()).startsWith("infeasible-alert.yaml:");
    }

    @Test
    void aRollingWindowOfMonthsIsRejectedBecauseItsLengthVaries() {
        SloDocument rollingMonth = minimalSlo();
        SloDocument.Spec spec = rollingMonth.spec();
        SloDocument changed = new SloDocument(OpenSloDocument.V1, rollingMonth.metadata(), new SloDocument.Spec(
                null, null, spec.indicator(), null,
                List.of(new SloDocument.TimeWindowSpec("1M", null, null, true, null)),
                "Occurrences", spec.objectives(), List.of()));

        List<SloSpecException.Problem> problems =
                problemsOf(() -> new OpenSloConverter().convert(OpenSloFile.of("code", List.of(changed))));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("spec.timeWindow[0].duration");
            assertThat(problem.message()).contains("'1M'", "fixed length", "30d");
        });
    }

    @Test
    void aFileWithoutSloDocumentsIsValidAndConvertsToNoSlo() {
        SliDocument sli = minimalSlo().spec().indicator();
        OpenSloFile onlySli = OpenSloFile.of("sli.yaml", List.of(
                new SliDocument(OpenSloDocument.V1, sli.metadata(), sli.spec())));

        assertThat(new OpenSloConverter().convert(onlySli).slos()).isEmpty();
    }

    @Test
    void aConditionBuiltInCodeWithoutSeverityGetsItFromItsWindowInsteadOfFailing() {
        AlertConditionDocument condition = new AlertConditionDocument(null, Metadata.named("fast"),
                new AlertConditionDocument.Spec(null, null,
                        new AlertConditionDocument.Condition("burnrate", "gte", 14.4, "1h", null)));
        AlertPolicyDocument policy = new AlertPolicyDocument(null, Metadata.named("burn"), new AlertPolicyDocument.Spec(
                null, null, null, null, List.of(new AlertPolicyDocument.ConditionEntry(null, condition)), List.of()));
        SloDocument document = withAlertPolicy(new SloDocument.AlertPolicyEntry(null, policy));

        OpenSloConversion conversion = new OpenSloConverter().convert(OpenSloFile.of("code", List.of(document)));

        assertThat(conversion.slos()).singleElement().satisfies(slo -> assertThat(slo.alerting().tiers())
                .extracting(BurnRateTier::severity).containsExactly(Severity.PAGE));
        assertThat(conversion.warnings()).singleElement()
                .satisfies(warning -> assertThat(warning.message()).contains("as page", "long window PT1H"));
    }

    @Test
    void anAlertPolicyEntryBuiltInCodeWithNeitherReferenceNorPolicyIsAProblemNotACrash() {
        SloDocument document = withAlertPolicy(new SloDocument.AlertPolicyEntry(null, null));

        List<SloSpecException.Problem> problems =
                problemsOf(() -> new OpenSloConverter().convert(OpenSloFile.of("code", List.of(document))));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("spec.alertPolicies[0].alertPolicyRef");
            assertThat(problem.message()).contains("no AlertPolicy document was given");
        });
    }

    private static SloDocument withAlertPolicy(SloDocument.AlertPolicyEntry entry) {
        SloDocument minimal = minimalSlo();
        SloDocument.Spec spec = minimal.spec();
        return new SloDocument(OpenSloDocument.V1, minimal.metadata(), new SloDocument.Spec(null, "shop",
                spec.indicator(), null, spec.timeWindows(), "Occurrences", spec.objectives(), List.of(entry)));
    }

    static SloDocument minimalSlo() {
        SliDocument indicator = new SliDocument(null, Metadata.named("minimal-ratio"), new SliDocument.Spec(null, null,
                new SliDocument.RatioMetric(null, null, MetricSpec.v1("Prometheus", "sum(rate(ok[{{.window}}]))"),
                        null, MetricSpec.v1("Prometheus", "sum(rate(all[{{.window}}]))"), null, null)));
        SloDocument.Objective objective = new SloDocument.Objective(null, null, null, 0.999, null, null, null, null,
                null, null, null);
        return new SloDocument(OpenSloDocument.V1, Metadata.named("minimal"), new SloDocument.Spec(null, "shop",
                indicator, null, List.of(new SloDocument.TimeWindowSpec("30d", null, null, true, null)),
                "Occurrences", List.of(objective), List.of()));
    }
}
