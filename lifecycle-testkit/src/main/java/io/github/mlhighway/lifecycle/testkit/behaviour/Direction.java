package io.github.mlhighway.lifecycle.testkit.behaviour;

/**
 * Which way a directional expectation says the model's score must move under a perturbation.
 *
 * @since 0.1
 */
public enum Direction {
    /** The score must increase by more than the tolerance. */
    UP,
    /** The score must decrease by more than the tolerance. */
    DOWN,
    /** The score must not decrease by more than the tolerance. */
    NOT_DOWN,
    /** The score must not increase by more than the tolerance. */
    NOT_UP
}
