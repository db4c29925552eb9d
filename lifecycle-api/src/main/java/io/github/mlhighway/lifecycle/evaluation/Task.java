package io.github.mlhighway.lifecycle.evaluation;

/**
 * The kind of prediction a model makes, which decides the metrics that apply.
 *
 * @since 0.1
 */
public enum Task {
    /** Labels 0/1 and a predicted probability of class 1. */
    BINARY_CLASSIFICATION,
    /** Real-valued targets and predictions. */
    REGRESSION
}
