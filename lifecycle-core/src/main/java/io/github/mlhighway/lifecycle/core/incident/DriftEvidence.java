package io.github.mlhighway.lifecycle.core.incident;

import io.github.mlhighway.lifecycle.core.data.drift.ColumnDrift;
import io.github.mlhighway.lifecycle.core.data.drift.DriftReport;
import io.github.mlhighway.lifecycle.incident.IncidentEventKind;
import io.github.mlhighway.lifecycle.incident.IncidentEvidence;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link DriftReport} into incident evidence with the statistics of every drifted column.
 *
 * @since 0.1
 */
public final class DriftEvidence {

    private DriftEvidence() {
    }

    /**
     * Drift evidence for an incident key. It does not open an incident (use {@link IncidentEvidence#opening}).
     * Numbers: {@code drifted_share}, {@code drifted_columns}, and per drifted column its {@code statistic},
     * {@code p_value}, {@code effect} and {@code threshold} (as {@code column.statistic}...).
     *
     * @param key    the incident key
     * @param source what was compared, e.g. {@code serving-inputs-vs-training}
     * @param report the report
     * @return the evidence
     */
    public static IncidentEvidence of(String key, String source, DriftReport report) {
        Objects.requireNonNull(report, "report");
        Map<String, Double> numbers = new LinkedHashMap<>();
        Map<String, String> details = new LinkedHashMap<>();
        numbers.put("drifted_share", report.driftedShare());
        numbers.put("drifted_columns", (double) report.driftedColumns());
        numbers.put("tested_columns", (double) report.testedColumns());
        for (ColumnDrift column : report.columns()) {
            if (!column.drifted()) {
                continue;
            }
            put(numbers, column.column() + ".statistic", column.statistic());
            put(numbers, column.column() + ".p_value", column.adjustedPValue());
            put(numbers, column.column() + ".effect", column.effect());
            put(numbers, column.column() + ".threshold", column.threshold());
            if (column.test() != null) {
                details.put(column.column() + ".test", column.test());
            }
        }
        details.put("status", report.status().name());
        return new IncidentEvidence(key, null, IncidentEventKind.DRIFT, source, report.message(), numbers, details,
                false, false);
    }

    private static void put(Map<String, Double> numbers, String name, @Nullable Double value) {
        if (value != null) {
            numbers.put(name, value);
        }
    }
}
