package io.github.mlhighway.lifecycle.core.data.schema;

import io.github.mlhighway.lifecycle.core.data.Column;
import io.github.mlhighway.lifecycle.core.data.ColumnType;
import io.github.mlhighway.lifecycle.core.data.NumericColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Compares a table with a schema, column by column. */
final class SchemaValidator {

    private SchemaValidator() {
    }

    static ValidationReport validate(Schema schema, Table table, @Nullable String environment) {
        List<SchemaViolation> violations = new ArrayList<>();
        int rows = table.rowCount();
        String where = environment == null ? "" : " in environment " + environment;
        for (ColumnSchema expected : schema.columns()) {
            Optional<Column> found = table.find(expected.name());
            if (!expected.expectedIn(environment)) {
                found.ifPresent(column -> violations.add(new SchemaViolation(column.name(),
                        ViolationKind.UNEXPECTED_COLUMN, rows, List.of(), "Column '" + column.name()
                        + "' is present but the schema expects it only in " + expected.environments()
                        + ", not" + where)));
            } else if (found.isEmpty()) {
                violations.add(new SchemaViolation(expected.name(), ViolationKind.MISSING_COLUMN, rows, List.of(),
                        "Column '" + expected.name() + "' (" + expected.type() + ") is missing" + where));
            } else {
                checkColumn(expected, found.get(), violations);
            }
        }
        for (Column column : table.columns()) {
            if (schema.column(column.name()).isEmpty()) {
                violations.add(new SchemaViolation(column.name(), ViolationKind.UNEXPECTED_COLUMN, rows, List.of(),
                        "Column '" + column.name() + "' (" + column.type() + ") is not in the schema"));
            }
        }
        return new ValidationReport(table.name(), environment, rows, violations);
    }

    private static void checkColumn(ColumnSchema expected, Column column, List<SchemaViolation> violations) {
        int rows = column.size();
        if (!typeFits(expected.type(), column)) {
            ViolationCounter wrongType = new ViolationCounter(column.name(), ViolationKind.WRONG_TYPE);
            for (int row = 0; row < rows; row++) {
                if (!column.isNull(row)) {
                    wrongType.add(row, column.get(row));
                }
            }
            wrongType.addTo(violations, rows, "hold " + column.type() + " values where the schema expects "
                    + expected.type());
            return;
        }
        ViolationCounter nulls = new ViolationCounter(column.name(), ViolationKind.NULL_VALUE);
        ViolationCounter belowMin = new ViolationCounter(column.name(), ViolationKind.BELOW_MIN);
        ViolationCounter aboveMax = new ViolationCounter(column.name(), ViolationKind.ABOVE_MAX);
        ViolationCounter notANumber = new ViolationCounter(column.name(), ViolationKind.NOT_A_NUMBER);
        ViolationCounter notAllowed = new ViolationCounter(column.name(), ViolationKind.NOT_ALLOWED);
        boolean bounded = expected.min() != null || expected.max() != null;
        Set<String> allowed = new HashSet<>(expected.allowedValues());
        for (int row = 0; row < rows; row++) {
            if (column.isNull(row)) {
                if (!expected.nullable()) {
                    nulls.add(row, null);
                }
                continue;
            }
            if (bounded) {
                double value = numeric(column, row);
                if (Double.isNaN(value)) {
                    notANumber.add(row, value);
                } else if (expected.min() != null && value < expected.min()) {
                    belowMin.add(row, column.get(row));
                } else if (expected.max() != null && value > expected.max()) {
                    aboveMax.add(row, column.get(row));
                }
            }
            if (!allowed.isEmpty()) {
                String text = String.valueOf(column.get(row));
                if (!allowed.contains(text)) {
                    notAllowed.add(row, text);
                }
            }
        }
        nulls.addTo(violations, rows, "are null but the column is not nullable");
        notANumber.addTo(violations, rows, "are NaN, which lies within no bounds");
        belowMin.addTo(violations, rows, "are below the min " + expected.min());
        aboveMax.addTo(violations, rows, "are above the max " + expected.max());
        notAllowed.addTo(violations, rows, "are not among the allowed values " + expected.allowedValues());
    }

    /** A column fits when types agree, a LONG stands in for a DOUBLE, or it holds no value at all. */
    private static boolean typeFits(ColumnType expected, Column column) {
        return column.type() == expected
                || expected == ColumnType.DOUBLE && column.type() == ColumnType.LONG
                || column.nullCount() == column.size();
    }

    private static double numeric(Column column, int row) {
        return ((NumericColumn) column).getAsDouble(row);
    }
}
