package io.github.mlhighway.lifecycle.core.release;

import io.github.mlhighway.lifecycle.core.data.drift.ProportionZTest;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Gate;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.release.CohortStats;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The analysis of one interval, as a {@link Gate}: PASS/WARN is a success, FAIL a failure, INCONCLUSIVE too little
 * data. The controller hands it what the cohorts counted since the previous analysis; a delayed label is counted
 * in the analysis in which it is joined, not in the one that saw its prediction served. The rules, in order:
 * <ol>
 * <li>{@code sample.candidate}: fewer than {@code minSample} candidate requests is INCONCLUSIVE (and nothing else
 * is judged);</li>
 * <li>{@code error_ratio.absolute} (and {@code slow_ratio.absolute} when enabled): the candidate's ratio above the
 * bound is a FAIL;</li>
 * <li>{@code error_ratio.vs_baseline} and {@code incorrect_ratio.vs_baseline}: the candidate's bad ratio
 * {@code c} is compared with the baseline's {@code b}. It must stay within two bounds, one on the bad ratio and
 * one on the good ratio, so the rule means something near 0 and near 1 alike:
 * {@code c <= b * factor + slack} (at most {@code factor} times as bad) and
 * {@code 1 - c >= (1 - b) / factor - slack} (at least a {@code factor}-th as good). Near 0 the first bound is the
 * tight one (1% errors allow 2% with the defaults 1.5 and 0.005); near 1 the second is (a baseline wrong on 96.8%
 * of labels allows at most 98.37%, where the first bound alone, above 1, would allow anything). Beyond the bound
 * the check FAILs only when a one-sided pooled two-proportion z-test also finds the candidate worse at
 * {@code alpha}; otherwise it WARNs (too few events to blame the candidate). A baseline with fewer than
 * {@code minSample} requests makes the comparison INCONCLUSIVE ({@code sample.baseline}). The one exception is a
 * baseline that saw no requests at all while the candidate holds 100% of the traffic
 * ({@link Input#candidateWeight()}): there is nothing left to compare with, so only the absolute bounds apply.
 * Below 100% an empty baseline is INCONCLUSIVE too: it means a misnamed cohort or a broken stats source, and must
 * not silently turn the comparison off.</li>
 * <li>{@code sample.labels}, by {@link ReleaseConfig#qualityComparison()}: the incorrect ratios are compared only
 * when both cohorts have {@code minSample} labels. With fewer, {@link QualityComparison#REQUIRED} makes the
 * analysis INCONCLUSIVE; {@link QualityComparison#WHEN_LABELLED} (the default) says in a WARN finding that too
 * few labels arrived (a PASS note when none did), so missing quality evidence is never a silent pass;
 * {@link QualityComparison#OFF} compares no quality.</li>
 * </ol>
 *
 * @since 0.1
 */
public final class CohortAnalysis implements Gate<CohortAnalysis.Input> {

    private final ReleaseConfig config;
    private final Clock clock;

    /**
     * One interval's statistics.
     *
     * @param baseline        the baseline cohort
     * @param candidate       the candidate cohort
     * @param candidateWeight the candidate's share of the traffic during the interval, in percent (0 to 100); only
     *                        at 100 may the baseline be empty without making the comparison inconclusive
     */
    public record Input(CohortStats baseline, CohortStats candidate, int candidateWeight) {

        /** Validates the components. */
        public Input {
            Objects.requireNonNull(baseline, "baseline");
            Objects.requireNonNull(candidate, "candidate");
            if (candidateWeight < 0 || candidateWeight > 100) {
                throw new IllegalArgumentException("Candidate weight must be 0 to 100 percent, was "
                        + candidateWeight);
            }
        }
    }

    /**
     * @param config the release's rules
     * @param clock  the clock for verdict times
     */
    public CohortAnalysis(ReleaseConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return "release-analysis:" + config.releaseId();
    }

    @Override
    public Verdict evaluate(Input input) {
        CohortStats base = input.baseline();
        CohortStats cand = input.candidate();
        List<Finding> findings = new ArrayList<>();
        if (cand.requests() < config.minSample()) {
            findings.add(Finding.of("sample.candidate", Outcome.INCONCLUSIVE, cand.requests(), config.minSample(),
                    "cohort '" + cand.cohort() + "' served " + cand.requests() + " requests in " + cand.window()
                            + ", fewer than the " + config.minSample() + " needed to judge it"));
            return Verdict.fromFindings(name(), findings, clock.instant());
        }
        findings.add(bound("error_ratio.absolute", cand.errorRatio(), config.maxErrorRatio(), cand, "error ratio"));
        if (config.maxSlowRatio() < 1) {
            double slow = (double) cand.slowRequests() / cand.requests();
            findings.add(bound("slow_ratio.absolute", slow, config.maxSlowRatio(), cand, "slow-request ratio"));
        }
        if (config.compareToBaseline()) {
            if (base.requests() == 0 && input.candidateWeight() == 100) {
                findings.add(Finding.note("error_ratio.vs_baseline", Outcome.PASS, "baseline '" + base.cohort()
                        + "' served no requests (candidate at 100%): only the absolute bounds apply"));
            } else if (base.requests() == 0) {
                findings.add(Finding.of("sample.baseline", Outcome.INCONCLUSIVE, 0, config.minSample(),
                        "baseline '" + base.cohort() + "' served no requests in " + base.window()
                                + " while the candidate is at " + input.candidateWeight() + "%; the baseline"
                                + " should serve the other " + (100 - input.candidateWeight()) + "%, so its cohort"
                                + " name or the stats source is likely wrong, and the comparison cannot be made"));
            } else if (base.requests() < config.minSample()) {
                findings.add(Finding.of("sample.baseline", Outcome.INCONCLUSIVE, base.requests(),
                        config.minSample(), "baseline '" + base.cohort() + "' served " + base.requests()
                                + " requests, fewer than the " + config.minSample() + " needed to compare"));
            } else {
                findings.add(compare("error_ratio.vs_baseline", "error ratio", base.errors(), base.requests(),
                        cand.errors(), cand.requests()));
                quality(findings, base, cand);
            }
        }
        return Verdict.fromFindings(name(), findings, clock.instant());
    }

    private static Finding bound(String check, double observed, double max, CohortStats cand, String what) {
        boolean ok = observed <= max;
        return Finding.of(check, ok ? Outcome.PASS : Outcome.FAIL, observed, max, String.format(Locale.ROOT,
                "%s of '%s' is %.4f over %d requests, %s the bound %.4f", what, cand.cohort(), observed,
                cand.requests(), ok ? "within" : "above", max));
    }

    private void quality(List<Finding> findings, CohortStats base, CohortStats cand) {
        QualityComparison mode = config.qualityComparison();
        if (mode == QualityComparison.OFF) {
            return;
        }
        long need = config.minSample();
        if (base.labelled() >= need && cand.labelled() >= need) {
            findings.add(compare("incorrect_ratio.vs_baseline", "incorrect ratio", base.incorrect(),
                    base.labelled(), cand.incorrect(), cand.labelled()));
            return;
        }
        String counts = "quality not compared: baseline '" + base.cohort() + "' has " + base.labelled()
                + " and candidate '" + cand.cohort() + "' " + cand.labelled() + " labelled predictions in this"
                + " analysis (" + cand.window() + "), " + need + " needed in each; labels are counted in the"
                + " analysis in which they are joined, not when the prediction was served";
        long fewest = Math.min(base.labelled(), cand.labelled());
        if (mode == QualityComparison.REQUIRED) {
            findings.add(Finding.of("sample.labels", Outcome.INCONCLUSIVE, fewest, need, counts
                    + "; quality is required"));
        } else {
            Outcome outcome = base.labelled() + cand.labelled() > 0 ? Outcome.WARN : Outcome.PASS;
            findings.add(Finding.of("sample.labels", outcome, fewest, need, counts
                    + "; requireLabels() makes this inconclusive"));
        }
    }

    /**
     * The two-sided bound (bad ratio at most {@code factor} times the baseline's plus slack, good ratio at least a
     * {@code factor}-th of the baseline's minus slack), then a one-sided z-test for a candidate beyond it.
     */
    private Finding compare(String check, String what, long baseBad, long baseTotal, long candBad, long candTotal) {
        double baseRatio = (double) baseBad / baseTotal;
        double candRatio = (double) candBad / candTotal;
        double factor = config.maxRelativeFactor();
        double slack = config.relativeSlack();
        double badLimit = baseRatio * factor + slack;
        double goodLimit = 1 - ((1 - baseRatio) / factor - slack);
        double limit = Math.min(badLimit, goodLimit);
        String rule = String.format(Locale.ROOT, "at most x%.2f + %.4f as bad and at least /%.2f - %.4f as good as"
                + " the baseline's %.4f (%d/%d), so at most %.4f", factor, slack, factor, slack, baseRatio, baseBad,
                baseTotal, limit);
        if (candRatio <= limit) {
            return Finding.of(check, Outcome.PASS, candRatio, limit, String.format(Locale.ROOT,
                    "candidate %s %.4f (%d/%d) within the bound: %s", what, candRatio, candBad, candTotal, rule));
        }
        ProportionZTest.Result test = ProportionZTest.test(baseBad, baseTotal, candBad, candTotal);
        double oneSided = test.statistic() < 0 ? test.pValue() / 2 : 1 - test.pValue() / 2;
        boolean significant = oneSided < config.alpha();
        return Finding.of(check, significant ? Outcome.FAIL : Outcome.WARN, candRatio, limit, String.format(
                Locale.ROOT, "candidate %s %.4f (%d/%d) above the bound: %s; one-sided z-test p=%.4g is %s at"
                        + " alpha %.3g", what, candRatio, candBad, candTotal, rule, oneSided,
                significant ? "significant" : "not significant", config.alpha()));
    }
}
