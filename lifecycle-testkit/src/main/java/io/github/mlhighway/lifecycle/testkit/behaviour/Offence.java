package io.github.mlhighway.lifecycle.testkit.behaviour;

import org.jspecify.annotations.Nullable;

/**
 * One example on which the model misbehaved.
 *
 * @param input     the input
 * @param perturbed the perturbed input, or null for a minimum-functionality example
 * @param expected  what was expected: the expected output, or the original output for a perturbation test (null
 *                  when the model threw on the original input)
 * @param actual    the output on the (perturbed) input, or null when the model threw
 * @param reason    why it fails, in words
 * @since 0.1
 */
public record Offence(Object input, @Nullable Object perturbed, @Nullable Object expected, @Nullable Object actual,
                      String reason) {

    @Override
    public String toString() {
        return perturbed == null
                ? input + ": expected " + expected + " but got " + actual + " (" + reason + ")"
                : input + " -> " + perturbed + ": " + expected + " -> " + actual + " (" + reason + ")";
    }
}
