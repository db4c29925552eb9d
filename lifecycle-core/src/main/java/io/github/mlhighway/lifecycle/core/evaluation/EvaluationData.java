package io.github.mlhighway.lifecycle.core.evaluation;

import io.github.mlhighway.lifecycle.evaluation.Task;

/**
 * One model's predictions on an evaluation set, validated and ready for metrics.
 *
 * @since 0.1
 */
public sealed interface EvaluationData permits BinaryData, RegressionData {

    /** @return the kind of model */
    Task task();

    /** @return the number of rows */
    int rows();

    /**
     * The stratum of a row for stratified resampling: the label for classification, 0 for regression.
     *
     * @param row row index
     * @return the stratum, from 0 to {@link #strata()} - 1
     */
    int stratum(int row);

    /** @return the number of strata (2 for classification, 1 for regression) */
    int strata();
}
