package io.github.mlhighway.lifecycle.core.data;

/**
 * The type of a table column.
 *
 * @since 0.1
 */
public enum ColumnType {
    /** 64-bit floating point; NaN and infinities are values, not nulls. */
    DOUBLE,
    /** 64-bit integer. */
    LONG,
    /** true or false. */
    BOOLEAN,
    /** Text, treated as categorical. */
    STRING,
    /** An instant, held as epoch milliseconds. */
    TIMESTAMP;

    /**
     * Whether values of this type are numbers that profiles and drift tests treat as continuous.
     *
     * @return true for DOUBLE, LONG and TIMESTAMP
     */
    public boolean isNumeric() {
        return this == DOUBLE || this == LONG || this == TIMESTAMP;
    }
}
