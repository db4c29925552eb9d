package io.github.mlhighway.lifecycle.core.data.schema;

import java.util.List;
import java.util.Objects;

/**
 * One way one column differs from its schema, with how many rows do and a few of them.
 *
 * @param column      the column name
 * @param kind        what is wrong
 * @param count       how many rows violate (for a missing or unexpected column: the table's row count)
 * @param exampleRows up to {@link #MAX_EXAMPLES} 0-based indexes of violating rows, in row order
 * @param message     a sentence that explains the violation
 * @since 0.1
 */
public record SchemaViolation(String column, ViolationKind kind, long count, List<Integer> exampleRows,
        String message) {

    /** How many example rows a violation keeps. */
    public static final int MAX_EXAMPLES = 5;

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException for a negative count or too many examples
     */
    public SchemaViolation {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        exampleRows = exampleRows == null ? List.of() : List.copyOf(exampleRows);
        if (count < 0 || exampleRows.size() > MAX_EXAMPLES) {
            throw new IllegalArgumentException("Violation of '" + column + "': count " + count + " and "
                    + exampleRows.size() + " examples (at most " + MAX_EXAMPLES + ")");
        }
    }
}
