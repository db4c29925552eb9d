package io.github.mlhighway.lifecycle.policy;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A proposed change that asks the error-budget policy for permission: a release, a promotion, a config push.
 * Labels let exemptions match (e.g. {@code security}, {@code P0}).
 *
 * @param id     identifier of the change, e.g. a version or ticket
 * @param kind   what kind of change, e.g. {@code release}
 * @param labels free labels, compared case-sensitively
 * @since 0.1
 */
public record Change(String id, String kind, Set<String> labels) {

    /** Validates and copies the components. */
    public Change {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        labels = Set.copyOf(labels);
    }

    /**
     * A release without labels.
     *
     * @param id the release identifier
     * @return the change
     */
    public static Change release(String id) {
        return new Change(id, "release", Set.of());
    }

    /**
     * The same change with more labels.
     *
     * @param more labels to add
     * @return the change
     */
    public Change withLabels(String... more) {
        Set<String> all = new TreeSet<>(labels);
        all.addAll(Set.of(more));
        return new Change(id, kind, all);
    }

    /**
     * Whether the change carries the label.
     *
     * @param label a label
     * @return true when present
     */
    public boolean hasLabel(String label) {
        return labels.contains(label);
    }
}
