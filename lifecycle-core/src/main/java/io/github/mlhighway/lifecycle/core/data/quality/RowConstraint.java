package io.github.mlhighway.lifecycle.core.data.quality;

import io.github.mlhighway.lifecycle.core.data.Column;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * A constraint that holds when at least a fraction ({@link #mostly(double) mostly}, default 1.0) of a column's
 * rows satisfy a per-row rule. Only non-null rows are judged, except by completeness. The finding's observed
 * value is the satisfying fraction, its threshold the {@code mostly} fraction; its sentence gives the counts and
 * up to five failing rows.
 *
 * <p>Serializable, so that a Spark job can judge rows on executors; a {@link Constraints#satisfies} constraint is
 * serializable only when its predicate is.
 *
 * @since 0.1
 */
public final class RowConstraint implements Constraint, java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** The default share of rows that must satisfy the rule: all of them. */
    public static final double DEFAULT_MOSTLY = 1.0;
    private static final int MAX_EXAMPLES = 5;

    private final String column;
    private final RowRule rule;
    private final double mostly;

    RowConstraint(String column, RowRule rule, double mostly) {
        this.column = Objects.requireNonNull(column, "column");
        this.rule = Objects.requireNonNull(rule, "rule");
        if (!(mostly >= 0 && mostly <= 1)) {
            throw new IllegalArgumentException("mostly must be a fraction in [0, 1], was " + mostly);
        }
        this.mostly = mostly;
    }

    /**
     * The same constraint, satisfied when at least this share of the judged rows pass.
     *
     * @param fraction in [0, 1], e.g. 0.99
     * @return a new constraint
     * @throws IllegalArgumentException for a value outside [0, 1] or NaN
     */
    public RowConstraint mostly(double fraction) {
        return new RowConstraint(column, rule, fraction);
    }

    /** @return the share of judged rows that must pass */
    public double mostly() {
        return mostly;
    }

    /** @return the column the constraint reads */
    public String column() {
        return column;
    }

    @Override
    public String check() {
        return rule.name() + "(" + column + ")";
    }

    @Override
    public String description() {
        String judged = rule.judgesNulls() ? "row" : "non-null value";
        return (mostly == 1.0 ? "every " + judged : "at least " + Findings.percent(mostly) + " of the " + judged + "s")
                + " of '" + column + "' must " + rule.requirement();
    }

    @Override
    public Finding evaluate(Table table) {
        Optional<Finding> unjudgeable = unjudgeable(table);
        if (unjudgeable.isPresent()) {
            return unjudgeable.get();
        }
        return finding(tally(table), table.name(), table.rowCount(), table.find(column).orElseThrow().size());
    }

    /**
     * The finding when the table cannot be judged at all: the column is missing, or the rule does not apply to
     * its type. Depends only on the table's name and columns, not on its rows.
     *
     * @param table the table (or any table with the same name and columns)
     * @return the FAIL finding, or empty when the rows can be judged
     */
    public Optional<Finding> unjudgeable(Table table) {
        Optional<Column> found = Findings.column(table, column);
        if (found.isEmpty()) {
            return Optional.of(Findings.missingColumn(check(), table, column));
        }
        String inapplicable = rule.inapplicable(found.get());
        return inapplicable == null ? Optional.empty() : Optional.of(Findings.fail(check(), mostly, inapplicable));
    }

    /**
     * The rows of a table that fail the rule (only judged rows: nulls are skipped except by completeness).
     * Uniqueness judges a value against the other rows of this table only, so it is not meaningful on a part.
     *
     * @param table a table that {@link #unjudgeable(Table) can be judged}
     * @return the failing row indexes
     * @throws IllegalArgumentException when the column is missing or the rule does not apply
     */
    public BitSet failures(Table table) {
        Column values = judgeable(table);
        IntPredicate test = rule.tester(values);
        boolean judgesNulls = rule.judgesNulls();
        BitSet failing = new BitSet();
        for (int row = 0; row < values.size(); row++) {
            if ((judgesNulls || !values.isNull(row)) && !test.test(row)) {
                failing.set(row);
            }
        }
        return failing;
    }

    /**
     * Counts the judged and failing rows of a table, or of one part of a larger one: tallies of parts
     * {@link Tally#plus(Tally, long) add up} to the tally of the whole, and {@link #finding} turns the total into
     * the same finding {@link #evaluate} gives for the whole table.
     *
     * @param table a table that {@link #unjudgeable(Table) can be judged}
     * @return the tally
     * @throws IllegalArgumentException when the column is missing or the rule does not apply
     */
    public Tally tally(Table table) {
        Column values = judgeable(table);
        IntPredicate test = rule.tester(values);
        long judged = 0;
        long failed = 0;
        List<Long> examples = new ArrayList<>();
        boolean judgesNulls = rule.judgesNulls();
        for (int row = 0; row < values.size(); row++) {
            if (!judgesNulls && values.isNull(row)) {
                continue;
            }
            judged++;
            if (!test.test(row)) {
                failed++;
                if (examples.size() < MAX_EXAMPLES) {
                    examples.add((long) row);
                }
            }
        }
        return new Tally(judged, failed, examples);
    }

    /**
     * The finding for the tally of a whole table.
     *
     * @param tally      the tally of all rows
     * @param tableName  the table's name
     * @param rowCount   the table's rows
     * @param columnSize the column's rows (the same as rowCount)
     * @return the finding, as {@link #evaluate} gives it
     */
    public Finding finding(Tally tally, String tableName, long rowCount, long columnSize) {
        long judged = tally.judged();
        long failed = tally.failed();
        if (judged == 0) {
            String noValues = rowCount == 0 ? "Table '" + tableName + "' has no rows"
                    : "Column '" + column + "' has no non-null values (all " + columnSize + " rows are null)";
            return Findings.inconclusive(check(), noValues + ", so " + check() + " cannot be judged");
        }
        boolean judgesNulls = rule.judgesNulls();
        double fraction = (double) (judged - failed) / judged;
        Outcome outcome = fraction >= mostly ? Outcome.PASS : Outcome.FAIL;
        String noun = judgesNulls ? "rows" : "non-null values";
        String sentence = (judged - failed) + " of " + judged + " " + noun + " of '" + column + "' ("
                + Findings.percent(fraction) + ") meet the requirement to " + rule.requirement() + "; required: "
                + (mostly == 1.0 ? "all" : "at least " + Findings.percent(mostly))
                + (failed == 0 ? "" : ". " + failed + " do not, e.g. rows " + tally.failingRows());
        return Finding.of(check(), outcome, fraction, mostly, sentence);
    }

    private Column judgeable(Table table) {
        Optional<Finding> unjudgeable = unjudgeable(table);
        if (unjudgeable.isPresent()) {
            throw new IllegalArgumentException(unjudgeable.get().message());
        }
        return table.find(column).orElseThrow();
    }

    /**
     * Judged and failing rows of a table or a part of one, with the first failing row indexes.
     *
     * @param judged      rows judged
     * @param failed      rows that failed
     * @param failingRows the first (at most five) failing row indexes, ascending
     */
    public record Tally(long judged, long failed, List<Long> failingRows) {

        /**
         * Validates and copies the components.
         *
         * @throws IllegalArgumentException for negative or inconsistent counts
         */
        public Tally {
            failingRows = List.copyOf(failingRows);
            if (judged < 0 || failed < 0 || failed > judged
                    || failingRows.size() > Math.min(failed, MAX_EXAMPLES)) {
                throw new IllegalArgumentException("Inconsistent tally: judged " + judged + ", failed " + failed
                        + ", examples " + failingRows);
            }
        }

        /** @return the tally of no rows */
        public static Tally empty() {
            return new Tally(0, 0, List.of());
        }

        /**
         * The tally of this part followed by another part.
         *
         * @param later     the tally of the part that follows this one
         * @param rowOffset the index, in the whole table, of the later part's first row
         * @return the tally of both parts
         */
        public Tally plus(Tally later, long rowOffset) {
            List<Long> rows = new ArrayList<>(failingRows);
            for (long row : later.failingRows) {
                if (rows.size() < MAX_EXAMPLES) {
                    rows.add(row + rowOffset);
                }
            }
            return new Tally(judged + later.judged, failed + later.failed, rows);
        }
    }

    @Override
    public String toString() {
        return "RowConstraint[" + check() + ", mostly " + mostly + "]";
    }
}
