package io.github.mlhighway.lifecycle.core.data.drift;

import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The drift of every column and the data-set decision: the data set drifts when at least {@link
 * DriftOptions#driftShare()} of the tested (not inconclusive) columns drift after the multiple-testing correction,
 * or when a column broke ({@link ColumnDrift#broken()}: comparable in the reference, not in the current data). A
 * column whose sketch-based effect is within its error bound of the threshold is inconclusive but tested; when
 * the share would be reached if those columns drifted (and not otherwise), the data set is INCONCLUSIVE too.
 *
 * @param columns        one result per column, reference columns first, then columns only in the current data
 * @param testedColumns  columns that were not inconclusive
 * @param driftedColumns columns that drifted
 * @param driftedShare   driftedColumns / testedColumns (0 when nothing was tested)
 * @param driftShare     the share threshold used
 * @param correction     the multiple-testing correction used
 * @param alpha          the significance level used
 * @param status         DRIFTED, NO_DRIFT, or INCONCLUSIVE when no column could be tested or the decision lies
 *                       within the sketches' error bounds
 * @param message        one sentence for the data set
 * @since 0.1
 */
public record DriftReport(List<ColumnDrift> columns, int testedColumns, int driftedColumns, double driftedShare,
        double driftShare, Correction correction, double alpha, DriftStatus status, String message) {

    /** Name of the gate in verdicts. */
    public static final String GATE = "data.drift";

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException if a component is null
     */
    public DriftReport {
        columns = List.copyOf(columns);
        Objects.requireNonNull(correction, "correction");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }

    /** @return whether the data set drifted */
    public boolean drifted() {
        return status == DriftStatus.DRIFTED;
    }

    /** @return the names of the broken columns, in column order (see {@link ColumnDrift#broken()}) */
    public List<String> brokenColumnNames() {
        return columns.stream().filter(ColumnDrift::broken).map(ColumnDrift::column).toList();
    }

    /** @return the names of the drifted columns (broken ones included), in column order */
    public List<String> driftedColumnNames() {
        return columns.stream().filter(ColumnDrift::drifted).map(ColumnDrift::column).toList();
    }

    /**
     * A column's result.
     *
     * @param name column name
     * @return the result
     * @throws IllegalArgumentException if the report has no such column
     */
    public ColumnDrift column(String name) {
        return columns.stream().filter(c -> c.column().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("Drift report has no column '" + name + "'"));
    }

    /**
     * This report as a verdict: FAIL when the data set drifted (a broken column included), INCONCLUSIVE when no
     * column could be tested or the decision is within the sketches' error bounds, WARN when some column drifted
     * or could not be tested, else PASS. A broken column's finding is FAIL. One finding per column (observed effect
     * against its threshold) and one for the data set (observed share against the share threshold).
     *
     * @param decidedAt when the decision was made
     * @return the verdict
     */
    public Verdict toVerdict(Instant decidedAt) {
        List<Finding> findings = new ArrayList<>();
        boolean anyWarning = false;
        for (ColumnDrift column : columns) {
            Outcome outcome = column.broken() ? Outcome.FAIL : switch (column.status()) {
                case DRIFTED -> Outcome.WARN;
                case NO_DRIFT -> Outcome.PASS;
                case INCONCLUSIVE -> Outcome.INCONCLUSIVE;
            };
            anyWarning |= outcome != Outcome.PASS;
            findings.add(new Finding("drift." + column.column(), outcome, column.effect(), column.threshold(),
                    column.message()));
        }
        Outcome overall = switch (status) {
            case DRIFTED -> Outcome.FAIL;
            case INCONCLUSIVE -> Outcome.INCONCLUSIVE;
            case NO_DRIFT -> anyWarning ? Outcome.WARN : Outcome.PASS;
        };
        findings.add(new Finding("drift.dataset", status == DriftStatus.DRIFTED ? Outcome.FAIL
                : status == DriftStatus.INCONCLUSIVE ? Outcome.INCONCLUSIVE : Outcome.PASS, driftedShare, driftShare,
                message));
        return new Verdict(GATE, overall, findings, decidedAt);
    }

    /**
     * This report as a verdict decided now.
     *
     * @param clock the clock
     * @return the verdict
     */
    public Verdict toVerdict(Clock clock) {
        return toVerdict(clock.instant());
    }

    /** @return a table of one line per column, then the decision, for people */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(java.util.Locale.ROOT, "%-20s %-15s %12s %12s %10s %10s %10s %10s  %s%n", "column",
                "test", "statistic", "sig. p", "effect", "± bound", "threshold", "non-finite", "status"));
        List<String> notes = new ArrayList<>();
        for (ColumnDrift c : columns) {
            text.append(String.format(java.util.Locale.ROOT, "%-20s %-15s %12s %12s %10s %10s %10s %10s  %s%n",
                    c.column(), c.test() == null ? "-" : c.test(), number(c.statistic()),
                    number(c.significancePValue()), number(c.effect()), number(c.errorBound()),
                    number(c.threshold()), c.nonFiniteShare() == null ? "-"
                    : ColumnDriftEvaluator.percent(c.nonFiniteShare()), c.broken() ? "BROKEN" : c.status()));
            if (c.broken() || c.status() == DriftStatus.INCONCLUSIVE) {
                notes.add(c.message());
            }
        }
        text.append("(sig. p: the raw p-value of the significance test behind each decision: the test itself, "
                + "or KS / chi-squared for a distance test; ± bound: how far a statistic from sketches can be "
                + "from the raw one; non-finite: share of current values that are NaN or infinite, left out)")
                .append(System.lineSeparator());
        for (String note : notes) {
            text.append(note).append(System.lineSeparator());
        }
        return text.append(message).toString();
    }

    private static String number(@Nullable Double value) {
        return value == null ? "-" : ColumnDriftEvaluator.format(value);
    }
}
