package io.github.mlhighway.lifecycle.spark.internal;

import io.github.mlhighway.lifecycle.core.data.BooleanColumn;
import io.github.mlhighway.lifecycle.core.data.Column;
import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.LongColumn;
import io.github.mlhighway.lifecycle.core.data.StringColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.TimestampColumn;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Builds the library's {@link Table} from Spark rows, column values mapped as the profiler maps them (see
 * {@link ValueKind}). Used for chunks of a partition (row-level gate rules) and for comparing with in-process
 * results. Not thread-safe.
 *
 * @since 0.1
 */
public final class RowTables {

    private final String name;
    private final ProfileSpec spec;
    private final Object[] builders;
    private int rows;

    /**
     * A table builder.
     *
     * @param name the table's name in messages
     * @param spec the columns, in the order of the rows' fields
     */
    public RowTables(String name, ProfileSpec spec) {
        this.name = name;
        this.spec = spec;
        this.builders = new Object[spec.size()];
        reset();
    }

    /**
     * The table of some rows.
     *
     * @param name the table's name
     * @param spec the columns, in the order of the rows' fields
     * @param rows the rows
     * @return the table
     */
    public static Table of(String name, ProfileSpec spec, Iterable<Row> rows) {
        RowTables tables = new RowTables(name, spec);
        for (Row row : rows) {
            tables.add(row);
        }
        return tables.build();
    }

    private void reset() {
        for (int i = 0; i < builders.length; i++) {
            String column = spec.name(i);
            builders[i] = switch (spec.kind(i).columnType()) {
                case DOUBLE -> DoubleColumn.builder(column);
                case LONG -> LongColumn.builder(column);
                case BOOLEAN -> BooleanColumn.builder(column);
                case STRING -> StringColumn.builder(column);
                case TIMESTAMP -> TimestampColumn.builder(column);
            };
        }
        rows = 0;
    }

    /**
     * Appends a row.
     *
     * @param row the row, fields in the spec's order
     */
    public void add(Row row) {
        for (int i = 0; i < builders.length; i++) {
            Object value = spec.kind(i).value(row, i);
            Object builder = builders[i];
            if (builder instanceof DoubleColumn.Builder b) {
                if (value == null) {
                    b.addNull();
                } else {
                    b.add((Double) value);
                }
            } else if (builder instanceof LongColumn.Builder b) {
                if (value == null) {
                    b.addNull();
                } else {
                    b.add((Long) value);
                }
            } else if (builder instanceof BooleanColumn.Builder b) {
                if (value == null) {
                    b.addNull();
                } else {
                    b.add((Boolean) value);
                }
            } else if (builder instanceof StringColumn.Builder b) {
                if (value == null) {
                    b.addNull();
                } else {
                    b.add((String) value);
                }
            } else {
                TimestampColumn.Builder b = (TimestampColumn.Builder) builder;
                if (value == null) {
                    b.addNull();
                } else {
                    b.add((Long) value);
                }
            }
        }
        rows++;
    }

    /** @return rows appended since the last {@link #build()} */
    public int size() {
        return rows;
    }

    /**
     * The table of the rows appended so far; the builder starts over empty.
     *
     * @return the table
     */
    public Table build() {
        List<Column> columns = new ArrayList<>(builders.length);
        for (Object builder : builders) {
            if (builder instanceof DoubleColumn.Builder b) {
                columns.add(b.build());
            } else if (builder instanceof LongColumn.Builder b) {
                columns.add(b.build());
            } else if (builder instanceof BooleanColumn.Builder b) {
                columns.add(b.build());
            } else if (builder instanceof StringColumn.Builder b) {
                columns.add(b.build());
            } else {
                columns.add(((TimestampColumn.Builder) builder).build());
            }
        }
        reset();
        return Table.of(name, columns);
    }
}
