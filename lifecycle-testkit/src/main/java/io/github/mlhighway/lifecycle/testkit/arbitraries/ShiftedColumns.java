package io.github.mlhighway.lifecycle.testkit.arbitraries;

import io.github.mlhighway.lifecycle.core.data.Column;
import java.util.Objects;

/**
 * A reference column and a current column drawn from a shifted distribution, for testing drift detection.
 *
 * @param reference the column drawn from the reference distribution
 * @param current   the column drawn from the shifted distribution
 * @param shift     the shift applied: in standard deviations for numeric columns, in probability moved to the
 *                  target category for categorical columns
 * @param <C>       the column type
 * @since 0.1
 */
public record ShiftedColumns<C extends Column>(C reference, C current, double shift) {

    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if a column is null
     */
    public ShiftedColumns {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(current, "current");
    }
}
