package io.github.mlhighway.lifecycle.core.serving;

import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

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
    final @Nullable Function<I, O> model;
    final @Nullable VersionSlis versionSlis;
    final CohortSlis cohortSlis;

    Route(String version, @Nullable Function<I, O> model, @Nullable VersionSlis versionSlis, CohortSlis cohortSlis) {
        this.version = version;
        this.model = model;
        this.versionSlis = versionSlis;
        this.cohortSlis = cohortSlis;
    }

    /** @return the version's function; only for a route to a served version (callers check {@code model}) */
    Function<I, O> function() {
        return Objects.requireNonNull(model, "a route to a version that is not served has no function");
    }

    /** @return the version's trackers; only for a route to a served version (callers check {@code model}) */
    VersionSlis slis() {
        return Objects.requireNonNull(versionSlis, "a route to a version that is not served has no trackers");
    }

    /** Records one call that ran; lock-free and allocation-free. */
    void record(boolean ok, boolean fast) {
        VersionSlis slis = slis();
        slis.availability.record(ok);
        slis.latency.record(fast);
        cohortSlis.availability.record(ok);
        cohortSlis.latency.record(fast);
    }

    /** Records a call that did not run (rejected by the bulkhead, or an unknown version): bad, not slow. */
    void recordRejected() {
        VersionSlis slis = versionSlis;
        if (slis != null) {
            slis.availability.recordBad();
        }
        cohortSlis.availability.recordBad();
    }
}
