package io.github.mlhighway.lifecycle.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.incident.BudgetImpact;
import io.github.mlhighway.lifecycle.incident.Incident;
import io.github.mlhighway.lifecycle.incident.IncidentEvent;
import io.github.mlhighway.lifecycle.incident.IncidentEventKind;
import io.github.mlhighway.lifecycle.incident.IncidentEvidence;
import io.github.mlhighway.lifecycle.incident.IncidentStatus;
import io.github.mlhighway.lifecycle.policy.Change;
import io.github.mlhighway.lifecycle.core.policy.ErrorBudgetPolicy;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 99% availability SLO over 30 days, 1000 requests a minute, in simulated time: two healthy hours, then a bad
 * release fails every request until it is rolled back.
 */
class IncidentManagerTest {

    private final SimClock clock = SimClock.atDefault();
    private final SloTracker checkout = SloTracker.create(Slo.ratio("checkout").objective(0.99)
            .rollingWindow(Duration.ofDays(30)).build(), clock);
    private final List<IncidentEvent> heard = new ArrayList<>();

    private IncidentManager manager(Store store) {
        return IncidentManager.builder(store, clock).quietPeriod(Duration.ofHours(1))
                .listener((incident, event) -> heard.add(event)).build();
    }

    private void minutes(IncidentManager manager, int count, long good) {
        for (int i = 0; i < count; i++) {
            checkout.record(good, 1000);
            clock.advance(Duration.ofMinutes(1));
            checkout.tick();
            manager.observe(checkout);
        }
    }

    /** Fails every request until the first page opens an incident; returns the minutes it took. */
    private int outageUntilPaged(IncidentManager manager) {
        for (int minute = 1; minute <= 60; minute++) {
            minutes(manager, 1, 0);
            if (manager.openIncident("checkout").isPresent()) {
                return minute;
            }
        }
        throw new AssertionError("no page within an hour of total outage");
    }

    private IncidentEvidence rollback() {
        return IncidentEvidence.rollback("rel-7", "v3", "v2", "the canary failed every request",
                Map.of("canary_error_ratio", 1.0, "baseline_error_ratio", 0.0)).forKey("checkout");
    }

    @Test
    void aPageAlertOpensAnIncident() {
        IncidentManager manager = manager(Stores.inMemory(clock));
        minutes(manager, 120, 1000);
        assertThat(manager.all()).as("no incident while healthy").isEmpty();

        int pagedAfter = outageUntilPaged(manager);

        Incident incident = manager.openIncident("checkout").orElseThrow();
        assertThat(incident.status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(incident.title()).startsWith("SLO checkout burning its error budget at");
        assertThat(incident.timeline().get(0).kind()).isEqualTo(IncidentEventKind.OPENED);
        IncidentEvent firing = incident.events(IncidentEventKind.ALERT_FIRING).get(0);
        assertThat(firing.details()).containsEntry("severity", "page");
        assertThat(firing.numbers().get("long_burn_rate")).isGreaterThanOrEqualTo(firing.numbers().get("factor"));
        assertThat(firing.numbers()).containsKeys("short_burn_rate", "budget_consumed", "budget_remaining");
        assertThat(incident.detectionTime()).as("first failing minute to the page")
                .isEqualTo(Duration.ofMinutes(pagedAfter - 1));
        assertThat(heard).extracting(IncidentEvent::kind).contains(IncidentEventKind.OPENED);
    }

    @Test
    void repeatedAlertsAppendToTheOpenIncident() {
        IncidentManager manager = manager(Stores.inMemory(clock));
        minutes(manager, 120, 1000);
        outageUntilPaged(manager);

        minutes(manager, 15, 0);

        assertThat(manager.all()).hasSize(1);
        Incident incident = manager.openIncident("checkout").orElseThrow();
        assertThat(incident.events(IncidentEventKind.ALERT_FIRING)).extracting(e -> e.details().get("tier"))
                .as("each tier once, when it starts firing").containsExactlyInAnyOrder("page-1h", "page-6h", "ticket-3d");
        assertThat(incident.firing()).containsOnlyKeys("checkout/page-1h", "checkout/page-6h", "checkout/ticket-3d");
        assertThat(incident.events(IncidentEventKind.OPENED)).hasSize(1);
    }

    @Test
    void recoveryClosesTheIncidentAfterTheQuietPeriod() {
        IncidentManager manager = manager(Stores.inMemory(clock));
        minutes(manager, 120, 1000);
        outageUntilPaged(manager);
        minutes(manager, 3, 0);

        minutes(manager, 30, 1000);
        Incident quieting = manager.openIncident("checkout").orElseThrow();
        assertThat(quieting.paging()).as("pages resolved once the short windows recover").isFalse();
        assertThat(quieting.events(IncidentEventKind.ALERT_RESOLVED)).isNotEmpty();
        Instant lastAlert = quieting.lastSignalAt();

        clock.set(lastAlert.plus(Duration.ofMinutes(59)));
        manager.observe(checkout);
        assertThat(manager.openIncident("checkout")).as("still open one minute before the quiet period").isPresent();

        clock.set(lastAlert.plus(Duration.ofHours(1)));
        manager.observe(checkout);

        assertThat(manager.openIncident("checkout")).isEmpty();
        Incident closed = manager.all().get(0);
        assertThat(closed.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(closed.closedAt()).contains(lastAlert.plus(Duration.ofHours(1)));
        IncidentEvent close = closed.timeline().get(closed.timeline().size() - 1);
        assertThat(close.kind()).isEqualTo(IncidentEventKind.CLOSED);
        assertThat(close.sentence()).startsWith("Recovered: no page has fired since").contains("quiet period 1h");
        assertThat(heard.get(heard.size() - 1).kind()).isEqualTo(IncidentEventKind.CLOSED);
    }

    @Test
    void aNewPageAfterTheCloseOpensASecondIncident() {
        IncidentManager manager = manager(Stores.inMemory(clock));
        minutes(manager, 120, 1000);
        outageUntilPaged(manager);
        minutes(manager, 120, 1000);
        assertThat(manager.openIncidents()).isEmpty();

        outageUntilPaged(manager);

        assertThat(manager.all()).hasSize(2).extracting(Incident::status)
                .containsExactly(IncidentStatus.CLOSED, IncidentStatus.OPEN);
    }

    @Test
    void aSecondIncidentsFirstSignalStartsAfterTheFirstClosed() {
        IncidentManager manager = manager(Stores.inMemory(clock));
        minutes(manager, 120, 1000);
        minutes(manager, 10, 970); // burning at 3x: below every page, nothing opens
        assertThat(manager.all()).isEmpty();
        Incident first = manager.record(rollback()).orElseThrow();
        minutes(manager, 10, 970);
        Incident closed = manager.close(first.id(), "declared over by the on-call");

        minutes(manager, 20, 970); // still burning, never healthy in between
        clock.advance(Duration.ofMinutes(5));
        Incident second = manager.record(rollback()).orElseThrow();

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(first.firstSignalAt()).isBefore(first.openedAt());
        assertThat(second.firstSignalAt()).as("the first burning minute after the close, not before the first")
                .isAfter(closed.closedAt().orElseThrow())
                .isEqualTo(closed.closedAt().orElseThrow().plus(Duration.ofMinutes(1)));
        assertThat(second.detectionTime()).isEqualTo(Duration.ofMinutes(24));
    }

    @Test
    void aRollbackAppearsInTheTimelineAndMarksTheMitigation() {
        IncidentManager manager = manager(Stores.inMemory(clock));
        minutes(manager, 120, 1000);
        outageUntilPaged(manager);
        minutes(manager, 2, 0);

        manager.record(rollback());

        Incident incident = manager.openIncident("checkout").orElseThrow();
        IncidentEvent rollback = incident.events(IncidentEventKind.ROLLBACK).get(0);
        assertThat(rollback.sentence()).isEqualTo("Release rel-7 rolled back from v3 to v2: the canary failed every"
                + " request");
        assertThat(rollback.details()).containsEntry("from_version", "v3").containsEntry("to_version", "v2");
        assertThat(rollback.numbers()).containsEntry("canary_error_ratio", 1.0);
        assertThat(incident.mitigatedAt()).contains(clock.instant());
        assertThat(incident.timeToMitigation()).hasValue(Duration.between(incident.firstSignalAt(), clock.instant()));
    }

    @Test
    void aRollbackWithNoOpenIncidentOpensOneAndAPolicyFreezeJoinsIt() {
        IncidentManager manager = manager(Stores.inMemory(clock));
        minutes(manager, 60, 1000);
        minutes(manager, 60, 900);
        assertThat(manager.all()).as("a 10x burn has not paged yet").isEmpty();

        manager.record(rollback());
        manager.record(IncidentEvidence.policy(ErrorBudgetPolicy.sreWorkbook(clock, checkout)
                .decide(Change.release("v4"))).forKey("checkout"));
        manager.record(IncidentEvidence.note("checkout", "Paused the release train."));

        Incident incident = manager.openIncident("checkout").orElseThrow();
        assertThat(incident.timeline()).extracting(IncidentEvent::kind).containsExactly(IncidentEventKind.OPENED,
                IncidentEventKind.ROLLBACK, IncidentEventKind.POLICY_DECISION, IncidentEventKind.NOTE);
        assertThat(incident.title()).startsWith("Release rel-7 rolled back");
    }

    @Test
    void evidenceThatDoesNotOpenIsDroppedWhenNothingIsOpen() {
        IncidentManager manager = manager(Stores.inMemory(clock));

        assertThat(manager.record(IncidentEvidence.note("checkout", "nothing to see"))).isEmpty();
        assertThat(manager.all()).isEmpty();
    }

    @Test
    void slosMappedToOneServiceShareOneIncident() {
        SloTracker latency = SloTracker.create(Slo.ratio("checkout.latency").objective(0.99)
                .rollingWindow(Duration.ofDays(30)).build(), clock);
        IncidentManager manager = IncidentManager.builder(Stores.inMemory(clock), clock)
                .keyBySlo(slo -> "checkout-service").build();
        for (int minute = 0; minute < 150; minute++) {
            boolean outage = minute >= 120;
            checkout.record(outage ? 0 : 1000, 1000);
            latency.record(outage ? 0 : 1000, 1000);
            clock.advance(Duration.ofMinutes(1));
            manager.observe(checkout, latency);
        }

        assertThat(manager.all()).hasSize(1);
        Incident incident = manager.openIncident("checkout-service").orElseThrow();
        assertThat(incident.budgets()).containsOnlyKeys("checkout", "checkout.latency");
        assertThat(incident.firing()).containsKeys("checkout/page-1h", "checkout.latency/page-1h");
    }

    @Test
    void incidentsSurviveARestart(@TempDir Path dir) {
        IncidentManager first = manager(Stores.directory(dir, clock));
        minutes(first, 120, 1000);
        outageUntilPaged(first);
        String id = first.openIncident("checkout").orElseThrow().id();

        IncidentManager restarted = manager(Stores.directory(dir, clock));
        minutes(restarted, 2, 0);
        restarted.record(rollback());
        minutes(restarted, 120, 1000);

        assertThat(restarted.all()).hasSize(1);
        Incident incident = restarted.find(id).orElseThrow();
        assertThat(incident.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(incident.events(IncidentEventKind.OPENED)).hasSize(1);
        assertThat(incident.events(IncidentEventKind.ROLLBACK)).hasSize(1);
        assertThat(incident).isEqualTo(manager(Stores.directory(dir, clock)).find(id).orElseThrow());
    }

    @Test
    void thePostmortemHasTheSummaryBudgetImpactTimelineAndEmptyActionItems() {
        IncidentManager manager = manager(Stores.inMemory(clock));
        minutes(manager, 120, 1000);
        int paged = outageUntilPaged(manager);
        minutes(manager, 2, 0);
        manager.record(rollback());
        minutes(manager, 120, 1000);
        Incident incident = manager.all().get(0);
        BudgetImpact impact = incident.budgets().get("checkout");

        String md = manager.postmortem(incident.id());

        assertThat(md).startsWith("# Postmortem (draft): SLO checkout burning its error budget at");
        assertThat(md).contains("## Summary", "- **When**: first bad signal 2026-01-01 02:01:00 UTC",
                "- **Status**: closed.");
        assertThat(md).contains("- **Time to detect** (first bad signal to page): " + (paged - 1) + "m.",
                "- **Time to mitigate** (first bad signal to rollback or mitigation): " + (paged + 1) + "m.");
        assertThat(impact.consumedBefore()).as("the budget was untouched before").isZero();
        assertThat(impact.consumedDuring()).isPositive();
        assertThat(incident.events(IncidentEventKind.CLOSED).get(0).numbers())
                .containsEntry("checkout.budget_consumed_during", impact.consumedDuring());
        assertThat(impact.remainingLatest()).as("minutes of total outage overspend a window that holds two hours of traffic").isNegative();
        assertThat(md).contains("## Impact", "| checkout | " + Texts.percent(impact.consumedDuring()) + " | none"
                + " (overspent by " + Texts.percent(-impact.remainingLatest()) + ") | "
                + Texts.rate(impact.peakBurnRate()) + " |");
        assertThat(impact.peakBurnRate()).as("the 1h window at its worst held every failed minute")
                .isCloseTo((paged + 2) / 60.0 / 0.01, within(1e-9));
        assertThat(md).contains("## Timeline (UTC)", "| 2026-01-01 02:0", "| rollback | Release rel-7 rolled back"
                + " from v3 to v2", "| closed | Recovered:");
        assertThat(md).contains("## Evidence", "`canary_error_ratio` = 1", "`from_version` = v3");
        assertThat(md).contains("## Contributing factors", "never a person as the cause",
                "## Action items", "|  |  |  |  |  |", "## Lessons learned");
    }
}
