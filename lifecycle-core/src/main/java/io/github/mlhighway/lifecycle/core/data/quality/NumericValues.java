package io.github.mlhighway.lifecycle.core.data.quality;

import io.github.mlhighway.lifecycle.core.data.Column;
import io.github.mlhighway.lifecycle.core.data.NumericColumn;
import java.util.function.IntToDoubleFunction;
import org.jspecify.annotations.Nullable;

/** Reads the rows of a numeric column as doubles through the typed accessors; timestamps as epoch millis. */
final class NumericValues {

    private NumericValues() {
    }

    /** The accessor, or null when the column is not numeric. */
    static @Nullable IntToDoubleFunction of(Column column) {
        return column instanceof NumericColumn numbers ? numbers::getAsDouble : null;
    }

    static String notNumeric(Column column, String statistic) {
        return "Column '" + column.name() + "' is " + column.type() + "; " + statistic
                + " needs a DOUBLE, LONG or TIMESTAMP column";
    }
}
