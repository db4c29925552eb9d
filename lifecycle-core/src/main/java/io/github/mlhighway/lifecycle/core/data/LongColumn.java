package io.github.mlhighway.lifecycle.core.data;

import java.util.Arrays;
import java.util.BitSet;

/** A column of 64-bit integers, with nulls. */
public final class LongColumn implements NumericColumn {

    private final String name;
    private final long[] values;
    private final BitSet nulls;
    private final int nullCount;

    private LongColumn(String name, long[] values, BitSet nulls) {
        this.name = Nulls.requireName(name);
        this.values = values;
        this.nulls = nulls;
        this.nullCount = nulls.cardinality();
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
    public String name() {
        return name;
    }

    @Override
    public ColumnType type() {
        return ColumnType.LONG;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isNull(int row) {
        Nulls.checkIndex(row, values.length, name);
        return nulls.get(row);
    }

    @Override
    public int nullCount() {
        return nullCount;
    }

    /**
     * The value of a row; 0 for a null row (check {@link #isNull(int)}).
     *
     * @param row row index
     * @return the value
     */
    public long getLong(int row) {
        Nulls.checkIndex(row, values.length, name);
        return values[row];
    }

    @Override
    public Long get(int row) {
        return isNull(row) ? null : values[row];
    }

    /**
     * The non-null values, in row order .
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
        for (int i = 0; i < rows.length; i++) {
            Nulls.checkIndex(rows[i], values.length, name);
            selected[i] = values[rows[i]];
        }
        return new LongColumn(name, selected, Nulls.select(nulls, rows));
    }

    @Override
    public LongColumn rename(String newName) {
        return new LongColumn(newName, values, nulls);
    }

    @Override
    public String toString() {
        return "LongColumn[" + name + ", " + values.length + " rows, " + nullCount + " null]";
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
