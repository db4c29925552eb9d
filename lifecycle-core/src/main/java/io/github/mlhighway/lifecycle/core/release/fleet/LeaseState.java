package io.github.mlhighway.lifecycle.core.release.fleet;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A release lease as stored: who drives the release, until when, and how many times it changed hands.
 *
 * @param holder     the replica holding the lease, or null when nobody does (released, or never taken)
 * @param epoch      how many times the lease was taken by a new holder (a fencing counter: it only grows)
 * @param acquiredAt when the current holder took it
 * @param expiresAt  when it lapses unless renewed, on the holder's clock; after this instant any replica may take
 *                   it
 * @param finished   whether the release ended and its follow-up work (alias move, incident evidence) is done:
 *                   nobody needs to drive it any more
 * @since 0.1
 */
public record LeaseState(@Nullable String holder, long epoch, Instant acquiredAt, Instant expiresAt, boolean finished) {

    /** Validates the components. */
    public LeaseState {
        Objects.requireNonNull(acquiredAt, "acquiredAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (epoch < 0) {
            throw new IllegalArgumentException("A lease epoch is never negative, was " + epoch);
        }
    }

    /**
     * Whether some replica other than {@code replicaId} holds the lease at {@code now}.
     *
     * @param replicaId the asking replica
     * @param now       its clock's time
     * @return true when held by another and not yet expired
     */
    public boolean heldByAnotherAt(String replicaId, Instant now) {
        return holder != null && !holder.equals(replicaId) && now.isBefore(expiresAt);
    }
}
