package io.github.mlhighway.lifecycle.core.data.quality;

import io.github.mlhighway.lifecycle.core.data.Column;
import io.github.mlhighway.lifecycle.core.data.StringColumn;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The per-row rules behind {@link Constraints}: one small record each. */
final class Rules {

    private Rules() {
    }

    /** A row is complete when it is not null. */
    record Completeness() implements RowRule {
        @Override
        public String name() {
            return "completeness";
        }

        @Override
        public String requirement() {
            return "be non-null";
        }

        @Override
        public boolean judgesNulls() {
            return true;
        }

        @Override
        public IntPredicate tester(Column column) {
            return row -> !column.isNull(row);
        }
    }

    /**
     * A value within numeric bounds, both inclusive; NaN lies within no bounds, infinities compare as usual.
     *
     * @param name  rule name
     * @param lower smallest allowed value (may be -infinity)
     * @param upper largest allowed value (may be +infinity)
     */
    record Range(String name, double lower, double upper) implements RowRule {
        @Override
        public String requirement() {
            return "be " + new Bounds(lower, upper).describe();
        }

        @Override
        public @Nullable String inapplicable(Column column) {
            return NumericValues.of(column) == null ? NumericValues.notNumeric(column, name) : null;
        }

        @Override
        public IntPredicate tester(Column column) {
            IntToDoubleFunction values = NumericValues.of(column);
            return row -> {
                double value = Objects.requireNonNull(values).applyAsDouble(row);
                return value >= lower && value <= upper;
            };
        }
    }

    /**
     * A value among allowed ones, compared in text form ({@code String.valueOf}).
     *
     * @param allowed the allowed values' text
     */
    record AllowedValues(Set<String> allowed) implements RowRule {
        @Override
        public String name() {
            return "allowed_values";
        }

        @Override
        public String requirement() {
            return "be one of " + allowed;
        }

        @Override
        public IntPredicate tester(Column column) {
            if (column instanceof StringColumn strings) {
                return row -> allowed.contains(strings.getString(row));
            }
            return row -> allowed.contains(String.valueOf(column.get(row)));
        }
    }

    /**
     * A value whose text form matches a regular expression as a whole.
     *
     * @param pattern the expression
     */
    record Matches(Pattern pattern) implements RowRule {
        @Override
        public String name() {
            return "matches";
        }

        @Override
        public String requirement() {
            return "match /" + pattern.pattern() + "/";
        }

        @Override
        public IntPredicate tester(Column column) {
            if (column instanceof StringColumn strings) {
                return row -> pattern.matcher(strings.getString(row)).matches();
            }
            return row -> pattern.matcher(String.valueOf(column.get(row))).matches();
        }
    }

    /**
     * A value that satisfies a caller's predicate on the boxed value.
     *
     * @param description what the predicate demands, e.g. "be a known station"
     * @param predicate   the predicate, never given null
     */
    record Satisfies(String description, Predicate<Object> predicate) implements RowRule {
        @Override
        public String name() {
            return "satisfies";
        }

        @Override
        public String requirement() {
            return description;
        }

        @Override
        public IntPredicate tester(Column column) {
            return row -> predicate.test(column.get(row));
        }
    }
}
