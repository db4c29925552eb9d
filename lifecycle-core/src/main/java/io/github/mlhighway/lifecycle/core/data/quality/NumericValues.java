package io.github.mlhighway.lifecycle.core.data.quality;

import io.github.mlhighway.lifecycle.core.data.Column;
import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.LongColumn;
import io.github.mlhighway.lifecycle.core.data.TimestampColumn;
import java.util.function.IntToDoubleFunction;

/** Reads the rows of a numeric column as doubles through the typed accessors; timestamps as epoch millis. */
final class NumericValues {

    private NumericValues() {
    }

    /** The accessor, or null when the column is not numeric. */
    static IntToDoubleFunction of(Column column) {
        if (column instanceof DoubleColumn doubles) {
            return doubles::getDouble;
        }
        if (column instanceof LongColumn longs) {
            return longs::getLong;
        }
        if (column instanceof TimestampColumn timestamps) {
            return timestamps::getEpochMillis;
        }
        return null;
    }

    static String notNumeric(Column column, String statistic) {
        return "Column '" + column.name() + "' is " + column.type() + "; " + statistic
                + " needs a DOUBLE, LONG or TIMESTAMP column";
    }
}
