package io.github.mlhighway.lifecycle.core.release.fleet;

import java.time.Duration;
import java.util.Objects;

/**
 * How one replica takes part in a release served by a fleet: its id, the lease timing, and how often it polls the
 * journal when the store cannot notify changes.
 *
 * <p>Guarantees that follow from these numbers (see the README, "A canary across a fleet"): a leader that dies is
 * replaced within {@code leaseTtl} plus one runtime tick (the lease was renewed at most {@code renewInterval} before
 * the death, so takeover takes at least {@code leaseTtl - renewInterval}); a journaled change reaches a replica's
 * plan within the store's notification latency (milliseconds on PostgreSQL) or, on a store that cannot notify,
 * within {@code pollInterval} plus one tick.
 *
 * @param replicaId     this replica, unique in the fleet (e.g. the pod name); written into the lease
 * @param leaseTtl      how long a taken or renewed lease lasts
 * @param renewInterval how often the leader renews its lease; shorter than the ttl
 * @param pollInterval  how often a replica reads the journal when the store cannot notify changes (and how
 *                      often a follower looks at the lease of a live leader)
 * @since 0.1
 */
public record FleetConfig(String replicaId, Duration leaseTtl, Duration renewInterval, Duration pollInterval) {

    /** Default lease ttl. */
    public static final Duration DEFAULT_LEASE_TTL = Duration.ofSeconds(10);
    /** Default renewal interval: a third of the default ttl, so two renewals can fail before the lease lapses. */
    public static final Duration DEFAULT_RENEW_INTERVAL = Duration.ofSeconds(3);
    /** Default journal poll interval for stores that cannot notify changes. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    /** How often a store that notifies changes is read anyway, as a backstop. */
    public static final Duration NOTIFIED_POLL_INTERVAL = Duration.ofSeconds(30);

    /** Validates the components (cross-field rules included). */
    public FleetConfig {
        Objects.requireNonNull(replicaId, "replicaId");
        if (replicaId.isBlank() || replicaId.length() > 128) {
            throw new IllegalArgumentException("A replica id is 1 to 128 characters and not blank, was '" + replicaId
                    + "'");
        }
        requirePositive(leaseTtl, "lease ttl");
        requirePositive(renewInterval, "lease renewal interval");
        requirePositive(pollInterval, "journal poll interval");
        if (renewInterval.compareTo(leaseTtl) >= 0) {
            throw new IllegalArgumentException("The lease renewal interval " + renewInterval
                    + " must be shorter than the lease ttl " + leaseTtl + " (a third of it is usual)");
        }
    }

    /**
     * A replica with the default timing (ttl {@link #DEFAULT_LEASE_TTL}, renewal {@link #DEFAULT_RENEW_INTERVAL},
     * poll {@link #DEFAULT_POLL_INTERVAL}).
     *
     * @param replicaId the replica, unique in the fleet
     * @return the configuration
     */
    public static FleetConfig replica(String replicaId) {
        return new FleetConfig(replicaId, DEFAULT_LEASE_TTL, DEFAULT_RENEW_INTERVAL, DEFAULT_POLL_INTERVAL);
    }

    /**
     * The same with another lease timing.
     *
     * @param ttl   how long a lease lasts
     * @param renew how often the leader renews it (shorter than {@code ttl})
     * @return the new configuration
     */
    public FleetConfig withLease(Duration ttl, Duration renew) {
        return new FleetConfig(replicaId, ttl, renew, pollInterval);
    }

    /**
     * The same with another poll interval.
     *
     * @param interval how often the journal is read when the store cannot notify
     * @return the new configuration
     */
    public FleetConfig withPollInterval(Duration interval) {
        return new FleetConfig(replicaId, leaseTtl, renewInterval, interval);
    }

    private static void requirePositive(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("The " + what + " must be positive, was " + value);
        }
    }
}
