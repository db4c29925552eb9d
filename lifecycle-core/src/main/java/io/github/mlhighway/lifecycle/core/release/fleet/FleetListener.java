package io.github.mlhighway.lifecycle.core.release.fleet;

import io.github.mlhighway.lifecycle.core.release.ReleaseState;
import java.time.Instant;

/**
 * Told what happens to one replica's part in a fleet release. Called on the thread that saw the change (the
 * runtime's ticker, or the store's notification thread): keep it short. Exceptions are logged and ignored.
 *
 * @since 0.1
 */
public interface FleetListener {

    /**
     * This replica took the lease and now drives the release, or stopped driving it.
     *
     * @param release the replica's fleet release
     * @param leading whether it drives the release now
     * @param reason  why, e.g. "took the lease (epoch 2) from replica-a, whose lease expired at ..."
     */
    default void leadershipChanged(FleetRelease release, boolean leading, String reason) {
    }

    /**
     * This replica's traffic plan changed to follow the journal (a step, a promotion, a rollback).
     *
     * @param release     the replica's fleet release
     * @param state       the journaled state the plan now follows
     * @param journaledAt when the leader's journal write was stored (on the store's clock): the plan's lag is
     *                    {@code now - journaledAt}
     */
    default void planChanged(FleetRelease release, ReleaseState state, Instant journaledAt) {
    }
}
