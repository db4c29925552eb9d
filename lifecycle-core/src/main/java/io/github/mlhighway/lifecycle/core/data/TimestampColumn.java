package io.github.mlhighway.lifecycle.core.data;

import java.util.Arrays;
import java.util.BitSet;
import org.jspecify.annotations.Nullable;

/**
 * A column of instants, held as epoch milliseconds, with nulls.
 *
 * @since 0.1
 */
public final class TimestampColumn extends ColumnBase implements NumericColumn {

    private final long[] values;

    private TimestampColumn(String name, long[] values, BitSet nulls) {
        super(name, values.length, nulls);
        this.values = values;
    }

    /**
     * A column without nulls.
     *
     * @param name   column name
     * @param values epoch milliseconds (copied)
     * @return the column
     */
    public static TimestampColumn of(String name, long... values) {
        return new TimestampColumn(name, values.clone(), new BitSet());
    }

    /**
     * A builder that appends rows.
     *
     * @param name column name
     * @return the builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    @Override
    public ColumnType type() {
        return ColumnType.TIMESTAMP;
    }

    /**
     * The epoch milliseconds of a row; 0 for a null row (check {@link #isNull(int)}).
     *
     * @param row row index
     * @return the value
     */
    public long getEpochMillis(int row) {
        checkRow(row);
        return values[row];
    }

    @Override
    public java.time.@Nullable Instant get(int row) {
        return isNull(row) ? null : java.time.Instant.ofEpochMilli(values[row]);
    }

    /**
     * The non-null values, in row order as epoch milliseconds.
     *
     * @return a new array
     */
    public long[] nonNullValues() {
        long[] out = new long[values.length - nullCount];
        int j = 0;
        for (int i = 0; i < values.length; i++) {
            if (!nulls.get(i)) {
                out[j++] = values[i];
            }
        }
        return out;
    }

    @Override
    public double getAsDouble(int row) {
        return getEpochMillis(row);
    }

    @Override
    public double[] nonNullDoubles() {
        long[] values = nonNullValues();
        double[] doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        return doubles;
    }

    @Override
    public TimestampColumn select(int[] rows) {
        long[] selected = new long[rows.length];
        BitSet selectedNulls = selectNulls(rows);
        for (int i = 0; i < rows.length; i++) {
            selected[i] = values[rows[i]];
        }
        return new TimestampColumn(name(), selected, selectedNulls);
    }

    @Override
    public TimestampColumn rename(String newName) {
        return new TimestampColumn(newName, values, nulls);
    }

    /** Appends rows, then builds an immutable column. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private long[] values = new long[16];
        private final BitSet nulls = new BitSet();
        private int size;

        private Builder(String name) {
            this.name = Nulls.requireName(name);
        }

        /**
         * Appends a value.
         *
         * @param value epoch milliseconds
         * @return this builder
         */
        public Builder add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, Nulls.growTo(size + 1, size));
            }
            values[size++] = value;
            return this;
        }

        /**
         * Appends a null.
         *
         * @return this builder
         */
        public Builder addNull() {
            nulls.set(size);
            return add(0L);
        }

        /** @return rows appended so far */
        public int size() {
            return size;
        }

        /** @return the column */
        public TimestampColumn build() {
            return new TimestampColumn(name, Arrays.copyOf(values, size), (BitSet) nulls.clone());
        }
    }
}
