package io.github.mlhighway.lifecycle.core.release.fleet;

import io.github.mlhighway.lifecycle.release.CohortStats;
import io.github.mlhighway.lifecycle.release.CohortStatsSource;
import io.github.mlhighway.lifecycle.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A release's cohort statistics summed over every replica that {@link CountPublisher reports} to the store: what a
 * {@code ReleaseController} reads to analyse a canary served by a whole fleet.
 *
 * <h2>Totals</h2>
 * {@link #totals} is the sum, per cohort, of the newest report of every replica incarnation the store holds for
 * the release: reporting ones, late ones, departed ones, ones that left and ones replaced by a restart. Each report
 * is cumulative and only ever grows, and no report is dropped, so the sum only ever grows: the difference of two
 * totals counts every reported request once. A replica's counts reach the sum when it reports, so an analysis at
 * {@code t} covers what each replica had counted by its last report (at most its interval plus the grace before
 * {@code t} for a replica that is not late); what a replica counted after it is in the next analysis.
 *
 * <p>The totals' {@link CohortStats#window() window} is the time since the fleet's counting start: the earliest
 * {@link CountReport#countingSince() counting start} of every report of the release (zero before any report). A
 * replica that joins, or restarts as a new incarnation, counts from later than that, so the start never moves later
 * and the controller never mistakes a joining replica for a restarted source; it moves earlier only when a replica
 * that started counting earlier reports for the first time (its counts then arrive in one analysis). Deleting
 * reports of a release in progress makes its sums go down, which a controller reads as a restart: delete them only
 * after the release ended.
 *
 * <h2>Gaps: when the analysis is INCONCLUSIVE</h2>
 * For each replica name, the incarnation with the latest counting start is its current one (older ones are
 * {@link ReplicaStatus.State#REPLACED replaced}). The current incarnation, with newest report {@code r}, is at
 * {@code asOf}:
 * <ul>
 * <li>{@link ReplicaStatus.State#LEFT LEFT} when {@code r} is its final report;</li>
 * <li>{@link ReplicaStatus.State#DEPARTED DEPARTED} when {@code r.reportedAt} is more than
 * {@code max(departedAfter, r.every + grace)} before {@code asOf};</li>
 * <li>{@link ReplicaStatus.State#LATE LATE} when {@code r.reportedAt} is before {@code asOf - r.every - grace}
 * (it missed at least one report);</li>
 * <li>{@link ReplicaStatus.State#REPORTING REPORTING} otherwise.</li>
 * </ul>
 * {@link #gaps} names every LATE replica whose reports counted any request (it served the release and what it
 * served since its last report is missing), and every document of the release that cannot be read: the analysis is
 * INCONCLUSIVE, never a pass, until the replica reports again (its cumulative counts then bring everything it
 * missed) or departs. A LATE replica that never served a request of the release is no gap. A replica that never
 * reported is unknown to the fleet: start publishing before serving (a publisher's first tick reports at once).
 *
 * <p>{@link #notes} tells, once per event and source, of a DEPARTED replica that served traffic (its counts up to
 * its last report are kept in the sums; what it served after is unknown) and of a replica that restarted without a
 * final report (the old incarnation's counts up to its last report are kept): WARN findings, not gaps, so a fleet
 * that lost a replica can still finish its release.
 *
 * <h2>Windows</h2>
 * {@link #stats(String, Duration)} is the difference between the totals now and the totals this source read at or
 * before {@code now - window} (it remembers what it read for {@code windowRetention}). When it has read nothing that
 * old, it answers the whole totals if the fleet started counting within the window, else the difference since its
 * oldest read, with that shorter window.
 *
 * <p>Each call reads the store once ({@link Store#readAll} of the release's reports: one query on PostgreSQL; an
 * analysis makes three). Thread-safe.
 *
 * <pre>{@code
 * FleetCohortStats fleet = FleetCohortStats.source(store, "rain-v3", clock, FleetCountSettings.defaults());
 * ReleaseController release = ReleaseController.builder(config, store, fleet, clock).open();
 * fleet.replicas(clock.instant()).forEach(r -> log.info("{} {} at {}", r.replica(), r.state(), r.reportedAt()));
 * }</pre>
 *
 * @since 0.1
 */
public final class FleetCohortStats implements CohortStatsSource {

    /** The most sums kept for windowed statistics, whatever the retention. */
    static final int MAX_READS_KEPT = 10_000;

    private final Store store;
    private final String releaseId;
    private final Clock clock;
    private final FleetCountSettings settings;
    private final ArrayDeque<Sums> history = new ArrayDeque<>();
    private final Set<String> noted = new HashSet<>();

    private FleetCohortStats(Store store, String releaseId, Clock clock, FleetCountSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.releaseId = Objects.requireNonNull(releaseId, "releaseId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The fleet's counts of a release.
     *
     * @param store     the store the replicas report to
     * @param releaseId the release
     * @param clock     the clock of the reader (the release controller's)
     * @param settings  grace, departure and window memory
     * @return the source
     */
    public static FleetCohortStats source(Store store, String releaseId, Clock clock, FleetCountSettings settings) {
        return new FleetCohortStats(store, releaseId, clock, settings);
    }

    /**
     * The fleet's counts of a release, with {@link FleetCountSettings#defaults() default settings}.
     *
     * @param store     the store the replicas report to
     * @param releaseId the release
     * @param clock     the clock of the reader
     * @return the source
     */
    public static FleetCohortStats source(Store store, String releaseId, Clock clock) {
        return source(store, releaseId, clock, FleetCountSettings.defaults());
    }

    /** @return the release whose reports are summed */
    public String releaseId() {
        return releaseId;
    }

    /** @return the settings */
    public FleetCountSettings settings() {
        return settings;
    }

    /**
     * The fleet's cumulative counts of a cohort now (see the class comment for what the window means).
     *
     * @param cohort the cohort name
     * @return the sum, always present (zero before any report)
     */
    @Override
    public synchronized Optional<CohortStats> totals(String cohort) {
        Objects.requireNonNull(cohort, "cohort");
        Instant asOf = clock.instant();
        Sums sums = read(asOf).sums;
        Duration window = sums.start == null ? Duration.ZERO : Duration.between(sums.start, asOf);
        return Optional.of(sums.of(cohort).toStats(cohort, window.isNegative() ? Duration.ZERO : window));
    }

    /**
     * The fleet's counts of a cohort over the newest window (see the class comment).
     *
     * @param cohort the cohort name
     * @param window how far back to look
     * @return the statistics
     */
    @Override
    public synchronized CohortStats stats(String cohort, Duration window) {
        Objects.requireNonNull(cohort, "cohort");
        Objects.requireNonNull(window, "window");
        Instant asOf = clock.instant();
        Instant from = asOf.minus(window);
        Sums now = read(asOf).sums;
        Sums base = null;
        for (Sums earlier : history) {
            if (!earlier.at.isAfter(from)) {
                base = earlier;
            }
        }
        CohortCounts current = now.of(cohort);
        if (base != null) {
            return current.since(base.of(cohort)).toStats(cohort, window);
        }
        if (now.start == null || !now.start.isBefore(from)) {
            return current.toStats(cohort, window); // everything the fleet counted lies within the window
        }
        Sums oldest = history.peekFirst();
        return current.since(oldest.of(cohort)).toStats(cohort, Duration.between(oldest.at, asOf));
    }

    /**
     * One sentence per late replica that served traffic and per unreadable report (see the class comment).
     *
     * @param asOf when the analysis reads the source
     * @return the gaps
     */
    @Override
    public synchronized List<String> gaps(Instant asOf) {
        Objects.requireNonNull(asOf, "asOf");
        View view = read(asOf);
        List<String> gaps = new ArrayList<>(view.unreadable);
        for (ReplicaStatus status : view.statuses) {
            if (status.isGap()) {
                CountReport r = status.lastReport();
                gaps.add("replica " + status.replica() + " of release '" + releaseId + "' served " + r.requests()
                        + " requests but has not reported since " + r.reportedAt() + " (" + status.silentFor()
                        + " ago; it reports every " + r.every() + ", grace " + settings.grace() + "): what it served"
                        + " since is missing from the fleet's counts");
            }
        }
        return gaps;
    }

    /**
     * Departures and restarts without a final report, each told once by this source (see the class comment).
     *
     * @param asOf when the analysis reads the source
     * @return the notes
     */
    @Override
    public synchronized List<String> notes(Instant asOf) {
        Objects.requireNonNull(asOf, "asOf");
        View view = read(asOf);
        List<String> notes = new ArrayList<>();
        Map<String, ReplicaStatus> current = new HashMap<>();
        for (ReplicaStatus status : view.statuses) {
            if (status.state() != ReplicaStatus.State.REPLACED) {
                current.put(status.replica().name(), status);
            }
        }
        for (ReplicaStatus status : view.statuses) {
            CountReport r = status.lastReport();
            String departed = "departed:" + status.replica().name() + ":" + status.replica().incarnation();
            if (status.state() != ReplicaStatus.State.DEPARTED) {
                noted.remove(departed); // back: a later departure is told again
            }
            if (!r.servedTraffic() || r.last()) {
                continue;
            }
            if (status.state() == ReplicaStatus.State.DEPARTED && noted.add(departed)) {
                notes.add("replica " + status.replica() + " of release '" + releaseId + "' departed: no report since "
                        + r.reportedAt() + " (silent for " + status.silentFor() + ", departedAfter "
                        + settings.departedAfter() + "); its counts up to that report (" + r.requests()
                        + " requests) are kept in the fleet's counts, what it served after it is unknown");
            } else if (status.state() == ReplicaStatus.State.REPLACED
                    && noted.add("replaced:" + status.replica().name() + ":" + status.replica().incarnation())) {
                ReplicaStatus successor = current.get(status.replica().name());
                notes.add("replica " + status.replica().name() + " of release '" + releaseId + "' restarted: incarnation "
                        + status.replica().incarnation() + " was replaced by "
                        + (successor == null ? "a newer incarnation" : successor.replica().incarnation()
                        + " (counting since " + successor.lastReport().countingSince() + ")")
                        + " without a final report; its counts up to its"
                        + " last report at " + r.reportedAt() + " (" + r.requests() + " requests) are kept, what it"
                        + " served after that report was never reported");
            }
        }
        return notes;
    }

    /**
     * Every replica incarnation that reported for the release, with its state at {@code asOf}, by name and counting
     * start.
     *
     * @param asOf the moment to judge lateness at
     * @return the statuses
     */
    public synchronized List<ReplicaStatus> replicas(Instant asOf) {
        Objects.requireNonNull(asOf, "asOf");
        return read(asOf).statuses;
    }

    private View read(Instant asOf) {
        CountReports.Read read = CountReports.read(store, releaseId);
        Map<String, CohortCounts> sums = new LinkedHashMap<>();
        @Nullable Instant start = null;
        for (CountReport report : read.reports()) {
            report.cohorts().forEach((cohort, counts) -> sums.merge(cohort, counts, CohortCounts::plus));
            if (start == null || report.countingSince().isBefore(start)) {
                start = report.countingSince();
            }
        }
        Sums now = new Sums(asOf, start, Map.copyOf(sums));
        remember(now);
        return new View(now, classify(read.reports(), asOf), read.unreadable());
    }

    private void remember(Sums now) {
        Sums last = history.peekLast();
        if (last != null && !now.at.isAfter(last.at)) {
            history.pollLast(); // the same moment (or a clock that went back): keep the newest read only
        }
        history.addLast(now);
        Instant edge = now.at.minus(settings.windowRetention());
        while (history.size() > MAX_READS_KEPT) {
            history.pollFirst();
        }
        // Keep the newest read at or before the edge: windows up to the retention need a base there.
        while (history.size() > 1) {
            Iterator<Sums> it = history.iterator();
            it.next();
            if (!it.next().at.isAfter(edge)) {
                history.pollFirst();
            } else {
                break;
            }
        }
    }

    private List<ReplicaStatus> classify(List<CountReport> reports, Instant asOf) {
        Map<String, CountReport> currentByName = new HashMap<>();
        Comparator<CountReport> newer = Comparator.comparing(CountReport::countingSince)
                .thenComparing(CountReport::reportedAt).thenComparing(CountReport::incarnation);
        for (CountReport report : reports) {
            currentByName.merge(report.replica(), report, (a, b) -> newer.compare(a, b) >= 0 ? a : b);
        }
        List<ReplicaStatus> statuses = new ArrayList<>();
        for (CountReport r : reports) {
            Duration silent = Duration.between(r.reportedAt(), asOf);
            if (silent.isNegative()) {
                silent = Duration.ZERO;
            }
            Duration late = r.every().plus(settings.grace());
            Duration departed = settings.departedAfter().compareTo(late) > 0 ? settings.departedAfter() : late;
            ReplicaStatus.State state;
            if (currentByName.get(r.replica()) != r) {
                state = ReplicaStatus.State.REPLACED;
            } else if (r.last()) {
                state = ReplicaStatus.State.LEFT;
            } else if (silent.compareTo(departed) > 0) {
                state = ReplicaStatus.State.DEPARTED;
            } else if (silent.compareTo(late) > 0) {
                state = ReplicaStatus.State.LATE;
            } else {
                state = ReplicaStatus.State.REPORTING;
            }
            statuses.add(new ReplicaStatus(r.replicaId(), state, r, silent));
        }
        statuses.sort(Comparator.comparing((ReplicaStatus s) -> s.replica().name())
                .thenComparing(s -> s.lastReport().countingSince()).thenComparing(s -> s.replica().incarnation()));
        return List.copyOf(statuses);
    }

    /** The summed counts of one read. */
    private record Sums(Instant at, @Nullable Instant start, Map<String, CohortCounts> perCohort) {
        CohortCounts of(String cohort) {
            return perCohort.getOrDefault(cohort, CohortCounts.ZERO);
        }
    }

    /** One read: the sums, the replicas' states, the unreadable documents. */
    private record View(Sums sums, List<ReplicaStatus> statuses, List<String> unreadable) {
    }

    @Override
    public String toString() {
        return "FleetCohortStats[" + releaseId + "]";
    }
}
