package io.github.mlhighway.lifecycle.core.release.fleet;

import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.store.RevisionConflictException;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoreException;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The lease that lets one replica at a time drive a release: one document of the {@value #COLLECTION} collection
 * keyed by the release id ({@link LeaseState}), taken, renewed and released with the store's compare-and-set on its
 * revision, so two replicas racing for it cannot both win. It works on any {@link Store} with compare-and-set: the
 * PostgreSQL store across JVMs, the directory and in-memory stores within one process.
 *
 * <p>A replica {@link #tryAcquire() takes} the lease when nobody holds it or when its expiry has passed on the
 * replica's own clock; the holder {@link #renew() renews} it (well) before it lapses, moving the expiry to
 * {@code now + ttl}; a renewal that fails (another replica took the lease, or the store cannot be reached) means
 * the lease is lost at once, and the holder must stop driving.
 *
 * <p><b>Clocks.</b> The expiry is written on the holder's clock and compared on the taker's, so the replicas'
 * clocks are assumed to agree to well within the ttl (NTP keeps them within milliseconds; the default ttl is ten
 * seconds). A skew of {@code s} makes a takeover up to {@code s} early or late. Correctness does not rest on the
 * clocks: a replica that takes over fences the release journal ({@code ReleaseController#fence}) before it
 * drives, so a deposed holder that still believes its lease is valid fails its next journal write (a revision
 * conflict) instead of overwriting the new holder's decisions.
 *
 * <p>Thread-safe.
 *
 * @since 0.1
 */
public final class ReleaseLease {

    /** The store collection of release leases. */
    public static final String COLLECTION = "release-lease";

    private final Store store;
    private final String releaseId;
    private final String replicaId;
    private final Clock clock;
    private final Duration ttl;
    /** The revision of the lease document this replica last wrote, or -1. */
    private long revision = -1;
    private @Nullable LeaseState written;
    private @Nullable LeaseState seen;
    private @Nullable String problem;

    /**
     * A lease of one release, for one replica.
     *
     * @param store     where the lease document lives
     * @param releaseId the release
     * @param replicaId this replica (unique in the fleet)
     * @param clock     the replica's clock
     * @param ttl       how long a taken or renewed lease lasts
     */
    public ReleaseLease(Store store, String releaseId, String replicaId, Clock clock, Duration ttl) {
        this.store = Objects.requireNonNull(store, "store");
        this.releaseId = Objects.requireNonNull(releaseId, "releaseId");
        this.replicaId = Objects.requireNonNull(replicaId, "replicaId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("The lease ttl of release '" + releaseId + "' must be positive, was "
                    + ttl);
        }
    }

    /**
     * Reads the lease as stored now.
     *
     * @param store     the store
     * @param releaseId the release
     * @return the lease, empty when it was never taken
     */
    public static Optional<LeaseState> read(Store store, String releaseId) {
        return store.read(COLLECTION, releaseId).map(doc -> Json.read(doc.json(), LeaseState.class));
    }

    /**
     * Takes the lease if nobody holds it, if its expiry has passed on this replica's clock, or if this replica holds
     * it already (then it is renewed). A finished lease is never taken.
     *
     * @return whether this replica holds the lease afterwards
     * @throws StoreException when the store cannot be read or written
     */
    public synchronized boolean tryAcquire() {
        Instant now = clock.instant();
        Optional<StoredDocument> stored = store.read(COLLECTION, releaseId);
        if (stored.isEmpty()) {
            return write(new LeaseState(replicaId, 1, now, now.plus(ttl), false), Store.MUST_NOT_EXIST);
        }
        LeaseState current = Json.read(stored.get().json(), LeaseState.class);
        seen = current;
        long storedRevision = stored.get().revision();
        if (current.finished() || current.heldByAnotherAt(replicaId, now)) {
            written = null;
            revision = -1;
            return false;
        }
        boolean mine = replicaId.equals(current.holder());
        LeaseState next = mine
                ? new LeaseState(replicaId, current.epoch(), current.acquiredAt(), now.plus(ttl), false)
                : new LeaseState(replicaId, current.epoch() + 1, now, now.plus(ttl), false);
        return write(next, storedRevision);
    }

    /**
     * Extends the held lease to {@code now + ttl}, by compare-and-set on the revision this replica wrote last: it
     * fails when anybody else wrote the lease since (took it after it lapsed). A failed renewal loses the lease at
     * once; {@link #problem()} says why.
     *
     * @return whether the lease is still held
     */
    public synchronized boolean renew() {
        LeaseState held = written;
        if (held == null) {
            return false;
        }
        Instant now = clock.instant();
        return write(new LeaseState(replicaId, held.epoch(), held.acquiredAt(), now.plus(ttl), false), revision);
    }

    /**
     * Gives the lease up (another replica may take it at once), if this replica still holds it; does nothing
     * otherwise. Failures are ignored: an unreleased lease lapses after its ttl.
     */
    public synchronized void release() {
        giveUp(false);
    }

    /**
     * Gives the lease up for good: the release ended and its follow-up work is done, so no replica takes it again.
     *
     * @return whether the finished lease was written (false when this replica no longer held it)
     */
    public synchronized boolean finish() {
        return giveUp(true);
    }

    private boolean giveUp(boolean finished) {
        LeaseState last = written;
        if (last == null) {
            return false;
        }
        Instant now = clock.instant();
        boolean done = write(new LeaseState(null, last.epoch(), last.acquiredAt(), now, finished), revision);
        written = null;
        revision = -1;
        return done;
    }

    /**
     * Whether this replica holds the lease at {@code now} (it took or renewed it, nobody took it since as far as
     * this replica knows, and its expiry has not passed on this replica's clock).
     *
     * @param now this replica's time
     * @return true while held
     */
    public synchronized boolean isHeldAt(Instant now) {
        LeaseState held = written;
        return held != null && now.isBefore(held.expiresAt());
    }

    /**
     * The lease as this replica last wrote it (while held) or read it.
     *
     * @return the lease, empty before it was first read
     */
    public synchronized Optional<LeaseState> lastKnown() {
        return Optional.ofNullable(written != null ? written : seen);
    }

    /**
     * Why the last take or renewal failed, for messages.
     *
     * @return the reason, or null when the last one succeeded
     */
    public synchronized @Nullable String problem() {
        return problem;
    }

    /** @return the replica this lease is for */
    public String replicaId() {
        return replicaId;
    }

    /** @return how long a taken or renewed lease lasts */
    public Duration ttl() {
        return ttl;
    }

    private boolean write(LeaseState next, long expected) {
        try {
            StoredDocument stored = store.write(COLLECTION, releaseId, Json.write(next), expected);
            revision = stored.revision();
            written = next.holder() == null ? null : next;
            seen = next;
            problem = null;
            return true;
        } catch (RevisionConflictException e) {
            problem = "the lease of release '" + releaseId + "' was written by another replica meanwhile ("
                    + e.getMessage() + ")";
        } catch (StoreException e) {
            problem = "the lease of release '" + releaseId + "' could not be written: " + e.getMessage();
        }
        written = null;
        revision = -1;
        return false;
    }

    @Override
    public synchronized String toString() {
        LeaseState known = written != null ? written : seen;
        return "ReleaseLease[" + releaseId + ", replica " + replicaId + ", "
                + (known == null ? "unknown" : known.holder() == null ? "free" + (known.finished() ? " (finished)" : "")
                : "held by " + known.holder() + " until " + known.expiresAt() + " (epoch " + known.epoch() + ")")
                + "]";
    }
}
