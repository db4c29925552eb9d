package io.github.mlhighway.lifecycle.core.serving;

import java.util.function.Function;

/**
 * Where one {@link io.github.mlhighway.lifecycle.release.Assignment} leads: the version's function and the trackers
 * a call is recorded on. Built once per assignment and set of served versions, so the serving path only looks it up;
 * {@code model} and {@code versionSlis} are null when the set has no such version.
 *
 * @param <I> input type
 * @param <O> output type
 */
final class Route<I, O> {

    final String version;
    final Function<I, O> model;
    final VersionSlis versionSlis;
    final CohortSlis cohortSlis;

    Route(String version, Function<I, O> model, VersionSlis versionSlis, CohortSlis cohortSlis) {
        this.version = version;
        this.model = model;
        this.versionSlis = versionSlis;
        this.cohortSlis = cohortSlis;
    }

    /** Records one call that ran; lock-free and allocation-free. */
    void record(boolean ok, boolean fast) {
        versionSlis.availability.record(ok);
        versionSlis.latency.record(fast);
        cohortSlis.availability.record(ok);
        cohortSlis.latency.record(fast);
    }

    /** Records a call that did not run (rejected by the bulkhead, or an unknown version): bad, not slow. */
    void recordRejected() {
        if (versionSlis != null) {
            versionSlis.availability.recordBad();
        }
        cohortSlis.availability.recordBad();
    }
}
