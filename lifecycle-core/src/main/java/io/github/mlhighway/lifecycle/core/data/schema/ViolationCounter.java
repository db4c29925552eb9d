package io.github.mlhighway.lifecycle.core.data.schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Counts the rows of one column that violate one rule, keeping the first few rows and values. */
final class ViolationCounter {

    private static final int MAX_VALUES = 5;

    private final String column;
    private final ViolationKind kind;
    private final List<Integer> rows = new ArrayList<>();
    private final Set<String> values = new LinkedHashSet<>();
    private long count;

    ViolationCounter(String column, ViolationKind kind) {
        this.column = column;
        this.kind = kind;
    }

    void add(int row, @Nullable Object value) {
        count++;
        if (rows.size() < SchemaViolation.MAX_EXAMPLES) {
            rows.add(row);
        }
        if (value != null && values.size() < MAX_VALUES) {
            values.add(String.valueOf(value));
        }
    }

    void addTo(List<SchemaViolation> violations, int rowCount, String rule) {
        if (count == 0) {
            return;
        }
        String examples = values.isEmpty() ? "" : ", e.g. " + String.join(", ", values);
        violations.add(new SchemaViolation(column, kind, count, rows, "Column '" + column + "': " + count + " of "
                + rowCount + " rows " + rule + examples + " (rows " + rows + (count > rows.size() ? ", ..." : "")
                + ")"));
    }
}
