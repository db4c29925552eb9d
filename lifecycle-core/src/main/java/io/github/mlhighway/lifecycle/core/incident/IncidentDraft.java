package io.github.mlhighway.lifecycle.core.incident;

import io.github.mlhighway.lifecycle.incident.BudgetImpact;
import io.github.mlhighway.lifecycle.incident.Incident;
import io.github.mlhighway.lifecycle.incident.IncidentEvent;
import io.github.mlhighway.lifecycle.incident.IncidentStatus;
import io.github.mlhighway.lifecycle.slo.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A mutable copy of an incident, to apply one change and freeze it again. Remembers the events it added. */
final class IncidentDraft {

    final String id;
    final String key;
    final String title;
    IncidentStatus status;
    Instant firstSignalAt;
    Instant openedAt;
    Optional<Instant> mitigatedAt;
    Optional<Instant> closedAt;
    Instant lastSignalAt;
    final Map<String, Severity> firing;
    final Map<String, BudgetImpact> budgets;
    final Map<String, Integer> alertStarts;
    private final List<IncidentEvent> timeline;
    final List<IncidentEvent> added = new ArrayList<>();

    IncidentDraft(Incident incident) {
        this.id = incident.id();
        this.key = incident.key();
        this.title = incident.title();
        this.status = incident.status();
        this.firstSignalAt = incident.firstSignalAt();
        this.openedAt = incident.openedAt();
        this.mitigatedAt = incident.mitigatedAt();
        this.closedAt = incident.closedAt();
        this.lastSignalAt = incident.lastSignalAt();
        this.firing = new TreeMap<>(incident.firing());
        this.budgets = new TreeMap<>(incident.budgets());
        this.timeline = new ArrayList<>(incident.timeline());
        this.alertStarts = new TreeMap<>(incident.alertStarts());
    }

    IncidentDraft(String id, String key, String title, Instant firstSignalAt, Instant openedAt) {
        this(new Incident(id, key, title, IncidentStatus.OPEN, firstSignalAt, openedAt, Optional.empty(),
                Optional.empty(), openedAt, Map.of(), Map.of(), List.of(), Map.of()));
    }

    /** Appends an event in time order (after every event at the same instant). */
    void add(IncidentEvent event) {
        int index = timeline.size();
        while (index > 0 && timeline.get(index - 1).at().isAfter(event.at())) {
            index--;
        }
        timeline.add(index, event);
        added.add(event);
        if (event.at().isBefore(firstSignalAt)) {
            firstSignalAt = event.at();
        }
    }

    /** Whether the timeline has an event recorded from evidence with this idempotency id. */
    boolean hasRecorded(String idempotencyId) {
        return timeline.stream().anyMatch(e -> e.idempotencyId().filter(idempotencyId::equals).isPresent());
    }

    void signalAt(Instant at) {
        if (at.isAfter(lastSignalAt)) {
            lastSignalAt = at;
        }
    }

    Incident freeze() {
        timeline.sort(Comparator.comparing(IncidentEvent::at));
        return new Incident(id, key, title, status, firstSignalAt, openedAt, mitigatedAt, closedAt, lastSignalAt,
                firing, budgets, timeline, alertStarts);
    }
}
