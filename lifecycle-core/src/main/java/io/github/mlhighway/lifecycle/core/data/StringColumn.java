package io.github.mlhighway.lifecycle.core.data;

import java.util.Arrays;
import java.util.BitSet;
import org.jspecify.annotations.Nullable;

/**
 * A column of text values, treated as categorical, with nulls. A null row holds no string.
 *
 * @since 0.1
 */
public final class StringColumn extends ColumnBase implements Column {

    private final String[] values;

    private StringColumn(String name, String[] values, BitSet nulls) {
        super(name, values.length, nulls);
        this.values = values;
    }

    /**
     * A column from values.
     *
     * @param name   column name
     * @param values the values (copied); null elements are null rows
     * @return the column
     */
    public static StringColumn of(String name, String... values) {
        BitSet nulls = new BitSet();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                nulls.set(i);
            }
        }
        return new StringColumn(name, values.clone(), nulls);
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
        return ColumnType.STRING;
    }

    /**
     * The value of a row; null for a null row (check {@link #isNull(int)}).
     *
     * @param row row index
     * @return the value
     */
    public String getString(int row) {
        checkRow(row);
        return values[row];
    }

    @Override
    public @Nullable String get(int row) {
        return isNull(row) ? null : values[row];
    }

    /**
     * The non-null values, in row order.
     *
     * @return a new array
     */
    public String[] nonNullValues() {
        String[] out = new String[values.length - nullCount];
        int j = 0;
        for (int i = 0; i < values.length; i++) {
            if (!nulls.get(i)) {
                out[j++] = values[i];
            }
        }
        return out;
    }

    @Override
    public StringColumn select(int[] rows) {
        String[] selected = new String[rows.length];
        BitSet selectedNulls = selectNulls(rows);
        for (int i = 0; i < rows.length; i++) {
            selected[i] = values[rows[i]];
        }
        return new StringColumn(name(), selected, selectedNulls);
    }

    @Override
    public StringColumn rename(String newName) {
        return new StringColumn(newName, values, nulls);
    }

    /** Appends rows, then builds an immutable column. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private String[] values = new String[16];
        private final BitSet nulls = new BitSet();
        private int size;

        private Builder(String name) {
            this.name = Nulls.requireName(name);
        }

        /**
         * Appends a value.
         *
         * @param value the value; null appends a null
         * @return this builder
         */
        public Builder add(@Nullable String value) {
            if (value == null) {
                nulls.set(size);
            }
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
            return add(null);
        }

        /** @return rows appended so far */
        public int size() {
            return size;
        }

        /** @return the column */
        public StringColumn build() {
            return new StringColumn(name, Arrays.copyOf(values, size), (BitSet) nulls.clone());
        }
    }
}
