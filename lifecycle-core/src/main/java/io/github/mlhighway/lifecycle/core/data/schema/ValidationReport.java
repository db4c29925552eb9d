package io.github.mlhighway.lifecycle.core.data.schema;

import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a table differs from a schema: the violations per column, each with a count and example rows.
 * Immutable; serializes to JSON as a plain record.
 *
 * @param table       the name of the validated table
 * @param environment the environment it was validated in, or null for none
 * @param rowCount    the table's row count
 * @param violations  the violations, in schema column order, then unexpected columns in table order
 * @since 0.1
 */
public record ValidationReport(String table, @Nullable String environment, int rowCount,
        List<SchemaViolation> violations) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException if table or violations is null
     */
    public ValidationReport {
        Objects.requireNonNull(table, "table");
        violations = List.copyOf(violations);
    }

    /**
     * Whether the table matches the schema.
     *
     * @return true when there is no violation
     */
    public boolean isValid() {
        return violations.isEmpty();
    }

    /**
     * The violations of one column.
     *
     * @param column the column name
     * @return its violations, possibly none
     */
    public List<SchemaViolation> violationsOf(String column) {
        return violations.stream().filter(v -> v.column().equals(column)).toList();
    }

    /**
     * The violations as findings: one FAIL per violation (observed: the count, threshold: 0), or a single PASS
     * when the table matches.
     *
     * @return the findings
     */
    public List<Finding> findings() {
        if (violations.isEmpty()) {
            return List.of(Finding.of("schema", Outcome.PASS, 0, 0, "Table '" + table + "' matches its schema"
                    + (environment == null ? "" : " in environment " + environment) + " (" + rowCount + " rows)"));
        }
        List<Finding> findings = new ArrayList<>();
        for (SchemaViolation violation : violations) {
            findings.add(Finding.of("schema." + violation.kind().name().toLowerCase(java.util.Locale.ROOT) + "("
                    + violation.column() + ")", Outcome.FAIL, violation.count(), 0, violation.message()));
        }
        return findings;
    }

    /**
     * The report as a verdict: FAIL with one finding per violation, or PASS.
     *
     * @param gate      the gate name to report
     * @param decidedAt when it was decided
     * @return the verdict
     */
    public Verdict toVerdict(String gate, Instant decidedAt) {
        return Verdict.fromFindings(gate, findings(), decidedAt);
    }

    /**
     * A readable summary: one line per violation.
     *
     * @return the text
     */
    public String describe() {
        StringBuilder text = new StringBuilder("Table '").append(table).append("' ")
                .append(isValid() ? "matches" : "violates").append(" its schema");
        if (environment != null) {
            text.append(" in environment ").append(environment);
        }
        for (SchemaViolation violation : violations) {
            text.append(System.lineSeparator()).append("  - ").append(violation.message());
        }
        return text.toString();
    }
}
