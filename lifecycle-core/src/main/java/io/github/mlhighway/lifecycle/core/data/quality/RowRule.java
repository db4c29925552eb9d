package io.github.mlhighway.lifecycle.core.data.quality;

import io.github.mlhighway.lifecycle.core.data.Column;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/** What a {@link RowConstraint} asks of each row: the per-row test behind a fraction. */
interface RowRule extends java.io.Serializable {

    /** @return the rule name in check names, e.g. {@code range} */
    String name();

    /** @return what a passing value does, e.g. {@code lie in [0, 20]} */
    String requirement();

    /** @return true when null rows are judged (completeness); otherwise only non-null rows count */
    default boolean judgesNulls() {
        return false;
    }

    /**
     * Why the rule cannot judge this column (e.g. a range on a STRING column), or null when it can.
     *
     * @param column the column
     * @return the reason, or null
     */
    default @Nullable String inapplicable(Column column) {
        return null;
    }

    /**
     * The per-row test for one column; it may precompute over the whole column.
     *
     * @param column the column
     * @return true for rows that satisfy the rule
     */
    IntPredicate tester(Column column);
}
