package io.github.mlhighway.lifecycle.core.data;

import java.util.Arrays;
import java.util.BitSet;
import org.jspecify.annotations.Nullable;

/**
 * A column of doubles. NaN and infinities are values (profiles count them apart); nulls are nulls.
 *
 * @since 0.1
 */
public final class DoubleColumn extends ColumnBase implements NumericColumn {

    private final double[] values;

    private DoubleColumn(String name, double[] values, BitSet nulls) {
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
    public static DoubleColumn of(String name, double... values) {
        return new DoubleColumn(name, values.clone(), new BitSet());
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
        return ColumnType.DOUBLE;
    }

    /**
     * The value of a row; 0.0 for a null row (check {@link #isNull(int)}).
     *
     * @param row row index
     * @return the value
     */
    public double getDouble(int row) {
        checkRow(row);
        return values[row];
    }

    @Override
    public @Nullable Double get(int row) {
        return isNull(row) ? null : values[row];
    }

    /**
     * The non-null values, in row order (NaN and infinities included).
     *
     * @return a new array
     */
    public double[] nonNullValues() {
        double[] out = new double[values.length - nullCount];
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
        return getDouble(row);
    }

    @Override
    public double[] nonNullDoubles() {
        return nonNullValues();
    }

    @Override
    public DoubleColumn select(int[] rows) {
        double[] selected = new double[rows.length];
        BitSet selectedNulls = selectNulls(rows);
        for (int i = 0; i < rows.length; i++) {
            selected[i] = values[rows[i]];
        }
        return new DoubleColumn(name(), selected, selectedNulls);
    }

    @Override
    public DoubleColumn rename(String newName) {
        return new DoubleColumn(newName, values, nulls);
    }

    /** Appends rows, then builds an immutable column. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private double[] values = new double[16];
        private final BitSet nulls = new BitSet();
        private int size;

        private Builder(String name) {
            this.name = Nulls.requireName(name);
        }

        /**
         * Appends a value.
         *
         * @param value any double, NaN and infinities included
         * @return this builder
         */
        public Builder add(double value) {
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
            return add(0.0);
        }

        /** @return rows appended so far */
        public int size() {
            return size;
        }

        /** @return the column */
        public DoubleColumn build() {
            return new DoubleColumn(name, Arrays.copyOf(values, size), (BitSet) nulls.clone());
        }
    }
}
