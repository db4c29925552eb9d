package io.github.mlhighway.lifecycle.core.data.drift;

import io.github.mlhighway.lifecycle.core.data.Column;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.profile.ColumnProfile;
import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.gate.Gate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Drift between a reference and a current data set, column by column, with a data-set decision.
 *
 * <p>Default test per column (DESIGN §5, as Evidently): reference with at most 1000 values → KS for numeric
 * columns with more than 5 distinct values, chi-squared for categorical ones (numeric with ≤ 5 distinct values
 * included), two-proportion Z-test for binary ones; more than 1000 → Wasserstein distance / reference std
 * (threshold 0.1) for numeric, Jensen–Shannon distance (0.1) for categorical and binary. A column drifts only
 * when its significance test (the test itself, or KS / chi-squared beside a distance) rejects at alpha after
 * the correction <em>and</em> its effect reaches the threshold. From tables the tests use raw values; from
 * profiles they use the sketches (KS widened by the rank errors, Wasserstein from quantiles), and every
 * statistic from sketches carries its error bound ({@link ColumnDrift#errorBound()}): a decision inside it is
 * INCONCLUSIVE rather than flipped by sketch error.
 *
 * <p>A column that was comparable in the reference and is not in the current data (missing while other columns
 * are shared, all null, all NaN, another type, or with more NaN and infinities than {@link
 * DriftOptions#maxNonFiniteShareIncrease()} allows) is <em>broken</em>: DRIFTED, and the data set drifts.
 * {@code -0.0} and {@code 0.0} are one value for every test.
 *
 * <pre>{@code
 * DriftReport report = Drift.between(Profiles.of(seattle), Profiles.of(newYork));
 * report.driftedColumnNames();          // [precipitation, temp_max, temp_min, wind, weather]
 * Verdict verdict = report.toVerdict(clock);
 * }</pre>
 *
 * @since 0.1
 */
public final class Drift {

    private Drift() {
    }

    /**
     * Drift between two tables with the default options.
     *
     * @param reference the reference table
     * @param current   the current table
     * @return the report
     */
    public static DriftReport between(Table reference, Table current) {
        return between(reference, current, DriftOptions.defaults());
    }

    /**
     * Drift between two tables, from raw values.
     *
     * @param reference the reference table
     * @param current   the current table
     * @param options   settings
     * @return the report
     */
    public static DriftReport between(Table reference, Table current, DriftOptions options) {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(current, "current");
        int cap = Math.max(options.maxDiscreteValues(),
                io.github.mlhighway.lifecycle.core.data.profile.ProfileOptions.DEFAULT_SMALL_DOMAIN_CAP);
        ColumnDriftEvaluator evaluator = new ColumnDriftEvaluator(options);
        List<Object> results = new ArrayList<>();
        boolean shared = reference.columns().stream().anyMatch(c -> current.find(c.name()).isPresent());
        for (Column column : reference.columns()) {
            Optional<Column> theirs = current.find(column.name());
            results.add(theirs.isEmpty() ? missing(ColumnSample.of(column, cap), shared)
                    : evaluator.evaluate(ColumnSample.of(column, cap), ColumnSample.of(theirs.get(), cap)));
        }
        for (Column column : current.columns()) {
            if (reference.find(column.name()).isEmpty()) {
                results.add(onlyIn(column.name(), "current data"));
            }
        }
        return new DriftDecider(options).decide(results);
    }

    /**
     * Drift between two profiles with the default options.
     *
     * @param reference the reference profile
     * @param current   the current profile
     * @return the report
     */
    public static DriftReport between(DatasetProfile reference, DatasetProfile current) {
        return between(reference, current, DriftOptions.defaults());
    }

    /**
     * Drift between two profiles, from their sketches and counts.
     *
     * @param reference the reference profile
     * @param current   the current profile
     * @param options   settings
     * @return the report
     */
    public static DriftReport between(DatasetProfile reference, DatasetProfile current, DriftOptions options) {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(current, "current");
        ColumnDriftEvaluator evaluator = new ColumnDriftEvaluator(options);
        List<Object> results = new ArrayList<>();
        boolean shared = reference.columns().stream().anyMatch(c -> current.find(c.name()).isPresent());
        for (ColumnProfile column : reference.columns()) {
            Optional<ColumnProfile> theirs = current.find(column.name());
            results.add(theirs.isEmpty() ? missing(ColumnSample.of(column), shared)
                    : evaluator.evaluate(ColumnSample.of(column), ColumnSample.of(theirs.get())));
        }
        for (ColumnProfile column : current.columns()) {
            if (reference.find(column.name()).isEmpty()) {
                results.add(onlyIn(column.name(), "current data"));
            }
        }
        return new DriftDecider(options).decide(results);
    }

    /**
     * A data gate that compares each table it is given with a fixed reference.
     *
     * @param reference the reference table
     * @param options   settings
     * @param clock     the clock that dates verdicts
     * @return the gate; FAIL on data-set drift (see {@link DriftReport#toVerdict(java.time.Instant)})
     */
    public static Gate<Table> gate(Table reference, DriftOptions options, Clock clock) {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(clock, "clock");
        return current -> between(reference, current, options).toVerdict(clock);
    }

    /**
     * A reference column the current data lacks: broken (renamed or dropped) when it had values to compare and the
     * two data sets share some column; else, with nothing in common, merely not comparable.
     */
    private static ColumnDrift missing(ColumnSample reference, boolean shared) {
        if (shared && !reference.isEmpty() && reference.untestable == null) {
            return ColumnDrift.broken(reference.column, "Column '" + reference.column + "' broke: it is in the "
                    + "reference but not in the current data (renamed or dropped?); cannot compare", null);
        }
        return onlyIn(reference.column, "reference");
    }

    private static ColumnDrift onlyIn(String column, String side) {
        return ColumnDrift.inconclusive(column, "Column '" + column + "' is only in the " + side
                + "; cannot compare");
    }
}
