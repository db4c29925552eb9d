package io.github.mlhighway.lifecycle.registry;

/**
 * What a {@link LineageRef} points at, along the lineage graph dataset → profile → run → version → gate.
 *
 * @since 0.1
 */
public enum LineageKind {
    /** A data set, usually by content digest. */
    DATASET,
    /** A data profile. */
    PROFILE,
    /** A validation or drift report. */
    VALIDATION,
    /** A pipeline run. */
    RUN,
    /** Source code, e.g. a git commit. */
    CODE,
    /** Another model version, e.g. the one this was fine-tuned from, as {@code model@version}. */
    MODEL_VERSION,
    /** An evaluation. */
    EVALUATION,
    /** A gate verdict. */
    VERDICT,
    /** Anything else; say what in the reference's note. */
    OTHER
}
