package io.github.mlhighway.lifecycle.core.data.quality;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Factory of the built-in {@link Constraint constraints}.
 *
 * <pre>{@code
 * List<Constraint> weather = List.of(
 *     Constraints.completeness("wind").mostly(0.99),
 *     Constraints.range("temp_max", -30, 50),
 *     Constraints.allowedValues("weather", "drizzle", "rain", "snow", "sun", "fog"),
 *     Constraints.rowCountAtLeast(365),
 *     Constraints.quantileBetween("wind", 0.5, 1, 6));
 * }</pre>
 *
 * <p>Row constraints ({@link RowConstraint}) take a {@code mostly} fraction, default 1.0; they judge non-null
 * values only, except completeness. Bounds are inclusive; NaN lies within no bounds; infinities compare as usual.
 * Values of non-string columns are compared with allowed values and patterns in text form
 * ({@code String.valueOf} of the boxed value: {@code "7"}, {@code "4.5"}, {@code "true"}, ISO-8601 instants).
 *
 * @since 0.1
 */
public final class Constraints {

    private Constraints() {
    }

    /**
     * Rows of the column are non-null.
     *
     * @param column the column name
     * @return the constraint; observed value: the non-null fraction of all rows
     */
    public static RowConstraint completeness(String column) {
        return new RowConstraint(column, new Rules.Completeness(), RowConstraint.DEFAULT_MOSTLY);
    }

    /**
     * Non-null values occur in no other row. Fast for a million distinct values (hashing for strings, sorting
     * for numbers).
     *
     * @param column the column name
     * @return the constraint; observed value: the fraction of non-null values that occur once
     */
    public static RowConstraint uniqueness(String column) {
        return new RowConstraint(column, new Uniqueness(), RowConstraint.DEFAULT_MOSTLY);
    }

    /**
     * Values are at least a bound. NaN fails; +Infinity passes.
     *
     * @param column the numeric column
     * @param lowest smallest allowed value, inclusive
     * @return the constraint
     */
    public static RowConstraint min(String column, double lowest) {
        requireNumber(lowest, "lowest");
        return new RowConstraint(column, new Rules.Range("min", lowest, Double.POSITIVE_INFINITY),
                RowConstraint.DEFAULT_MOSTLY);
    }

    /**
     * Values are at most a bound. NaN fails; -Infinity passes.
     *
     * @param column  the numeric column
     * @param highest largest allowed value, inclusive
     * @return the constraint
     */
    public static RowConstraint max(String column, double highest) {
        requireNumber(highest, "highest");
        return new RowConstraint(column, new Rules.Range("max", Double.NEGATIVE_INFINITY, highest),
                RowConstraint.DEFAULT_MOSTLY);
    }

    /**
     * Values lie in {@code [lowest, highest]}. NaN fails.
     *
     * @param column  the numeric column (TIMESTAMP compares epoch milliseconds)
     * @param lowest  smallest allowed value, inclusive
     * @param highest largest allowed value, inclusive
     * @return the constraint
     * @throws IllegalArgumentException if lowest is greater than highest
     */
    public static RowConstraint range(String column, double lowest, double highest) {
        new Bounds(requireNumber(lowest, "lowest"), requireNumber(highest, "highest"));
        return new RowConstraint(column, new Rules.Range("range", lowest, highest), RowConstraint.DEFAULT_MOSTLY);
    }

    /**
     * Values are among the given ones (compared in text form).
     *
     * @param column the column name
     * @param values the allowed values, at least one
     * @return the constraint
     */
    public static RowConstraint allowedValues(String column, Object... values) {
        return allowedValues(column, Arrays.asList(values));
    }

    /**
     * Values are among the given ones (compared in text form).
     *
     * @param column the column name
     * @param values the allowed values, at least one
     * @return the constraint
     * @throws IllegalArgumentException if there is no value
     */
    public static RowConstraint allowedValues(String column, Collection<?> values) {
        Set<String> text = new LinkedHashSet<>();
        for (Object value : values) {
            text.add(String.valueOf(Objects.requireNonNull(value, "allowed value")));
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("allowedValues of '" + column + "' needs at least one value");
        }
        return new RowConstraint(column, new Rules.AllowedValues(Set.copyOf(text)), RowConstraint.DEFAULT_MOSTLY);
    }

    /**
     * Values, in text form, match a regular expression as a whole ({@link java.util.regex.Matcher#matches()};
     * surround it with {@code .*} to search).
     *
     * @param column the column name
     * @param regex  the regular expression
     * @return the constraint
     * @throws java.util.regex.PatternSyntaxException if the expression is invalid
     */
    public static RowConstraint matches(String column, String regex) {
        return new RowConstraint(column, new Rules.Matches(Pattern.compile(regex)), RowConstraint.DEFAULT_MOSTLY);
    }

    /**
     * Values satisfy a predicate. A predicate that throws makes the {@link DataGate} report a FAIL naming the
     * exception.
     *
     * @param column      the column name
     * @param requirement what the predicate demands, as a verb phrase ("be a known station")
     * @param predicate   tested with each non-null boxed value (Double, Long, Boolean, String or Instant)
     * @return the constraint
     */
    public static RowConstraint satisfies(String column, String requirement, Predicate<Object> predicate) {
        return new RowConstraint(column, new Rules.Satisfies(Objects.requireNonNull(requirement, "requirement"),
                Objects.requireNonNull(predicate, "predicate")), RowConstraint.DEFAULT_MOSTLY);
    }

    /**
     * The row count lies within bounds.
     *
     * @param bounds the bounds
     * @return the constraint
     */
    public static Constraint rowCount(Bounds bounds) {
        return new RowCount(bounds);
    }

    /**
     * The row count is at least a number.
     *
     * @param fewest the smallest allowed row count
     * @return the constraint
     */
    public static Constraint rowCountAtLeast(long fewest) {
        return new RowCount(Bounds.atLeast(fewest));
    }

    /**
     * The row count lies in {@code [fewest, most]}.
     *
     * @param fewest smallest allowed row count
     * @param most   largest allowed row count
     * @return the constraint
     */
    public static Constraint rowCountBetween(long fewest, long most) {
        return new RowCount(Bounds.between(fewest, most));
    }

    /**
     * The mean of the non-null values lies within bounds.
     *
     * @param column the numeric column
     * @param bounds the bounds
     * @return the constraint
     */
    public static Constraint mean(String column, Bounds bounds) {
        return new MeanBounds(column, bounds);
    }

    /**
     * The mean of the non-null values lies in {@code [lowest, highest]}.
     *
     * @param column  the numeric column
     * @param lowest  smallest allowed mean
     * @param highest largest allowed mean
     * @return the constraint
     */
    public static Constraint meanBetween(String column, double lowest, double highest) {
        return new MeanBounds(column, Bounds.between(lowest, highest));
    }

    /**
     * An exact quantile of the non-null values lies within bounds.
     *
     * @param column   the numeric column
     * @param quantile in [0, 1], e.g. 0.5 for the median
     * @param bounds   the bounds
     * @return the constraint
     */
    public static Constraint quantile(String column, double quantile, Bounds bounds) {
        return new QuantileBounds(column, quantile, bounds);
    }

    /**
     * An exact quantile of the non-null values lies in {@code [lowest, highest]}.
     *
     * @param column   the numeric column
     * @param quantile in [0, 1], e.g. 0.95
     * @param lowest   smallest allowed value of the quantile
     * @param highest  largest allowed value of the quantile
     * @return the constraint
     */
    public static Constraint quantileBetween(String column, double quantile, double lowest, double highest) {
        return new QuantileBounds(column, quantile, Bounds.between(lowest, highest));
    }

    private static double requireNumber(double value, String name) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException(name + " must not be NaN");
        }
        return value;
    }
}
