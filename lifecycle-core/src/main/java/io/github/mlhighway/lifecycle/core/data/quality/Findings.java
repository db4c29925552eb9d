package io.github.mlhighway.lifecycle.core.data.quality;

import io.github.mlhighway.lifecycle.core.data.Column;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The shared sentences and rules of constraint findings. */
final class Findings {

    private Findings() {
    }

    /** The column, or empty when the table has none of that name. */
    static Optional<Column> column(Table table, String name) {
        return table.find(name);
    }

    static Finding missingColumn(String check, Table table, String column) {
        return new Finding(check, Outcome.FAIL, null, null, "Table '" + table.name() + "' has no column '" + column
                + "'; columns: " + table.columnNames());
    }

    static Finding inconclusive(String check, String reason) {
        return new Finding(check, Outcome.INCONCLUSIVE, null, null, reason);
    }

    static Finding fail(String check, @Nullable Double threshold, String reason) {
        return new Finding(check, Outcome.FAIL, null, threshold, reason);
    }

    /** Reason for an empty table or an all-null column, for statistics that need values. */
    static String noValues(Table table, Column column) {
        return table.rowCount() == 0 ? "Table '" + table.name() + "' has no rows"
                : "Column '" + column.name() + "' has no non-null values (all " + column.size() + " rows are null)";
    }

    /** The value itself when finite; null otherwise, so that no NaN or infinity reaches a finding. */
    static @Nullable Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }
}
