package io.github.mlhighway.lifecycle.release;

/**
 * How a candidate version reaches users.
 *
 * @since 0.1
 */
public enum ReleaseStrategy {
    /** Step weights with an analysis at every interval; sticky by key hash. */
    CANARY,
    /** A sample of requests is mirrored to the candidate, whose answers are never returned. */
    SHADOW,
    /** A fixed split for a fixed number of analyses, ended by a significance test. */
    AB_TEST,
    /** All traffic switched at once, with a rollback window. */
    BLUE_GREEN
}
