package io.github.mlhighway.lifecycle.core.data.schema;

import io.github.mlhighway.lifecycle.core.data.Column;
import io.github.mlhighway.lifecycle.core.data.ColumnType;
import io.github.mlhighway.lifecycle.core.data.StringColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Derives a schema from one table: types, nullability, and the categories of small string columns. */
final class SchemaInference {

    private SchemaInference() {
    }

    static Schema infer(Table table, int maxCategories) {
        List<ColumnSchema> columns = new ArrayList<>();
        for (Column column : table.columns()) {
            ColumnSchema schema = ColumnSchema.of(column.name(), column.type())
                    .withNullable(column.nullCount() > 0 || column.size() == 0);
            if (column.type() == ColumnType.STRING && maxCategories > 0) {
                List<String> categories = categories((StringColumn) column, maxCategories);
                if (!categories.isEmpty()) {
                    schema = schema.withAllowedValues(categories);
                }
            }
            columns.add(schema);
        }
        return Schema.of(columns);
    }

    /** The sorted distinct values, or none when there are more than the limit. */
    private static List<String> categories(StringColumn column, int maxCategories) {
        TreeSet<String> distinct = new TreeSet<>();
        for (int row = 0; row < column.size(); row++) {
            if (!column.isNull(row) && distinct.add(column.getString(row)) && distinct.size() > maxCategories) {
                return List.of();
            }
        }
        return new ArrayList<>(distinct);
    }
}
