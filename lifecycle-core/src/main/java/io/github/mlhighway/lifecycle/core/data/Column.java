package io.github.mlhighway.lifecycle.core.data;

import org.jspecify.annotations.Nullable;

/**
 * One immutable column of a {@link Table}: a name, a type, and one value or null per row. Each type has its
 * own class with a primitive accessor ({@link DoubleColumn#getDouble(int)} and so on), so numeric code reads
 * values without boxing; {@link #get(int)} boxes, for generic code.
 *
 * @since 0.1
 */
public sealed interface Column permits NumericColumn, BooleanColumn, StringColumn {

    /** @return the column name */
    String name();

    /** @return the column type */
    ColumnType type();

    /** @return the number of rows */
    int size();

    /**
     * Whether a row holds no value.
     *
     * @param row row index, 0-based
     * @return true when null
     * @throws IndexOutOfBoundsException if the row does not exist
     */
    boolean isNull(int row);

    /** @return how many rows are null */
    int nullCount();

    /**
     * The value of a row, boxed: Double, Long, Boolean, String or java.time.Instant; null for a null row.
     *
     * @param row row index
     * @return the value or null
     */
    @Nullable Object get(int row);

    /**
     * The rows at the given indexes, in that order, as a new column of the same name and type.
     *
     * @param rows row indexes, each in [0, size)
     * @return the new column
     */
    Column select(int[] rows);

    /**
     * The same values under another name.
     *
     * @param newName the new name
     * @return the renamed column
     */
    Column rename(String newName);
}
