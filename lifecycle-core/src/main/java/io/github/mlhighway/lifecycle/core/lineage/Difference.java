package io.github.mlhighway.lifecycle.core.lineage;

import org.jspecify.annotations.Nullable;

/**
 * One way two runs differ.
 *
 * @param aspect {@code code}, {@code parameter}, {@code environment}, {@code input} or {@code profile}
 * @param key    the name within the aspect (parameter name, environment key, input name)
 * @param left   the first run's value, or null when absent
 * @@Nullable param right  the second run's value, or null when absent
 * @since 0.1
 */
public record Difference(String aspect, String key, @Nullable String left, @Nullable String right) {

    @Override
    public String toString() {
        return aspect + " " + key + ": " + left + " -> " + right;
    }
}
