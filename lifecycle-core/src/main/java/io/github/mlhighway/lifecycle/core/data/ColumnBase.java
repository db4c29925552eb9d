package io.github.mlhighway.lifecycle.core.data;

import java.util.BitSet;

/**
 * What every column class shares: its name, row count and null mask, and the index checks. Each subclass holds
 * its values in a primitive (or String) array, implements {@link Column} (which is sealed, so this class cannot)
 * and adds the typed accessors.
 */
abstract class ColumnBase {

    /** The null mask: bit i is set when row i is null. Never modified after construction. */
    protected final BitSet nulls;
    /** The number of null rows. */
    protected final int nullCount;
    private final String name;
    private final int size;

    ColumnBase(String name, int size, BitSet nulls) {
        this.name = Nulls.requireName(name);
        this.size = size;
        this.nulls = nulls;
        this.nullCount = nulls.cardinality();
    }

    /** @return the column name */
    public final String name() {
        return name;
    }

    /** @return the number of rows */
    public final int size() {
        return size;
    }

    /**
     * Whether a row holds no value.
     *
     * @param row row index
     * @return true when null
     */
    public final boolean isNull(int row) {
        checkRow(row);
        return nulls.get(row);
    }

    /** @return how many rows are null */
    public final int nullCount() {
        return nullCount;
    }

    /**
     * Fails with an {@link IndexOutOfBoundsException} naming this column when the row does not exist.
     *
     * @param row row index
     */
    protected final void checkRow(int row) {
        Nulls.checkIndex(row, size, name);
    }

    /**
     * The null mask of the rows at the given indexes, checking each index.
     *
     * @param rows row indexes
     * @return the new mask
     */
    protected final BitSet selectNulls(int[] rows) {
        for (int row : rows) {
            checkRow(row);
        }
        return Nulls.select(nulls, rows);
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[" + name + ", " + size + " rows, " + nullCount + " null]";
    }
}
