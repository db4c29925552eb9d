package io.github.mlhighway.lifecycle.core.release.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.release.CohortStats;
import io.github.mlhighway.lifecycle.release.CohortStatsSource;
import io.github.mlhighway.lifecycle.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random traffic on up to five replicas, reported in random order, some reports written twice, some failing before
 * they are applied, some applied with the acknowledgement lost (retried at once or at the next report), some
 * skipped: the fleet's sums are always exactly what the replicas' applied reports say, never less than before, the
 * late replicas are exactly the gaps, and once every replica reported the sums are exactly what was sent.
 */
class FleetCountsProperties {

    private static final String RELEASE = "rain-v3";
    private static final Duration EVERY = Duration.ofSeconds(10);
    private static final Duration GRACE = Duration.ofSeconds(2);
    private static final List<String> COHORTS = List.of("baseline", "canary");

    /** How one report goes. */
    enum Delivery { ON_TIME, TWICE, LOST_ACK_RETRIED, LOST_ACK_NEXT_TIME, FAILED, SKIPPED }

    /** One replica serves, then reports (or not). */
    record Step(int replica, int baseline, int canary, int errors, Delivery delivery) {
    }

    /** A replica's own exact counters: what it served. */
    static final class Counter implements CohortStatsSource {
        final Map<String, CohortCounts> served = new HashMap<>();

        void serve(String cohort, int requests, int errors) {
            served.merge(cohort, new CohortCounts(requests, errors, 0, 0, 0), CohortCounts::plus);
        }

        CohortCounts of(String cohort) {
            return served.getOrDefault(cohort, CohortCounts.ZERO);
        }

        @Override
        public CohortStats stats(String cohort, Duration window) {
            return of(cohort).toStats(cohort, window);
        }

        @Override
        public Optional<CohortStats> totals(String cohort) {
            return Optional.of(of(cohort).toStats(cohort, Duration.ZERO));
        }
    }

    /** A replica: its counter, its publisher, and what the store holds of it. */
    static final class Replica {
        final String name;
        final Counter counter = new Counter();
        final CountPublisher publisher;
        Map<String, CohortCounts> applied = Map.of();
        Instant appliedAt;

        Replica(String name, LostAckStore store, SimClock clock) {
            this.name = name;
            this.publisher = CountPublisher.of(store, RELEASE, new ReplicaId(name, "i1"), counter,
                    () -> new TreeSet<>(counter.served.keySet()), clock, EVERY);
        }

        void applied(Instant at) {
            applied = Map.copyOf(counter.served);
            appliedAt = at;
        }

        boolean servedInApplied() {
            return applied.values().stream().anyMatch(c -> c.requests() > 0);
        }
    }

    @Provide
    Arbitrary<List<List<Step>>> intervals() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 40), Arbitraries.integers().between(0, 40),
                Arbitraries.integers().between(0, 10), Arbitraries.of(Delivery.class)).as(Step::new);
        return step.list().ofMaxSize(8).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 300)
    void theSumsAreExactlyWhatWasReportedAndFinallyEverythingThatWasSent(
            @ForAll("intervals") List<List<Step>> intervals) {
        SimClock clock = SimClock.atDefault();
        LostAckStore store = new LostAckStore(Stores.inMemory(clock));
        FleetCohortStats fleet = FleetCohortStats.source(store, RELEASE, clock,
                FleetCountSettings.defaults().withGrace(GRACE));
        Map<Integer, Replica> replicas = new HashMap<>();
        Map<String, Long> previous = new HashMap<>();

        for (List<Step> interval : intervals) {
            for (Step step : interval) {
                Replica replica = replicas.computeIfAbsent(step.replica(),
                        i -> new Replica("pod-" + i, store, clock));
                replica.counter.serve("baseline", step.baseline(), 0);
                replica.counter.serve("canary", step.canary(), Math.min(step.errors(), step.canary()));
                deliver(replica, step.delivery(), store, clock.instant());
            }
            for (String cohort : COHORTS) {
                CohortStats sum = fleet.totals(cohort).orElseThrow();
                assertThat(sum.requests()).as("%s requests", cohort).isEqualTo(replicas.values().stream()
                        .mapToLong(r -> r.applied.getOrDefault(cohort, CohortCounts.ZERO).requests()).sum());
                assertThat(sum.errors()).as("%s errors", cohort).isEqualTo(replicas.values().stream()
                        .mapToLong(r -> r.applied.getOrDefault(cohort, CohortCounts.ZERO).errors()).sum());
                assertThat(sum.requests()).isGreaterThanOrEqualTo(previous.getOrDefault(cohort, 0L));
                previous.put(cohort, sum.requests());
            }
            Instant now = clock.instant();
            Set<String> late = new TreeSet<>();
            for (Replica replica : replicas.values()) {
                if (replica.appliedAt != null && replica.servedInApplied()
                        && Duration.between(replica.appliedAt, now).compareTo(EVERY.plus(GRACE)) > 0) {
                    late.add(replica.name);
                }
            }
            List<String> gaps = fleet.gaps(now);
            assertThat(gaps).hasSize(late.size());
            for (String name : late) {
                assertThat(gaps).anyMatch(gap -> gap.contains("replica " + name + " (incarnation i1)"));
            }
            clock.advance(EVERY);
        }

        for (Replica replica : replicas.values()) {
            replica.publisher.publish();
        }
        for (String cohort : COHORTS) {
            CohortStats sum = fleet.totals(cohort).orElseThrow();
            assertThat(sum.requests()).isEqualTo(replicas.values().stream()
                    .mapToLong(r -> r.counter.of(cohort).requests()).sum());
            assertThat(sum.errors()).isEqualTo(replicas.values().stream()
                    .mapToLong(r -> r.counter.of(cohort).errors()).sum());
        }
        assertThat(fleet.gaps(clock.instant())).isEmpty();
    }

    private static void deliver(Replica replica, Delivery delivery, LostAckStore store, Instant now) {
        switch (delivery) {
            case ON_TIME -> {
                replica.publisher.publish();
                replica.applied(now);
            }
            case TWICE -> {
                replica.publisher.publish();
                replica.publisher.publish();
                replica.applied(now);
            }
            case LOST_ACK_RETRIED, LOST_ACK_NEXT_TIME -> {
                store.loseNextAck();
                assertThatThrownBy(replica.publisher::publish).isInstanceOf(StoreException.class);
                replica.applied(now); // applied all the same
                if (delivery == Delivery.LOST_ACK_RETRIED) {
                    replica.publisher.publish();
                }
            }
            case FAILED -> {
                store.failNextWrite();
                assertThatThrownBy(replica.publisher::publish).isInstanceOf(StoreException.class);
            }
            case SKIPPED -> {
            }
        }
    }
}
