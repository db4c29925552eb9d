package io.github.mlhighway.lifecycle.core.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.slo.AlertPolicy;
import io.github.mlhighway.lifecycle.slo.Operator;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.slo.SloSpecException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusRulesTest {

    static final String GOOD = "sum(rate(http_requests_total{job=\"shop\",code!~\"5..\"}[{{.window}}]))";
    static final String TOTAL = "sum(rate(http_requests_total{job=\"shop\"}[{{.window}}]))";

    static Slo availability() {
        return Slo.ratio("availability").service("shop").goodOverTotal(GOOD, TOTAL)
                .objective(0.999).rollingWindow(Duration.ofDays(30)).build();
    }

    private static List<String> names(RuleGroup group) {
        return group.rules().stream().map(rule -> rule instanceof Rule.Recording recording ? recording.record()
                : ((Rule.Alerting) rule).alert()).toList();
    }

    @Test
    void anSloGetsSliMetaAndAlertGroupsNamedAfterServiceAndSlo() {
        List<RuleGroup> groups = new PrometheusRules().groups(availability());

        assertThat(groups).extracting(RuleGroup::name).containsExactly(
                "sloth-slo-sli-recordings-shop-availability",
                "sloth-slo-meta-recordings-shop-availability",
                "sloth-slo-alerts-shop-availability");
        assertThat(names(groups.get(0))).containsExactly("slo:sli_error:ratio_rate5m", "slo:sli_error:ratio_rate30m",
                "slo:sli_error:ratio_rate1h", "slo:sli_error:ratio_rate6h", "slo:sli_error:ratio_rate3d",
                "slo:sli_error:ratio_rate30d");
        assertThat(names(groups.get(1))).containsExactly("slo:objective:ratio", "slo:error_budget:ratio",
                "slo:time_period:days", "slo:current_burn_rate:ratio", "slo:period_burn_rate:ratio",
                "slo:period_error_budget_remaining:ratio", "sloth_slo_info");
        assertThat(names(groups.get(2))).containsExactly("AvailabilityBurnRatePage", "AvailabilityBurnRateTicket");
    }

    @Test
    void aGoodEventQueryBecomesOneMinusGoodOverTotalWithTheWindowFilledIn() {
        Rule fiveMinutes = new PrometheusRules().groups(availability()).get(0).rules().get(0);

        assertThat(fiveMinutes.expr()).startsWith("(\n  1 - (\n").contains("code!~\"5..\"}[5m]))", "job=\"shop\"}[5m]))")
                .doesNotContain("{{.window}}");
        assertThat(fiveMinutes.labels()).containsEntry("sloth_id", "shop-availability")
                .containsEntry("sloth_service", "shop").containsEntry("sloth_slo", "availability")
                .containsEntry("sloth_window", "5m");
    }

    @Test
    void aBadEventQueryIsDividedByTotalDirectly() {
        Slo errors = Slo.ratio("errors").badOverTotal("sum(rate(errors_total[{{ .window }}]))", TOTAL)
                .objective(0.99).build();

        Rule fiveMinutes = new PrometheusRules().groups(errors).get(0).rules().get(0);

        assertThat(fiveMinutes.expr()).isEqualTo("(\n  (\n    sum(rate(errors_total[5m]))\n  )\n  /\n  (\n"
                + "    sum(rate(http_requests_total{job=\"shop\"}[5m]))\n  )\n)");
        assertThat(fiveMinutes.labels()).containsEntry("sloth_id", "errors");
    }

    @Test
    void thePageAlertJoinsItsTiersWithOrAndEachTierChecksBothWindows() {
        Rule.Alerting page = (Rule.Alerting) new PrometheusRules().groups(availability()).get(2).rules().get(0);

        assertThat(page.expr()).contains(
                "(slo:sli_error:ratio_rate5m{sloth_id=\"shop-availability\", sloth_service=\"shop\", "
                        + "sloth_slo=\"availability\"} >= (14.4 * 0.001))\n    and ignoring (sloth_window)\n"
                        + "    (slo:sli_error:ratio_rate1h{",
                "\nor ignoring (sloth_window)\n", "ratio_rate30m", ">= (6 * 0.001)");
        assertThat(page.labels()).containsEntry("severity", "page").containsEntry("sloth_severity", "page");
        assertThat(page.annotations()).containsKeys("summary", "title");
    }

    @Test
    void disabledTiersAreLeftOutAndWrittenAsComments() {
        Slo slo = availability().toBuilder()
                .alerting(AlertPolicy.sreWorkbook(Duration.ofDays(30)).withTierEnabled("ticket-3d", false)).build();

        List<RuleGroup> groups = new PrometheusRules().groups(slo);
        String yaml = new PrometheusRules().yaml(List.of(slo));

        assertThat(names(groups.get(2))).containsExactly("AvailabilityBurnRatePage");
        assertThat(yaml).contains("  # tier 'ticket-3d' (ticket, 1x over 3d and 6h) is disabled");
    }

    @Test
    void aTimeslicesSloKeepsEventRatioRulesButSaysInEveryGroupThatTheSliceTargetAndWindowAreNotExported() {
        Slo accuracy = availability().toBuilder().timeslices(Duration.ofHours(1), 0.9).build();
        PrometheusRules rules = new PrometheusRules();

        List<RuleGroup> groups = rules.groups(accuracy);

        assertThat(groups).hasSize(3).allSatisfy(group -> assertThat(group.comments()).first().asString()
                .contains("SLO 'availability' uses budgetingMethod Timeslices", "judge events, not slices",
                        "not exported: slice target gte 0.9 and slice window 1h"));
        assertThat(names(groups.get(2))).containsExactly("AvailabilityBurnRatePage", "AvailabilityBurnRateTicket");
        assertThat(rules.warnings(List.of(availability(), accuracy))).singleElement().asString()
                .startsWith("SLO 'availability' uses budgetingMethod Timeslices");
        assertThat(rules.yaml(List.of(accuracy)))
                .contains("- name: \"sloth-slo-alerts-shop-availability\"\n  # SLO 'availability' uses");
    }

    @Test
    void aRatioTimeslicesSloNamesOnlyItsSliceWindowAsNotExported() {
        Slo ratioSlices = availability().toBuilder().ratioTimeslices(Duration.ofMinutes(5)).build();

        List<String> warnings = new PrometheusRules().warnings(List.of(ratioSlices));

        assertThat(warnings).singleElement().asString().contains("budgetingMethod RatioTimeslices",
                "not exported: slice window 5m").doesNotContain("slice target");
        assertThat(new PrometheusRules().groups(availability()))
                .allSatisfy(group -> assertThat(group.comments()).isEmpty());
    }

    @Test
    void aPeriodThatIsAlsoAnAlertWindowIsRecordedOnce() {
        Slo threeDays = availability().toBuilder().rollingWindow(Duration.ofDays(3))
                .alerting(AlertPolicy.sreWorkbook(Duration.ofDays(3))).build();

        List<String> sli = names(new PrometheusRules().groups(threeDays).get(0));

        assertThat(sli).containsExactly("slo:sli_error:ratio_rate5m", "slo:sli_error:ratio_rate30m",
                "slo:sli_error:ratio_rate1h", "slo:sli_error:ratio_rate6h", "slo:sli_error:ratio_rate3d");
    }

    @Test
    void thresholdSlosAreRefusedNamingTheSlo() {
        Slo latency = Slo.threshold("latency", Operator.LTE, 300).objective(0.99).build();

        assertThatThrownBy(() -> new PrometheusRules().yaml(List.of(availability(), latency)))
                .isInstanceOf(SloSpecException.class)
                .hasMessageContaining("SLO 'latency'")
                .hasMessageContaining("threshold indicator, expected a ratio indicator");
    }

    @Test
    void aRatioSloWithoutQueriesIsRefused() {
        Slo inProcess = Slo.ratio("in-process").objective(0.99).build();

        assertThatThrownBy(() -> new PrometheusRules().groups(inProcess))
                .isInstanceOf(SloSpecException.class)
                .hasMessageContaining("SLO 'in-process': indicator.counted: found no query");
    }

    @Test
    void theYamlIsDeterministicAndQuotesEveryLabelValue() {
        RulesConfig config = RulesConfig.DEFAULTS.withLabel("team", "payments \"core\"");

        String first = new PrometheusRules(config).yaml(List.of(availability()));
        String second = new PrometheusRules(config).yaml(List.of(availability()));

        assertThat(first).isEqualTo(second)
                .startsWith("# Generated by Lifecycle dev from 1 SLO(s). DO NOT EDIT.\ngroups:\n")
                .contains("      team: \"payments \\\"core\\\"\"\n")
                .contains("    expr: \"vector(0.999)\"\n");
    }
}
