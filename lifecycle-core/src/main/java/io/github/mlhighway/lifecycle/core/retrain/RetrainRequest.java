package io.github.mlhighway.lifecycle.core.retrain;

import io.github.mlhighway.lifecycle.core.condition.ConditionResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a trigger hands the host's action: why to retrain, with the numbers.
 *
 * @param trigger   the trigger's name
 * @param at        when it fired
 * @param reasons   one sentence per condition that holds
 * @param evidence  the numbers of the conditions that hold, prefixed with the condition's name
 * @param condition the full result, including the parts that do not hold
 * @since 0.1
 */
public record RetrainRequest(String trigger, Instant at, List<String> reasons, Map<String, Double> evidence,
                             ConditionResult condition) {

    /** Validates and copies the components. */
    public RetrainRequest {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(condition, "condition");
        reasons = List.copyOf(reasons);
        evidence = java.util.Collections.unmodifiableMap(new TreeMap<>(evidence));
    }
}
