package io.github.mlhighway.lifecycle.registry;

import java.util.Objects;

/**
 * A typed reference from a model version to something it came from: a run id, a data set digest, a profile id,
 * a gate verdict id. References are free-form text; the registry records them and does not resolve them.
 *
 * @param kind what is referenced
 * @param id   the reference, e.g. {@code run-42} or {@code sha256:9f86d0…}
 * @param note an optional comment (empty when none), e.g. {@code "training split"}
 * @since 0.1
 */
public record LineageRef(LineageKind kind, String id, String note) {

    /**
     * Validates the components; a null note becomes empty.
     *
     * @throws IllegalArgumentException if the id is blank
     */
    public LineageRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("Lineage reference of kind " + kind + " has a blank id");
        }
        note = note == null ? "" : note;
    }

    /**
     * A reference without a note.
     *
     * @param kind what is referenced
     * @param id   the reference
     * @return the reference
     */
    public static LineageRef of(LineageKind kind, String id) {
        return new LineageRef(kind, id, "");
    }

    /**
     * A reference to a pipeline run.
     *
     * @param runId the run id
     * @return the reference
     */
    public static LineageRef run(String runId) {
        return of(LineageKind.RUN, runId);
    }

    /**
     * A reference to a data set by digest or name.
     *
     * @param dataset the digest or name
     * @return the reference
     */
    public static LineageRef dataset(String dataset) {
        return of(LineageKind.DATASET, dataset);
    }

    /**
     * A reference to a gate verdict.
     *
     * @param verdictId the verdict's id
     * @return the reference
     */
    public static LineageRef verdict(String verdictId) {
        return of(LineageKind.VERDICT, verdictId);
    }
}
