package io.github.mlhighway.lifecycle.core.condition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What one condition found at one evaluation.
 *
 * @param name        the condition's name, e.g. {@code drift(serving-inputs)}
 * @param status      holds, clear, or inconclusive (too little data to say)
 * @param reason      one sentence with the numbers
 * @param evidence    the observed values and thresholds by name
 * @param parts       the results of the parts of a composite condition, empty otherwise
 * @param observation what the result was measured on when that is a discrete thing, e.g. the drift window
 *                    {@code serving-inputs@2026-06-08T00:00:00Z}; null for continuous measurements (a budget now).
 *                    A streak counts one observation once however often it is evaluated, so a weekly drift window
 *                    evaluated every day is one week, not seven evaluations
 * @since 0.1
 */
public record ConditionResult(String name, ConditionStatus status, String reason, Map<String, Double> evidence,
                              List<ConditionResult> parts, @Nullable String observation) {

    /** Validates and copies the components. */
    public ConditionResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        evidence = evidence == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(evidence));
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /**
     * A two-valued result without an observation (the shape before results could be inconclusive).
     *
     * @param name     condition name
     * @param holds    whether it holds
     * @param reason   one sentence
     * @param evidence numbers
     * @param parts    part results
     */
    public ConditionResult(String name, boolean holds, String reason, Map<String, Double> evidence,
                           List<ConditionResult> parts) {
        this(name, holds ? ConditionStatus.HOLDS : ConditionStatus.CLEAR, reason, evidence, parts, null);
    }

    /**
     * A result of a simple condition that holds or not.
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
     * A result of a simple condition.
     *
     * @param name     condition name
     * @param status   what it found
     * @param reason   one sentence
     * @param evidence numbers
     * @return the result
     */
    public static ConditionResult of(String name, ConditionStatus status, String reason,
                                     Map<String, Double> evidence) {
        return new ConditionResult(name, status, reason, evidence, List.of(), null);
    }

    /**
     * A simple condition that could not be decided.
     *
     * @param name     condition name
     * @param reason   why, one sentence
     * @param evidence what numbers there are
     * @return the result
     */
    public static ConditionResult inconclusive(String name, String reason, Map<String, Double> evidence) {
        return of(name, ConditionStatus.INCONCLUSIVE, reason, evidence);
    }

    /**
     * The same result, measured on the given observation.
     *
     * @param measuredOn what it was measured on (see {@link #observation()}), or null
     * @return the result
     */
    public ConditionResult withObservation(String measuredOn) {
        return new ConditionResult(name, status, reason, evidence, parts, measuredOn);
    }

    /**
     * Whether the condition holds (an inconclusive result does not).
     *
     * @return true when {@link #status()} is {@link ConditionStatus#HOLDS}
     */
    public boolean holds() {
        return status == ConditionStatus.HOLDS;
    }

    /**
     * Whether the condition could not be decided.
     *
     * @return true when {@link #status()} is {@link ConditionStatus#INCONCLUSIVE}
     */
    public boolean isInconclusive() {
        return status == ConditionStatus.INCONCLUSIVE;
    }

    /**
     * The reasons of the simple conditions that hold, depth first (a simple condition that holds gives its own).
     *
     * @return one sentence per holding leaf
     */
    public List<String> holdingReasons() {
        List<String> reasons = new ArrayList<>();
        collect(this, reasons, new TreeMap<>(), true);
        return reasons;
    }

    /**
     * The evidence of the simple conditions that hold, each number prefixed with its condition's name.
     *
     * @return the numbers
     */
    public Map<String, Double> holdingEvidence() {
        Map<String, Double> numbers = new TreeMap<>();
        collect(this, new ArrayList<>(), numbers, true);
        return numbers;
    }

    /**
     * The reasons of every simple condition, whatever it found, depth first.
     *
     * @return one sentence per leaf
     */
    public List<String> allReasons() {
        List<String> reasons = new ArrayList<>();
        collect(this, reasons, new TreeMap<>(), false);
        return reasons;
    }

    /**
     * The evidence of every simple condition (observed values and thresholds), each number prefixed with its
     * condition's name.
     *
     * @return the numbers
     */
    public Map<String, Double> allEvidence() {
        Map<String, Double> numbers = new TreeMap<>();
        collect(this, new ArrayList<>(), numbers, false);
        return numbers;
    }

    /**
     * The simple conditions of this result, depth first (this result alone when it has no parts).
     *
     * @return the leaves
     */
    public List<ConditionResult> leaves() {
        List<ConditionResult> leaves = new ArrayList<>();
        leaves(this, leaves);
        return leaves;
    }

    private static void leaves(ConditionResult result, List<ConditionResult> out) {
        if (result.parts.isEmpty()) {
            out.add(result);
            return;
        }
        result.parts.forEach(part -> leaves(part, out));
    }

    private static void collect(ConditionResult result, List<String> reasons, Map<String, Double> numbers,
                                boolean holdingOnly) {
        if (holdingOnly && !result.holds()) {
            return;
        }
        if (result.parts.isEmpty()) {
            reasons.add(result.reason);
            result.evidence.forEach((key, value) -> numbers.put(result.name + "." + key, value));
            return;
        }
        result.parts.forEach(part -> collect(part, reasons, numbers, holdingOnly));
    }
}
