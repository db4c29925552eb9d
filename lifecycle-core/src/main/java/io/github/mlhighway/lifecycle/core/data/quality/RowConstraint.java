package io.github.mlhighway.lifecycle.core.data.quality;

import io.github.mlhighway.lifecycle.core.data.Column;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * A constraint that holds when at least a fraction ({@link #mostly(double) mostly}, default 1.0) of a column's
 * rows satisfy a per-row rule. Only non-null rows are judged, except by completeness. The finding's observed
 * value is the satisfying fraction, its threshold the {@code mostly} fraction; its sentence gives the counts and
 * up to five failing rows.
 */
public final class RowConstraint implements Constraint {

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
        Optional<Column> found = Findings.column(table, column);
        if (found.isEmpty()) {
            return Findings.missingColumn(check(), table, column);
        }
        Column values = found.get();
        String inapplicable = rule.inapplicable(values);
        if (inapplicable != null) {
            return Findings.fail(check(), mostly, inapplicable);
        }
        IntPredicate test = rule.tester(values);
        long judged = 0;
        long failed = 0;
        List<Integer> examples = new ArrayList<>();
        boolean judgesNulls = rule.judgesNulls();
        for (int row = 0; row < values.size(); row++) {
            if (!judgesNulls && values.isNull(row)) {
                continue;
            }
            judged++;
            if (!test.test(row)) {
                failed++;
                if (examples.size() < MAX_EXAMPLES) {
                    examples.add(row);
                }
            }
        }
        if (judged == 0) {
            return Findings.inconclusive(check(), Findings.noValues(table, values) + ", so " + check()
                    + " cannot be judged");
        }
        double fraction = (double) (judged - failed) / judged;
        Outcome outcome = fraction >= mostly ? Outcome.PASS : Outcome.FAIL;
        String noun = judgesNulls ? "rows" : "non-null values";
        String sentence = (judged - failed) + " of " + judged + " " + noun + " of '" + column + "' ("
                + Findings.percent(fraction) + ") meet the requirement to " + rule.requirement() + "; required: "
                + (mostly == 1.0 ? "all" : "at least " + Findings.percent(mostly))
                + (failed == 0 ? "" : ". " + failed + " do not, e.g. rows " + examples);
        return Finding.of(check(), outcome, fraction, mostly, sentence);
    }

    @Override
    public String toString() {
        return "RowConstraint[" + check() + ", mostly " + mostly + "]";
    }
}
