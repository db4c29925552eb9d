package io.github.mlhighway.lifecycle.core.data.profile;

import io.github.mlhighway.lifecycle.core.data.BooleanColumn;
import io.github.mlhighway.lifecycle.core.data.Column;
import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.LongColumn;
import io.github.mlhighway.lifecycle.core.data.StringColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.TimestampColumn;
import java.util.ArrayList;
import java.util.List;

/** Profiles the columns of a {@link Table}, one typed loop per column. */
final class TableProfiler {
    private TableProfiler() {
    }

    static DatasetProfile profile(Table table, ProfileOptions options) {
        List<ColumnProfile> columns = new ArrayList<>();
        for (Column column : table.columns()) {
            columns.add(profile(column, options));
        }
        return new DatasetProfile(table.rowCount(), columns);
    }

    static ColumnProfile profile(Column column, ProfileOptions options) {
        ColumnProfiler profiler = ColumnProfiler.of(column.name(), column.type(), options);
        int rows = column.size();
        if (column instanceof DoubleColumn c) {
            boolean nullable = c.nullCount() > 0; // skips the per-row null lookup of a column without nulls
            for (int i = 0; i < rows; i++) {
                if (nullable && c.isNull(i)) {
                    profiler.addNull();
                } else {
                    profiler.addDouble(c.getDouble(i));
                }
            }
        } else if (column instanceof LongColumn c) {
            boolean nullable = c.nullCount() > 0; // skips the per-row null lookup of a column without nulls
            for (int i = 0; i < rows; i++) {
                if (nullable && c.isNull(i)) {
                    profiler.addNull();
                } else {
                    profiler.addLong(c.getLong(i));
                }
            }
        } else if (column instanceof TimestampColumn c) {
            boolean nullable = c.nullCount() > 0; // skips the per-row null lookup of a column without nulls
            for (int i = 0; i < rows; i++) {
                if (nullable && c.isNull(i)) {
                    profiler.addNull();
                } else {
                    profiler.addTimestamp(c.getEpochMillis(i));
                }
            }
        } else if (column instanceof BooleanColumn c) {
            for (int i = 0; i < rows; i++) {
                if (c.isNull(i)) {
                    profiler.addNull();
                } else {
                    profiler.addBoolean(c.getBoolean(i));
                }
            }
        } else if (column instanceof StringColumn c) {
            for (int i = 0; i < rows; i++) {
                profiler.addString(c.getString(i));
            }
        }
        return profiler.profile();
    }
}
