package io.github.mlhighway.lifecycle.core.evaluation.internal;

/**
 * The outcome of McNemar's test on the discordant pairs of two classifiers evaluated on the same rows.
 *
 * @param challengerOnlyCorrect rows the challenger gets right and the champion wrong (b)
 * @param championOnlyCorrect   rows the champion gets right and the challenger wrong (c)
 * @param statistic             the chi-squared statistic {@code (|b - c| - 1)^2 / (b + c)}, or for the exact test
 *                              {@code min(b, c)}
 * @param pValue                two-sided p-value of "both models are equally accurate"
 * @param exact                 true when the exact binomial test was used
 * @since 0.1
 */
public record McNemarResult(int challengerOnlyCorrect, int championOnlyCorrect, double statistic, double pValue,
                            boolean exact) {
}
