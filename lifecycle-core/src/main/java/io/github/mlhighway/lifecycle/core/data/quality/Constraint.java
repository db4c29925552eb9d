package io.github.mlhighway.lifecycle.core.data.quality;

import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.gate.Finding;

/**
 * One expectation about a table, evaluated to a {@link Finding} that holds the observed value, the threshold and
 * a sentence. Implementations are immutable and thread-safe. Create them with {@link Constraints}.
 *
 * @since 0.1
 */
public interface Constraint {

    /**
     * The stable, machine-readable name of the check, such as {@code completeness(wind)}; it becomes
     * {@link Finding#check()}.
     *
     * @return the check name
     */
    String check();

    /**
     * What the constraint expects, as a sentence fragment, such as {@code at least 99% of 'wind' is non-null}.
     *
     * @return the description
     */
    String description();

    /**
     * Evaluates the constraint. Never throws for bad data: a missing column is a FAIL finding, too little data
     * an INCONCLUSIVE one.
     *
     * @param table the table
     * @return the finding
     */
    Finding evaluate(Table table);
}
