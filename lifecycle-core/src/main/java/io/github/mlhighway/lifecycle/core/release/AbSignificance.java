package io.github.mlhighway.lifecycle.core.release;

import io.github.mlhighway.lifecycle.core.data.drift.ProportionZTest;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import java.util.Locale;

/**
 * The end of an A/B test: a pooled two-proportion z-test (two-sided) on the incorrect ratio when both arms have at
 * least {@code minSample} labels, else on the error ratio, over the totals of the whole test.
 */
final class AbSignificance {

    /** Which arm won. */
    enum Winner { A, B, NONE }

    /**
     * @param winner  the lower-ratio arm when the difference is significant, NONE otherwise
     * @param finding the evidence
     */
    record Result(Winner winner, Finding finding) {
    }

    private AbSignificance() {
    }

    static Result decide(CohortTotals a, CohortTotals b, long minSample, double alpha) {
        boolean quality = a.labelled() >= minSample && b.labelled() >= minSample;
        long badA = quality ? a.incorrect() : a.errors();
        long totalA = quality ? a.labelled() : a.requests();
        long badB = quality ? b.incorrect() : b.errors();
        long totalB = quality ? b.labelled() : b.requests();
        String metric = quality ? "incorrect_ratio" : "error_ratio";
        if (totalA < minSample || totalB < minSample) {
            return new Result(Winner.NONE, Finding.of("ab." + metric, Outcome.INCONCLUSIVE, Math.min(totalA, totalB),
                    minSample, "too few events to compare A and B: " + totalA + " and " + totalB));
        }
        ProportionZTest.Result test = ProportionZTest.test(badA, totalA, badB, totalB);
        double ratioA = (double) badA / totalA;
        double ratioB = (double) badB / totalB;
        Winner winner = test.pValue() >= alpha ? Winner.NONE : ratioB < ratioA ? Winner.B : Winner.A;
        String text = String.format(Locale.ROOT, "%s A=%.4f (%d/%d) B=%.4f (%d/%d): z=%.3f, two-sided p=%.4g at"
                        + " alpha %.3g -> %s", metric, ratioA, badA, totalA, ratioB, badB, totalB, test.statistic(),
                test.pValue(), alpha, winner == Winner.NONE ? "no significant difference, keep A"
                        : winner == Winner.B ? "B is significantly better" : "B is significantly worse");
        return new Result(winner, Finding.of("ab." + metric, winner == Winner.B ? Outcome.PASS : Outcome.FAIL,
                test.pValue(), alpha, text));
    }
}
