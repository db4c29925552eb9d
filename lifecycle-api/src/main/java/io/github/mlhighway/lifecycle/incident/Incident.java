package io.github.mlhighway.lifecycle.incident;

import io.github.mlhighway.lifecycle.slo.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One incident: what it is about, when it started, how it evolved, and what it cost the error budgets.
 *
 * @param id            unique id, also the store key (e.g. {@code INC-20260101-0803-checkout})
 * @param key           the deduplication key: at most one open incident per key (an SLO or service name)
 * @param title         one line, from the event that opened it
 * @param status        open or closed
 * @param firstSignalAt the first bad signal seen for the key (a burn rate above 1, a ticket alert, or the
 *                      earliest event); never after {@code openedAt}
 * @param openedAt      when the incident was opened (the page, rollback or policy decision)
 * @param mitigatedAt   when the impact was first stopped (a rollback or a mitigation event), if known
 * @param closedAt      when it was closed, if it is
 * @param lastSignalAt  the last time something was alerting or an opening event arrived; recovery is measured
 *                      from here
 * @param firing        the alert tiers firing now, as {@code slo/tier}, with their severity; only page tiers
 *                      keep an incident open
 * @param budgets       the budget impact per SLO
 * @param timeline      the events, in time order
 * @param alertStarts   how many times each alert tier ({@code slo/tier}) started firing during the incident; a tier
 *                      that flaps is counted here while the timeline lists only its first few firings (see the
 *                      incident manager's {@code alertRowsPerTier})
 * @since 0.1
 */
public record Incident(String id, String key, String title, IncidentStatus status, Instant firstSignalAt,
                       Instant openedAt, Optional<Instant> mitigatedAt, Optional<Instant> closedAt,
                       Instant lastSignalAt, Map<String, Severity> firing, Map<String, BudgetImpact> budgets,
                       List<IncidentEvent> timeline, Map<String, Integer> alertStarts) {

    /** Validates and copies the components. */
    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(firstSignalAt, "firstSignalAt");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(lastSignalAt, "lastSignalAt");
        mitigatedAt = mitigatedAt == null ? Optional.empty() : mitigatedAt;
        closedAt = closedAt == null ? Optional.empty() : closedAt;
        if (firstSignalAt.isAfter(openedAt)) {
            throw new IllegalArgumentException("Incident " + id + ": first signal " + firstSignalAt
                    + " is after the opening " + openedAt);
        }
        firing = firing == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(firing));
        budgets = budgets == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(budgets));
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        alertStarts = alertStarts == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(alertStarts));
    }

    /**
     * An incident without alert start counts (as stored before they were kept).
     *
     * @param id            unique id
     * @param key           the deduplication key
     * @param title         one line
     * @param status        open or closed
     * @param firstSignalAt the first bad signal
     * @param openedAt      when it was opened
     * @param mitigatedAt   when the impact was first stopped, if known
     * @param closedAt      when it was closed, if it is
     * @param lastSignalAt  the last alerting or opening signal
     * @param firing        the alert tiers firing now
     * @param budgets       the budget impact per SLO
     * @param timeline      the events, in time order
     */
    public Incident(String id, String key, String title, IncidentStatus status, Instant firstSignalAt,
                    Instant openedAt, Optional<Instant> mitigatedAt, Optional<Instant> closedAt, Instant lastSignalAt,
                    Map<String, Severity> firing, Map<String, BudgetImpact> budgets, List<IncidentEvent> timeline) {
        this(id, key, title, status, firstSignalAt, openedAt, mitigatedAt, closedAt, lastSignalAt, firing, budgets,
                timeline, Map.of());
    }

    /**
     * Whether the incident is open.
     *
     * @return true while open
     */
    public boolean isOpen() {
        return status == IncidentStatus.OPEN;
    }

    /**
     * Whether a page-tier alert of this incident is firing (which keeps it open).
     *
     * @return true while some page tier fires
     */
    public boolean paging() {
        return firing.containsValue(Severity.PAGE);
    }

    /**
     * Detection time: from the first bad signal to the opening (the page).
     *
     * @return a non-negative duration
     */
    public Duration detectionTime() {
        return Duration.between(firstSignalAt, openedAt);
    }

    /**
     * Time to mitigation: from the first bad signal to the first rollback or mitigation.
     *
     * @return the duration, empty when no mitigation was recorded
     */
    public Optional<Duration> timeToMitigation() {
        return mitigatedAt.map(at -> Duration.between(firstSignalAt, at));
    }

    /**
     * How long the incident lasted, from the first bad signal to the close (or to {@code now} while open).
     *
     * @param now the present, used while the incident is open
     * @return the duration
     */
    public Duration duration(Instant now) {
        return Duration.between(firstSignalAt, closedAt.orElse(now));
    }

    /**
     * The events of one kind, in time order.
     *
     * @param kind the kind
     * @return the events
     */
    public List<IncidentEvent> events(IncidentEventKind kind) {
        return timeline.stream().filter(event -> event.kind() == kind).toList();
    }
}
