package io.github.mlhighway.lifecycle.core.condition;

import java.util.List;

/**
 * An any/all combination of conditions. Its {@link #check} result lists one part result per part, in order, so a
 * caller can keep per-part state (the retraining trigger keeps a streak per part of a top-level {@code anyOf}).
 *
 * @since 0.1
 */
public interface CompositeCondition extends Condition {

    /**
     * Whether this is an {@code anyOf} (otherwise an {@code allOf}).
     *
     * @return true for {@code anyOf}
     */
    boolean isAnyOf();

    /**
     * The parts, in the order of the part results.
     *
     * @return the parts
     */
    List<? extends Condition> parts();
}
