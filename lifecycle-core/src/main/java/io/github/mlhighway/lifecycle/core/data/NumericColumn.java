package io.github.mlhighway.lifecycle.core.data;

/**
 * A column whose values are numbers: doubles, longs, or timestamps (as epoch milliseconds). Code that treats
 * every numeric column alike (statistics, profiles, drift tests, range checks) reads it through here instead of
 * dispatching on the three types.
 *
 * @since 0.1
 */
public sealed interface NumericColumn extends Column permits DoubleColumn, LongColumn, TimestampColumn {

    /**
     * The value of a row as a double: the double itself, the long converted (exact up to 2^53), or the epoch
     * milliseconds of a timestamp; 0 for a null row (check {@link #isNull(int)}).
     *
     * @param row row index
     * @return the value
     */
    double getAsDouble(int row);

    /**
     * The non-null values as doubles, in row order (NaN and infinities included for a double column).
     *
     * @return a new array
     */
    double[] nonNullDoubles();
}
