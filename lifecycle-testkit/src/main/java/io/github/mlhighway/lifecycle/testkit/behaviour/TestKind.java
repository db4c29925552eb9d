package io.github.mlhighway.lifecycle.testkit.behaviour;

/**
 * The CheckList test types.
 *
 * @since 0.1
 */
public enum TestKind {
    /** Minimum functionality: examples with expected outputs. */
    MINIMUM_FUNCTIONALITY,
    /** Invariance: a perturbation must not change the output (beyond a tolerance). */
    INVARIANCE,
    /** Directional expectation: a perturbation must move the score a known way. */
    DIRECTIONAL
}
