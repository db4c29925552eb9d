package io.github.mlhighway.lifecycle.core.data.csv;

import io.github.mlhighway.lifecycle.core.data.ColumnType;

/**
 * Infers a column's type from its non-null cell texts, one at a time, in constant memory: LONG when every value
 * is an integer, else DOUBLE when every value is a number, else BOOLEAN, else TIMESTAMP, else STRING. A column
 * without any value is STRING. Once a type is ruled out it is never tested again.
 */
final class TypeInference {

    private boolean maybeLong = true;
    private boolean maybeDouble = true;
    private boolean maybeBoolean = true;
    private boolean maybeTimestamp = true;
    private boolean seenValue;

    void accept(String text) {
        seenValue = true;
        maybeLong = maybeLong && CellParsers.isLong(text);
        maybeDouble = maybeDouble && (maybeLong || CellParsers.isDouble(text));
        maybeBoolean = maybeBoolean && CellParsers.isBoolean(text);
        maybeTimestamp = maybeTimestamp && CellParsers.isTimestamp(text);
    }

    ColumnType result() {
        if (!seenValue) {
            return ColumnType.STRING;
        }
        if (maybeLong) {
            return ColumnType.LONG;
        }
        if (maybeDouble) {
            return ColumnType.DOUBLE;
        }
        if (maybeBoolean) {
            return ColumnType.BOOLEAN;
        }
        return maybeTimestamp ? ColumnType.TIMESTAMP : ColumnType.STRING;
    }
}
