package io.github.mlhighway.lifecycle.core.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * An immutable table: named, typed columns of equal length. Small and columnar on purpose: it is what
 * schemas, constraints, profiles and drift tests read, not a data-frame library.
 *
 * <pre>{@code
 * Table table = Table.of("weather",
 *     StringColumn.of("location", "Seattle", "New York"),
 *     DoubleColumn.of("wind", 4.7, 3.9));
 * Table seattle = table.where("location", "Seattle"::equals);
 * }</pre>
 *
 * @since 0.1
 */
public final class Table {

    private final String name;
    private final Map<String, Column> columns;
    private final int rowCount;

    private Table(String name, List<Column> columnList) {
        this.name = Objects.requireNonNull(name, "name");
        Map<String, Column> byName = new LinkedHashMap<>();
        int rows = -1;
        for (Column column : columnList) {
            Objects.requireNonNull(column, "column");
            if (byName.putIfAbsent(column.name(), column) != null) {
                throw new IllegalArgumentException("Table '" + name + "' has two columns named '" + column.name()
                        + "'");
            }
            if (rows >= 0 && column.size() != rows) {
                throw new IllegalArgumentException("Table '" + name + "': column '" + column.name() + "' has "
                        + column.size() + " rows, the others " + rows);
            }
            rows = column.size();
        }
        this.columns = Collections.unmodifiableMap(byName);
        this.rowCount = Math.max(rows, 0);
    }

    /**
     * A table of the given columns, in that order.
     *
     * @param name    a name for messages and reports (e.g. the file it came from)
     * @param columns columns of equal length, unique names
     * @return the table
     * @throws IllegalArgumentException if lengths differ or a name repeats
     */
    public static Table of(String name, Column... columns) {
        return new Table(name, List.of(columns));
    }

    /**
     * A table of the given columns, in that order.
     *
     * @param name    a name for messages and reports
     * @param columns columns of equal length, unique names
     * @return the table
     */
    public static Table of(String name, List<? extends Column> columns) {
        return new Table(name, new ArrayList<>(columns));
    }

    /** @return the table's name */
    public String name() {
        return name;
    }

    /** @return the number of rows (0 for a table without columns) */
    public int rowCount() {
        return rowCount;
    }

    /** @return the columns, in order */
    public List<Column> columns() {
        return List.copyOf(columns.values());
    }

    /** @return the column names, in order */
    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    /**
     * A column by name.
     *
     * @param columnName the name
     * @return the column
     * @throws IllegalArgumentException naming the table's columns when there is none of that name
     */
    public Column column(String columnName) {
        Column column = columns.get(columnName);
        if (column == null) {
            throw new IllegalArgumentException("Table '" + name + "' has no column '" + columnName + "'; columns: "
                    + columns.keySet());
        }
        return column;
    }

    /**
     * A column by name, if present.
     *
     * @param columnName the name
     * @return the column or empty
     */
    public Optional<Column> find(String columnName) {
        return Optional.ofNullable(columns.get(columnName));
    }

    /**
     * The rows that satisfy a predicate on their index.
     *
     * @param rowPredicate tested with each row index
     * @return a new table with the same columns
     */
    public Table filter(IntPredicate rowPredicate) {
        int[] kept = new int[rowCount];
        int count = 0;
        for (int row = 0; row < rowCount; row++) {
            if (rowPredicate.test(row)) {
                kept[count++] = row;
            }
        }
        return rows(java.util.Arrays.copyOf(kept, count));
    }

    /**
     * The rows whose value in a column satisfies a predicate (null values are passed as null).
     *
     * @param columnName the column tested
     * @param predicate  tested with the boxed value ({@link Column#get(int)})
     * @return a new table with the same columns
     */
    public Table where(String columnName, Predicate<Object> predicate) {
        Column column = column(columnName);
        return filter(row -> predicate.test(column.get(row)));
    }

    /**
     * The rows at the given indexes, in that order.
     *
     * @param indexes row indexes
     * @return a new table with the same columns
     */
    public Table rows(int[] indexes) {
        List<Column> selected = new ArrayList<>();
        for (Column column : columns.values()) {
            selected.add(column.select(indexes));
        }
        return new Table(name, selected);
    }

    /**
     * Only the named columns, in the given order.
     *
     * @param columnNames existing column names
     * @return a new table
     */
    public Table select(String... columnNames) {
        List<Column> selected = new ArrayList<>();
        for (String columnName : columnNames) {
            selected.add(column(columnName));
        }
        return new Table(name, selected);
    }

    /**
     * All columns except the named ones (names that do not exist are ignored).
     *
     * @param columnNames names to leave out
     * @return a new table
     */
    public Table drop(String... columnNames) {
        List<String> dropped = List.of(columnNames);
        List<Column> kept = new ArrayList<>();
        for (Column column : columns.values()) {
            if (!dropped.contains(column.name())) {
                kept.add(column);
            }
        }
        return new Table(name, kept);
    }

    /**
     * The same columns under another table name.
     *
     * @param newName the name
     * @return a new table
     */
    public Table named(String newName) {
        return new Table(newName, new ArrayList<>(columns.values()));
    }

    @Override
    public String toString() {
        return "Table[" + name + ", " + rowCount + " rows, columns " + columns.keySet() + "]";
    }
}
