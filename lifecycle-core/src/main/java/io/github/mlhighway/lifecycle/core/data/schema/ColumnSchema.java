package io.github.mlhighway.lifecycle.core.data.schema;

import io.github.mlhighway.lifecycle.core.data.ColumnType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one column must look like: its name and type, whether it may hold nulls, optionally the values it may
 * take or the range its numbers must lie in, and the environments in which it is expected.
 *
 * <p>Immutable; change it with the {@code with...} methods. Allowed values are compared with the text form of
 * a value ({@code String.valueOf} of {@link io.github.mlhighway.lifecycle.core.data.Column#get(int)}: {@code "7"}
 * for a LONG, {@code "true"} for a BOOLEAN, ISO-8601 for a TIMESTAMP). Bounds apply to numeric types only
 * (a TIMESTAMP is compared as epoch milliseconds); NaN never lies within bounds.
 *
 * @param name          the column name
 * @param type          the expected type; a LONG column is accepted where DOUBLE is expected
 * @param nullable      whether null values are allowed
 * @param allowedValues the allowed values in text form; empty means any value
 * @param min           the smallest allowed value (inclusive), or null for none
 * @param max           the largest allowed value (inclusive), or null for none
 * @param environments  the environments in which the column is expected; empty means every environment. In any
 *                      other environment the column must be absent.
 * @since 0.1
 */
public record ColumnSchema(String name, ColumnType type, boolean nullable, List<String> allowedValues,
        @Nullable Double min,
        @Nullable Double max, List<String> environments) {

    /**
     * Validates the components and copies the lists (removing duplicates, keeping order).
     *
     * @throws IllegalArgumentException for a blank name, NaN bounds, min greater than max, or bounds on a
     *                                  non-numeric type
     */
    public ColumnSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Column schema name must not be blank");
        }
        allowedValues = distinct(allowedValues, "allowedValues of '" + name + "'");
        environments = distinct(environments, "environments of '" + name + "'");
        if ((min != null || max != null) && !type.isNumeric()) {
            throw new IllegalArgumentException("Column '" + name + "' is " + type
                    + ": min and max apply only to DOUBLE, LONG and TIMESTAMP columns");
        }
        if (min != null && min.isNaN() || max != null && max.isNaN()) {
            throw new IllegalArgumentException("Column '" + name + "': min and max must not be NaN");
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("Column '" + name + "': min " + min + " is greater than max " + max);
        }
    }

    /**
     * A nullable column of a type, with no other expectation, expected in every environment.
     *
     * @param name the column name
     * @param type the type
     * @return the column schema
     */
    public static ColumnSchema of(String name, ColumnType type) {
        return new ColumnSchema(name, type, true, List.of(), null, null, List.of());
    }

    /**
     * Whether the column is expected in an environment.
     *
     * @param environment the environment, or null for "no particular environment" (every column is expected)
     * @return true when expected
     */
    public boolean expectedIn(@Nullable String environment) {
        return environment == null || environments.isEmpty() || environments.contains(environment);
    }

    /**
     * The same column with another type; bounds are dropped when the new type is not numeric.
     *
     * @param newType the type
     * @return a new column schema
     */
    public ColumnSchema withType(ColumnType newType) {
        boolean numeric = Objects.requireNonNull(newType, "newType").isNumeric();
        return new ColumnSchema(name, newType, nullable, allowedValues, numeric ? min : null, numeric ? max : null,
                environments);
    }

    /**
     * The same column, nullable or not.
     *
     * @param allowNulls whether nulls are allowed
     * @return a new column schema
     */
    public ColumnSchema withNullable(boolean allowNulls) {
        return new ColumnSchema(name, type, allowNulls, allowedValues, min, max, environments);
    }

    /**
     * The same column restricted to some values.
     *
     * @param values the allowed values, compared in text form ({@code String.valueOf}); empty allows any value
     * @return a new column schema
     */
    public ColumnSchema withAllowedValues(Collection<?> values) {
        List<String> text = new ArrayList<>();
        for (Object value : Objects.requireNonNull(values, "values")) {
            text.add(String.valueOf(Objects.requireNonNull(value, "allowed value")));
        }
        return new ColumnSchema(name, type, nullable, text, min, max, environments);
    }

    /**
     * The same column with both bounds.
     *
     * @param lowest  smallest allowed value, inclusive
     * @param highest largest allowed value, inclusive
     * @return a new column schema
     */
    public ColumnSchema withRange(double lowest, double highest) {
        return new ColumnSchema(name, type, nullable, allowedValues, lowest, highest, environments);
    }

    /**
     * The same column with a lower bound (or none).
     *
     * @param lowest smallest allowed value, inclusive, or null to remove the bound
     * @return a new column schema
     */
    public ColumnSchema withMin(Double lowest) {
        return new ColumnSchema(name, type, nullable, allowedValues, lowest, max, environments);
    }

    /**
     * The same column with an upper bound (or none).
     *
     * @param highest largest allowed value, inclusive, or null to remove the bound
     * @return a new column schema
     */
    public ColumnSchema withMax(Double highest) {
        return new ColumnSchema(name, type, nullable, allowedValues, min, highest, environments);
    }

    /**
     * The same column, expected only in the given environments and required to be absent in any other.
     *
     * @param names environment names such as {@link Schema#TRAINING}; none means every environment
     * @return a new column schema
     */
    public ColumnSchema inEnvironments(String... names) {
        return new ColumnSchema(name, type, nullable, allowedValues, min, max, List.of(names));
    }

    private static List<String> distinct(List<String> values, String what) {
        if (values == null) {
            return List.of();
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String value : values) {
            unique.add(Objects.requireNonNull(value, "null in " + what));
        }
        return List.copyOf(unique);
    }
}
