package io.github.mlhighway.lifecycle.core.data;

import java.util.Arrays;
import java.util.BitSet;
import org.jspecify.annotations.Nullable;

/**
 * A column of booleans, with nulls.
 *
 * @since 0.1
 */
public final class BooleanColumn extends ColumnBase implements Column {

    private final boolean[] values;

    private BooleanColumn(String name, boolean[] values, BitSet nulls) {
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
    public static BooleanColumn of(String name, boolean... values) {
        return new BooleanColumn(name, values.clone(), new BitSet());
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
        return ColumnType.BOOLEAN;
    }

    /**
     * The value of a row; false for a null row (check {@link #isNull(int)}).
     *
     * @param row row index
     * @return the value
     */
    public boolean getBoolean(int row) {
        checkRow(row);
        return values[row];
    }

    @Override
    public @Nullable Boolean get(int row) {
        return isNull(row) ? null : values[row];
    }

    /**
     * The non-null values, in row order.
     *
     * @return a new array
     */
    public boolean[] nonNullValues() {
        boolean[] out = new boolean[values.length - nullCount];
        int j = 0;
        for (int i = 0; i < values.length; i++) {
            if (!nulls.get(i)) {
                out[j++] = values[i];
            }
        }
        return out;
    }

    @Override
    public BooleanColumn select(int[] rows) {
        boolean[] selected = new boolean[rows.length];
        BitSet selectedNulls = selectNulls(rows);
        for (int i = 0; i < rows.length; i++) {
            selected[i] = values[rows[i]];
        }
        return new BooleanColumn(name(), selected, selectedNulls);
    }

    @Override
    public BooleanColumn rename(String newName) {
        return new BooleanColumn(newName, values, nulls);
    }

    /** Appends rows, then builds an immutable column. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private boolean[] values = new boolean[16];
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
        public Builder add(boolean value) {
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
            return add(false);
        }

        /** @return rows appended so far */
        public int size() {
            return size;
        }

        /** @return the column */
        public BooleanColumn build() {
            return new BooleanColumn(name, Arrays.copyOf(values, size), (BitSet) nulls.clone());
        }
    }
}
