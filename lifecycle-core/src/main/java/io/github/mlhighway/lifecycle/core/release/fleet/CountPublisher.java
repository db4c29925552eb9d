package io.github.mlhighway.lifecycle.core.release.fleet;

import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.release.CohortStats;
import io.github.mlhighway.lifecycle.release.CohortStatsSource;
import io.github.mlhighway.lifecycle.store.RevisionConflictException;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What one serving JVM tells the fleet: every {@code every} on the injected clock it writes its per-cohort counts for
 * a release to the store as one {@link CountReport} (one document per release and replica incarnation, replaced in
 * place). The counts are <em>absolute</em>: everything the source counted since this publisher was made (the
 * source's totals then are subtracted, so traffic of an earlier release that used the same cohort names is not
 * reported), never a delta, so a retried or repeated write cannot count anything twice. Each write is a
 * compare-and-set on the document's revision; a write that failed but was applied anyway (a lost
 * acknowledgement) is recognised on the next attempt by its sequence number, while a document that another process
 * writes under the same replica identity is refused with an {@link IllegalStateException}.
 *
 * <p>Reported per cohort: requests, errors, slow requests (over the latency SLO's threshold), labelled and incorrect
 * predictions: what {@link GuardedModel#totals} counts. Latency histograms are not reported (a guarded model counts
 * a cohort's calls over the threshold, not a distribution). One store write per interval per replica.
 *
 * <pre>{@code
 * CountPublisher counts = CountPublisher.of(store, "rain-v3", ReplicaId.fresh("pod-7"), model, clock,
 *     Duration.ofSeconds(10));
 * scheduler.scheduleAtFixedRate(counts::tick, 0, 1, TimeUnit.SECONDS); // writes when due; Lifecycle does this
 * ...
 * counts.close(); // the final report: readers know this replica left, not went silent
 * }</pre>
 * In a {@code Lifecycle}, {@code lifecycle.publishCounts(model, "rain-v3", "pod-7", Duration.ofSeconds(10))} does
 * all of this. Thread-safe.
 *
 * @since 0.1
 */
public final class CountPublisher implements AutoCloseable {

    private final Store store;
    private final String releaseId;
    private final ReplicaId replica;
    private final String key;
    private final CohortStatsSource source;
    private final Supplier<? extends Set<String>> cohorts;
    private final Clock clock;
    private final Duration every;
    private final Instant countingSince;
    private final Map<String, CohortCounts> offsets = new HashMap<>();
    private final Map<String, CohortCounts> reported = new HashMap<>();
    private long sequence;
    private long revision = Store.MUST_NOT_EXIST;
    private @Nullable Instant nextDue;
    private @Nullable CountReport lastReport;
    private boolean closed;

    private CountPublisher(Store store, String releaseId, ReplicaId replica, CohortStatsSource source,
                           Supplier<? extends Set<String>> cohorts, Clock clock, Duration every) {
        this.store = Objects.requireNonNull(store, "store");
        this.releaseId = Objects.requireNonNull(releaseId, "releaseId");
        this.replica = Objects.requireNonNull(replica, "replica");
        this.source = Objects.requireNonNull(source, "source");
        this.cohorts = Objects.requireNonNull(cohorts, "cohorts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.every = Objects.requireNonNull(every, "every");
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("Counts of release '" + releaseId + "' by replica " + replica
                    + " need a positive reporting interval, was " + every);
        }
        this.key = CountReports.key(releaseId, replica);
        this.countingSince = clock.instant();
        for (String cohort : Set.copyOf(cohorts.get())) {
            offsets.put(cohort, CohortCounts.of(totals(cohort)));
        }
    }

    /**
     * A publisher of a guarded model's cohort counts (every cohort it has routed to, the shadow cohort included).
     *
     * @param store     where the reports go (shared by the fleet)
     * @param releaseId the release the counts are for
     * @param replica   who reports
     * @param model     the model whose cohorts are counted
     * @param clock     the clock that times reports (the model's)
     * @param every     how often to report
     * @return the publisher; nothing is written before its first {@link #tick()}
     */
    public static CountPublisher of(Store store, String releaseId, ReplicaId replica, GuardedModel<?, ?> model,
                                    Clock clock, Duration every) {
        Objects.requireNonNull(model, "model");
        return new CountPublisher(store, releaseId, replica, model, model::cohortNames, clock, every);
    }

    /**
     * A publisher of any source that keeps {@link CohortStatsSource#totals totals}.
     *
     * @param store     where the reports go
     * @param releaseId the release the counts are for
     * @param replica   who reports
     * @param source    the counting source; its totals must be cumulative and present
     * @param cohorts   the cohorts to report, asked at every report (a cohort that appears later is reported from
     *                  zero)
     * @param clock     the clock that times reports
     * @param every     how often to report
     * @return the publisher
     */
    public static CountPublisher of(Store store, String releaseId, ReplicaId replica, CohortStatsSource source,
                                    Supplier<? extends Set<String>> cohorts, Clock clock, Duration every) {
        return new CountPublisher(store, releaseId, replica, source, cohorts, clock, every);
    }

    /** @return the release the counts are for */
    public String releaseId() {
        return releaseId;
    }

    /** @return who reports */
    public ReplicaId replica() {
        return replica;
    }

    /** @return how often it reports */
    public Duration every() {
        return every;
    }

    /** @return when this incarnation started counting */
    public Instant countingSince() {
        return countingSince;
    }

    /** @return the last report written, if any */
    public synchronized Optional<CountReport> lastReport() {
        return Optional.ofNullable(lastReport);
    }

    /**
     * Writes a report when one is due (the first tick always writes; then one every interval on the clock; a failed
     * write is retried on the next tick, with the counts of then). Call it often, e.g. every second.
     *
     * @return false once the publisher is closed (a runtime stops ticking it), else true
     * @throws io.github.mlhighway.lifecycle.store.StoreException when the report cannot be written
     * @throws IllegalStateException when another process writes reports under this replica identity
     */
    public synchronized boolean tick() {
        if (closed) {
            return false;
        }
        Instant now = clock.instant();
        if (nextDue != null && now.isBefore(nextDue)) {
            return true;
        }
        write(false, now);
        Instant next = (nextDue == null ? now : nextDue).plus(every);
        nextDue = next.isAfter(now) ? next : now.plus(every);
        return true;
    }

    /**
     * Writes a report now, due or not.
     *
     * @return the report written
     * @throws IllegalStateException when closed, or another process writes under this replica identity
     */
    public synchronized CountReport publish() {
        if (closed) {
            throw new IllegalStateException("The count publisher of release '" + releaseId + "' by replica "
                    + replica + " is closed");
        }
        return write(false, clock.instant());
    }

    /**
     * Writes the final report (marked {@link CountReport#last() last}: readers know this replica left rather than
     * went silent) and stops. Idempotent.
     *
     * @throws io.github.mlhighway.lifecycle.store.StoreException when the final report cannot be written (the
     *                                                            publisher is closed all the same)
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        write(true, clock.instant());
    }

    private CountReport write(boolean last, Instant now) {
        Set<String> names = new TreeSet<>(cohorts.get());
        names.addAll(reported.keySet());
        Map<String, CohortCounts> counts = new HashMap<>();
        for (String cohort : names) {
            CohortCounts since = CohortCounts.of(totals(cohort)).since(offsets.getOrDefault(cohort,
                    CohortCounts.ZERO));
            // Never report less than before (a counter read mid-call): readers' sums only go up.
            counts.put(cohort, since.max(reported.getOrDefault(cohort, CohortCounts.ZERO)));
        }
        long attempt = ++sequence;
        CountReport report = new CountReport(CountReport.FORMAT, releaseId, replica.name(), replica.incarnation(),
                attempt, countingSince, now, every, last, counts);
        String json = Json.write(report);
        StoredDocument written;
        try {
            written = store.write(CountReports.COLLECTION, key, json, revision);
        } catch (RevisionConflictException conflict) {
            written = store.write(CountReports.COLLECTION, key, json, ownRevision(attempt, conflict));
        }
        revision = written.revision();
        reported.putAll(counts);
        lastReport = report;
        return report;
    }

    /**
     * The revision to write over after a conflict: the document must be one of this publisher's own earlier attempts
     * (applied although its write reported a failure), or gone.
     */
    private long ownRevision(long attempt, RevisionConflictException conflict) {
        Optional<StoredDocument> current = store.read(CountReports.COLLECTION, key);
        if (current.isEmpty()) {
            return Store.MUST_NOT_EXIST;
        }
        CountReport stored = CountReports.parse(current.get());
        if (!stored.incarnation().equals(replica.incarnation()) || stored.sequence() >= attempt) {
            throw new IllegalStateException("Another process writes count reports of release '" + releaseId
                    + "' as replica " + replica + " (the stored report is number " + stored.sequence()
                    + ", this publisher's is " + attempt + "): give every serving process its own incarnation, e.g."
                    + " ReplicaId.fresh(name)", conflict);
        }
        return current.get().revision();
    }

    private CohortStats totals(String cohort) {
        return source.totals(cohort).orElseThrow(() -> new IllegalArgumentException("The counts of release '"
                + releaseId + "' come from a source that keeps no totals (" + source + "): a replica reports"
                + " cumulative counts, so its source must keep them (a GuardedModel does)"));
    }

    @Override
    public String toString() {
        return "CountPublisher[" + releaseId + ", " + replica + ", every " + every + "]";
    }
}
