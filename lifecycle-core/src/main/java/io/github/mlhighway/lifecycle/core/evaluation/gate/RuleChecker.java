package io.github.mlhighway.lifecycle.core.evaluation.gate;

import io.github.mlhighway.lifecycle.core.evaluation.BinaryData;
import io.github.mlhighway.lifecycle.core.evaluation.EvaluationData;
import io.github.mlhighway.lifecycle.core.evaluation.internal.McNemar;
import io.github.mlhighway.lifecycle.core.evaluation.internal.McNemarResult;
import io.github.mlhighway.lifecycle.core.evaluation.internal.Percentiles;
import io.github.mlhighway.lifecycle.core.evaluation.Score;
import io.github.mlhighway.lifecycle.evaluation.ConfidenceInterval;
import io.github.mlhighway.lifecycle.evaluation.StandardMetric;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Turns one {@link MetricRule} on one set of rows (all, or a slice) into findings. */
final class RuleChecker {

    private final ModelGate gate;
    private final ModelComparison comparison;
    private final int[] mask;
    private final String scope;
    private final boolean slice;
    private final long seed;

    RuleChecker(ModelGate gate, ModelComparison comparison, int[] mask, @Nullable String sliceKey, long seed) {
        this.gate = gate;
        this.comparison = comparison;
        this.mask = mask;
        this.slice = sliceKey != null;
        this.scope = slice ? "[slice=" + sliceKey + "]" : "";
        this.seed = seed;
    }

    List<Finding> check(MetricRule rule) {
        List<Finding> findings = new ArrayList<>();
        String name = rule.name();
        Score mine = Objects.requireNonNull(rule.metric()).compute(comparison.challenger(), mask);
        Finding problem = unusable(name + ".value", name, "challenger", mine);
        if (problem != null) {
            findings.add(problem);
            return findings;
        }
        double value = mine.value();
        if (rule.atLeast() != null) {
            boolean ok = value >= rule.atLeast();
            findings.add(Finding.of(check(name + ".at_least"), ok ? Outcome.PASS : Outcome.FAIL, value,
                    rule.atLeast(), sentence("%s of the challenger is %s on %d rows%s; at least %s is required.",
                            name, num(value), mine.n(), where(), num(rule.atLeast()))));
        }
        if (rule.atMost() != null) {
            boolean ok = value <= rule.atMost();
            findings.add(Finding.of(check(name + ".at_most"), ok ? Outcome.PASS : Outcome.FAIL, value,
                    rule.atMost(), sentence("%s of the challenger is %s on %d rows%s; at most %s is allowed.",
                            name, num(value), mine.n(), where(), num(rule.atMost()))));
        }
        if (!rule.changes().isEmpty()) {
            findings.addAll(checkChanges(rule, value));
        }
        return findings;
    }

    private List<Finding> checkChanges(MetricRule rule, double mine) {
        String name = rule.name();
        List<Finding> findings = new ArrayList<>();
        if (comparison.champion().isEmpty()) {
            for (ChangeThreshold change : rule.changes()) {
                findings.add(Finding.note(check(name + ".vs_champion." + change.checkName()), Outcome.WARN,
                        "There is no champion to compare with, so the " + change.checkName().replace('_', ' ')
                                + " threshold on " + name + " was not applied."));
            }
            return findings;
        }
        EvaluationData champion = comparison.champion().get();
        Score theirs = Objects.requireNonNull(rule.metric()).compute(champion, mask);
        Finding problem = unusable(name + ".vs_champion", name, "champion", theirs);
        if (problem != null) {
            findings.add(problem);
            return findings;
        }
        PairedBootstrap.Draws draws = null;
        for (ChangeThreshold change : rule.changes()) {
            String check = check(name + ".vs_champion." + change.checkName());
            if (change.relative() && theirs.value() == 0) {
                findings.add(Finding.of(check, Outcome.FAIL, mine, change.margin(), sentence(
                        "The champion's %s is 0%s, so a change relative to it is undefined; declare an absolute "
                                + "margin for this metric instead.", name, where())));
                continue;
            }
            if (isMcNemarCase(rule, change)) {
                findings.add(mcNemar(rule, check, mine, theirs.value()));
                continue;
            }
            if (draws == null) {
                draws = PairedBootstrap.run(rule.metric(), rule.direction(), comparison.challenger(), champion,
                        mask, gate.resamples(), gate.stratified(), seed);
            }
            findings.add(decide(rule, change, check, mine, theirs.value(), draws));
        }
        return findings;
    }

    private Finding decide(MetricRule rule, ChangeThreshold change, String check, double mine, double theirs,
                           PairedBootstrap.Draws draws) {
        int undefined = change.relative() ? draws.relativeUndefined() : draws.undefined();
        double improvement = rule.direction().improvement(mine, theirs);
        double observed = change.relative() ? improvement / Math.abs(theirs) : improvement;
        String what = change.relative() ? "relative improvement" : "improvement";
        if (undefined > 0) {
            return Finding.of(check, Outcome.INCONCLUSIVE, observed, change.limit(), sentence(
                    "The paired bootstrap of %s%s could not decide: the metric or its change was undefined on %d "
                            + "of %d resamples.", rule.name(), where(), undefined, gate.resamples()));
        }
        ConfidenceInterval interval = Percentiles.interval(change.relative() ? draws.relative() : draws.absolute(),
                rule.confidence());
        // The two-sided interval at the rule's confidence c: PASS needs its lower end above the limit, which is a
        // one-sided lower confidence bound at level (1 + c) / 2 (97.5% for c = 95%); FAIL needs its upper end below.
        Outcome outcome = interval.low() > change.limit() ? Outcome.PASS
                : interval.high() < change.limit() ? Outcome.FAIL : Outcome.INCONCLUSIVE;
        String limit = "the " + change.checkName().replace('_', ' ') + " limit " + num(change.limit());
        String verdict = switch (outcome) {
            case PASS -> "its lower end is above " + limit;
            case FAIL -> "the whole interval is below " + limit;
            default -> "the interval straddles " + limit;
        };
        return Finding.of(check, outcome, interval.low(), change.limit(), sentence(
                "%s of the challenger is %s vs the champion's %s%s: %s %s; the two-sided %s%% paired-bootstrap "
                        + "interval of the difference is %s to %s (%d resamples; its lower end is a one-sided %s%% "
                        + "lower bound), and %s.",
                rule.name(), num(mine), num(theirs), where(), what, signed(observed), pct(rule.confidence()),
                num(interval.low()), num(interval.high()), gate.resamples(), pct((1 + rule.confidence()) / 2),
                verdict));
    }

    private boolean isMcNemarCase(MetricRule rule, ChangeThreshold change) {
        return rule.name().equals(StandardMetric.ACCURACY.key()) && comparison.challenger() instanceof BinaryData
                && change.kind() == ChangeThreshold.Kind.SUPERIORITY && !change.relative() && change.margin() == 0;
    }

    private Finding mcNemar(MetricRule rule, String check, double mine, double theirs) {
        McNemarResult test = McNemar.test((BinaryData) comparison.challenger(),
                (BinaryData) comparison.champion().orElseThrow(), mask, gate.threshold());
        double alpha = 1 - rule.confidence();
        boolean significant = test.pValue() < alpha;
        int b = test.challengerOnlyCorrect();
        int c = test.championOnlyCorrect();
        Outcome outcome = significant && b > c ? Outcome.PASS
                : significant && c > b ? Outcome.FAIL : Outcome.INCONCLUSIVE;
        return Finding.of(check, outcome, test.pValue(), alpha, sentence(
                "accuracy of the challenger is %s vs the champion's %s%s; McNemar's %s test on %d rows only the "
                        + "challenger gets right and %d only the champion gets right gives p = %s against alpha %s.",
                num(mine), num(theirs), where(), test.exact() ? "exact binomial" : "chi-squared (corrected)", b, c,
                num(test.pValue()), num(alpha)));
    }

    private @Nullable Finding unusable(String checkName, String name, String model, Score score) {
        if (!score.defined()) {
            return Finding.note(check(checkName), slice ? Outcome.INCONCLUSIVE : Outcome.FAIL, sentence(
                    "%s is missing for the %s%s: %s.", name, model, where(), Objects.requireNonNull(score.reason())));
        }
        if (!Double.isFinite(score.value())) {
            return Finding.note(check(checkName), Outcome.FAIL, sentence("%s of the %s is %s%s, not a number a "
                    + "gate can compare.", name, model, score.value(), where()));
        }
        return null;
    }

    private String check(String name) {
        return "model." + name + scope;
    }

    private String where() {
        return slice ? " in slice " + scope : "";
    }

    private static String sentence(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }

    private static String signed(double value) {
        return String.format(Locale.ROOT, "%+.4g", value);
    }

    private static String pct(double level) {
        return java.math.BigDecimal.valueOf(100 * level).round(new java.math.MathContext(6)).stripTrailingZeros()
                .toPlainString();
    }
}
