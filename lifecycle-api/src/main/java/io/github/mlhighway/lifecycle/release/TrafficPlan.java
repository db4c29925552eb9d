package io.github.mlhighway.lifecycle.release;

import org.jspecify.annotations.Nullable;

/**
 * Which version serves each request, as decided by the release in progress. Read on every request, so
 * implementations must be lock-free and allocation-free (return preallocated {@link Assignment}s, publish changes
 * by swapping one immutable snapshot), and sticky: the same key hash keeps its assignment while the weights
 * stay the same, and only moves from the baseline to the candidate as the candidate's weight grows.
 *
 * @since 0.1
 */
public interface TrafficPlan {

    /**
     * The assignment of a request.
     *
     * @param keyHash a well-mixed 64-bit hash of the routing key (user id, session id), or of the request id when
     *                there is no sticky key
     * @return the assignment, never null
     */
    Assignment assign(long keyHash);

    /**
     * The version that receives mirrored (shadow) traffic, whose answers are compared but never returned.
     *
     * @return the shadow version, or null when nothing is mirrored
     */
    @Nullable String shadowVersion();

    /**
     * The share of requests mirrored to the shadow version.
     *
     * @return a fraction in [0, 1]; 0 when there is no shadow version
     */
    double shadowSampleRate();

    /**
     * A plan that sends every request to one version, in one cohort, mirroring nothing.
     *
     * @param version the version
     * @param cohort  the cohort name
     * @return the plan
     */
    static TrafficPlan single(String version, String cohort) {
        Assignment only = new Assignment(version, cohort);
        return new TrafficPlan() {
            @Override
            public Assignment assign(long keyHash) {
                return only;
            }

            @Override
            public @Nullable String shadowVersion() {
                return null;
            }

            @Override
            public double shadowSampleRate() {
                return 0.0;
            }

            @Override
            public String toString() {
                return "TrafficPlan[all to " + version + " (" + cohort + ")]";
            }
        };
    }
}
