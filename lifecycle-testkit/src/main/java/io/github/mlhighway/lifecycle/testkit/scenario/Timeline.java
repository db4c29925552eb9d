package io.github.mlhighway.lifecycle.testkit.scenario;

import io.github.mlhighway.lifecycle.slo.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What a {@link Scenario} run saw: one {@link Snapshot} per snapshot period, in time order.
 *
 * @param start     the simulated time the scenario started
 * @param snapshots the snapshots
 * @since 0.1
 */
public record Timeline(Instant start, List<Snapshot> snapshots) {

    /**
     * Copies the list.
     *
     * @throws NullPointerException if an argument is null
     */
    public Timeline {
        Objects.requireNonNull(start, "start");
        snapshots = List.copyOf(snapshots);
    }

    /**
     * The first snapshot that matches.
     *
     * @param condition the condition
     * @return the snapshot, if any matches
     */
    public Optional<Snapshot> first(Predicate<? super Snapshot> condition) {
        return snapshots.stream().filter(condition).findFirst();
    }

    /**
     * The first snapshot in which an alert of the severity fires on any SLO.
     *
     * @param severity the severity
     * @return the snapshot, if one fired
     */
    public Optional<Snapshot> firstFiring(Severity severity) {
        return first(snapshot -> snapshot.isFiring(severity));
    }

    /**
     * The first snapshot in which an alert of the severity fires on one SLO.
     *
     * @param slo      the SLO's name
     * @param severity the severity
     * @return the snapshot, if one fired
     */
    public Optional<Snapshot> firstFiring(String slo, Severity severity) {
        return first(snapshot -> snapshot.isFiring(slo, severity));
    }

    /**
     * How long after {@code since} (measured from the start) the first alert of the severity fired at or after it.
     *
     * @param severity the severity
     * @param since    the time since the start, e.g. when the outage began
     * @return the delay, if an alert fired at or after {@code since}
     */
    public Optional<Duration> timeToFire(Severity severity, Duration since) {
        return first(s -> s.elapsed().compareTo(since) >= 0 && s.isFiring(severity))
                .map(s -> s.elapsed().minus(since));
    }

    /**
     * The snapshot taken at, or first after, a time since the start.
     *
     * @param elapsed the time since the start
     * @return the snapshot
     * @throws IllegalArgumentException if the scenario ended before
     */
    public Snapshot at(Duration elapsed) {
        return first(s -> s.elapsed().compareTo(elapsed) >= 0).orElseThrow(() -> new IllegalArgumentException(
                "The scenario ended at +" + last().elapsed() + ", before +" + elapsed));
    }

    /** @return the final snapshot */
    public Snapshot last() {
        if (snapshots.isEmpty()) {
            throw new IllegalStateException("The timeline is empty");
        }
        return snapshots.get(snapshots.size() - 1);
    }

    /** @return every request sent */
    public long totalRequests() {
        return snapshots.stream().mapToLong(Snapshot::requests).sum();
    }

    /** @return every error recorded */
    public long totalErrors() {
        return snapshots.stream().mapToLong(Snapshot::errors).sum();
    }

    /** @return one line per snapshot */
    public String describe() {
        return snapshots.stream().map(Snapshot::toString).collect(Collectors.joining("\n"));
    }

    @Override
    public String toString() {
        return "Timeline from " + start + " (" + snapshots.size() + " snapshots)";
    }
}
