package io.github.mlhighway.lifecycle.testkit.behaviour;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one behavioural test.
 *
 * @param name      the test's name
 * @param kind      the test type
 * @param examined  how many examples were run
 * @param offences  the examples on which the model misbehaved
 * @since 0.1
 */
public record BehaviourTestResult(String name, TestKind kind, int examined, List<Offence> offences) {

    /**
     * Copies the list.
     *
     * @throws NullPointerException if an argument is null
     */
    public BehaviourTestResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        offences = List.copyOf(offences);
    }

    /** @return true when no example offended */
    public boolean passed() {
        return offences.isEmpty();
    }

    /** @return the share of examples that offended, 0 when none were run */
    public double failureRate() {
        return examined == 0 ? 0.0 : (double) offences.size() / examined;
    }
}
