package io.github.mlhighway.lifecycle.core.data;

import java.util.Arrays;
import java.util.BitSet;
import org.jspecify.annotations.Nullable;

/**
 * A column of 64-bit integers, with nulls.
 *
 * @since 0.1
 */
public final class LongColumn extends ColumnBase implements NumericColumn {

    private final long[] values;

    private LongColumn(String name, long[] values, BitSet nulls) {
        super(name, values.length, nulls);
        this.values = values;
    }

    /**
     * A column without nulls.
     *
     * @param name   column name
     * @param values the values (copied)
     * @return the column
     */
    public static LongColumn of(String name, long... values) {
        return new LongColumn(name, values.clone(), new BitSet());
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
        return ColumnType.LONG;
    }

    /**
     * The value of a row; 0 for a null row (check {@link #isNull(int)}).
     *
     * @param row row index
     * @return the value
     */
    public long getLong(int row) {
        checkRow(row);
        return values[row];
    }

    @Override
    public @Nullable Long get(int row) {
        return isNull(row) ? null : values[row];
    }

    /**
     * The non-null values, in row order.
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
        return getLong(row);
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
    public LongColumn select(int[] rows) {
        long[] selected = new long[rows.length];
        BitSet selectedNulls = selectNulls(rows);
        for (int i = 0; i < rows.length; i++) {
            selected[i] = values[rows[i]];
        }
        return new LongColumn(name(), selected, selectedNulls);
    }

    @Override
    public LongColumn rename(String newName) {
        return new LongColumn(newName, values, nulls);
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
         * @param value the value
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
        public LongColumn build() {
            return new LongColumn(name, Arrays.copyOf(values, size), (BitSet) nulls.clone());
        }
    }
}
