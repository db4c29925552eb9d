package io.github.mlhighway.lifecycle.core.retrain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one condition found at one evaluation.
 *
 * @param name     the condition's name, e.g. {@code drift(serving-inputs)}
 * @param holds    whether the condition holds
 * @param reason   one sentence with the numbers
 * @param evidence the numbers by name
 * @param parts    the results of the parts of a composite condition, empty otherwise
 */
public record ConditionResult(String name, boolean holds, String reason, Map<String, Double> evidence,
                              List<ConditionResult> parts) {

    /** Validates and copies the components. */
    public ConditionResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
        evidence = evidence == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(evidence));
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /**
     * A result of a simple condition.
     *
     * @param name     condition name
     * @param holds    whether it holds
     * @param reason   one sentence
     * @param evidence numbers
     * @return the result
     */
    public static ConditionResult of(String name, boolean holds, String reason, Map<String, Double> evidence) {
        return new ConditionResult(name, holds, reason, evidence, List.of());
    }

    /**
     * The reasons of the simple conditions that hold, depth first (a simple condition that holds gives its own).
     *
     * @return one sentence per holding leaf
     */
    public List<String> holdingReasons() {
        List<String> reasons = new ArrayList<>();
        collect(this, reasons, new TreeMap<>());
        return reasons;
    }

    /**
     * The evidence of the simple conditions that hold, each number prefixed with its condition's name.
     *
     * @return the numbers
     */
    public Map<String, Double> holdingEvidence() {
        Map<String, Double> numbers = new TreeMap<>();
        collect(this, new ArrayList<>(), numbers);
        return numbers;
    }

    private static void collect(ConditionResult result, List<String> reasons, Map<String, Double> numbers) {
        if (!result.holds) {
            return;
        }
        if (result.parts.isEmpty()) {
            reasons.add(result.reason);
            result.evidence.forEach((key, value) -> numbers.put(result.name + "." + key, value));
            return;
        }
        result.parts.forEach(part -> collect(part, reasons, numbers));
    }
}
