package io.github.mlhighway.lifecycle.core.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.incident.Incident;
import io.github.mlhighway.lifecycle.incident.IncidentEvent;
import io.github.mlhighway.lifecycle.incident.IncidentEventKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A low-traffic candidate's page alert flaps: it fires for 5 minutes every 25 minutes, for a day, observed every
 * minute, with a one-hour quiet period.
 */
class IncidentFlappingTest {

    private final SimClock clock = SimClock.atDefault();
    private final IncidentManager manager = IncidentManager.builder(Stores.inMemory(clock), clock)
            .quietPeriod(Duration.ofHours(1)).build();

    private int flap(int minutes) {
        int firings = 0;
        for (int minute = 0; minute < minutes; minute++) {
            boolean firing = minute % 25 < 5;
            if (minute % 25 == 0) {
                firings++;
            }
            manager.onAlerts(Alerts.page("rain.candidate", firing), null);
            manager.closeRecovered();
            clock.advance(Duration.ofMinutes(1));
        }
        return firings;
    }

    @Test
    void aTierThatFiresResolvesAndFiresAgainWithinTheQuietPeriodIsOneIncident() {
        int firings = flap(24 * 60);

        assertThat(firings).isEqualTo(58);
        assertThat(manager.all()).hasSize(1);
        assertThat(manager.openIncident("rain.candidate").orElseThrow().alertStarts())
                .containsEntry("rain.candidate/page-1h", 58);
    }

    @Test
    void repeatedFlapsAreCountedNotListed() {
        flap(24 * 60);

        Incident incident = manager.openIncident("rain.candidate").orElseThrow();
        assertThat(incident.events(IncidentEventKind.ALERT_FIRING)).as("three firings and one flapping row")
                .hasSize(IncidentManager.DEFAULT_ALERT_ROWS_PER_TIER + 1);
        assertThat(incident.events(IncidentEventKind.ALERT_RESOLVED)).hasSize(3);
        assertThat(incident.timeline()).as("opened, 4 firings, 3 resolutions: not 116 rows").hasSize(8);
        IncidentEvent flapping = incident.events(IncidentEventKind.ALERT_FIRING).get(3);
        assertThat(flapping.sentence()).contains("is flapping", "4th time", "counted, not listed");
        assertThat(flapping.numbers()).containsEntry("times_fired", 4.0);
    }

    @Test
    void theCloseAndThePostmortemGiveTheFlapCount() {
        flap(24 * 60);
        clock.advance(Duration.ofHours(1));
        manager.onAlerts(Alerts.page("rain.candidate", false), null);
        manager.closeRecovered();

        Incident closed = manager.all().get(0);
        assertThat(closed.isOpen()).isFalse();
        IncidentEvent close = closed.events(IncidentEventKind.CLOSED).get(0);
        assertThat(close.numbers()).containsEntry("rain.candidate/page-1h.times_fired", 58.0);
        assertThat(close.sentence()).contains("flapping: rain.candidate/page-1h fired 58 times");
        assertThat(manager.postmortem(closed.id())).contains("- **Flapping**: alert `rain.candidate/page-1h` started"
                + " firing 58 times during the incident; the timeline lists the first 4.", "- **Last page signal**:");
    }

    @Test
    void theBoundIsConfigurable() {
        IncidentManager everyRow = IncidentManager.builder(Stores.inMemory(clock), clock)
                .alertRowsPerTier(1000).build();
        for (int minute = 0; minute < 100; minute++) {
            everyRow.onAlerts(Alerts.page("rain.candidate", minute % 25 < 5), null);
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(everyRow.openIncident("rain.candidate").orElseThrow().events(IncidentEventKind.ALERT_FIRING))
                .hasSize(4);
    }
}
