package io.github.mlhighway.lifecycle.core.data.quality;

import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import java.util.Objects;

/**
 * The table's row count lies within bounds. An empty table is measured like any other (0 rows), so this is the
 * constraint that turns "no data" from INCONCLUSIVE into FAIL when a gate needs data.
 *
 * @since 0.1
 */
public final class RowCount implements Constraint {

    private final Bounds bounds;

    RowCount(Bounds bounds) {
        this.bounds = Objects.requireNonNull(bounds, "bounds");
    }

    @Override
    public String check() {
        return "row_count";
    }

    @Override
    public String description() {
        return "the row count must be " + bounds.describe();
    }

    @Override
    public Finding evaluate(Table table) {
        return finding(table.name(), table.rowCount());
    }

    /**
     * The finding for a table of a known row count, e.g. one too large to hold in memory.
     *
     * @param tableName the table's name
     * @param rows      its row count
     * @return the finding, as {@link #evaluate} gives it
     */
    public Finding finding(String tableName, long rows) {
        Outcome outcome = bounds.contains(rows) ? Outcome.PASS : Outcome.FAIL;
        return Finding.of(check(), outcome, rows, bounds.thresholdFor(rows), "Table '" + tableName + "' has "
                + rows + " rows; required: " + bounds.describe());
    }

    @Override
    public String toString() {
        return "RowCount[" + bounds.describe() + "]";
    }
}
