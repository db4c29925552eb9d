package io.github.mlhighway.lifecycle.core.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.condition.Conditions;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.incident.IncidentEvidence;
import io.github.mlhighway.lifecycle.release.ReleaseListener;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.store.Store;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example of {@link IncidentManager}'s javadoc, run; paste changes back into the javadoc. */
class IncidentManagerExampleTest {

    @Test
    void theJavadocExampleRuns() {
        SimClock clock = SimClock.atDefault();
        Store store = Stores.inMemory(clock);
        SloTracker availabilityTracker = SloTracker.create(Slo.ratio("forecast.availability").objective(0.999)
                .rollingWindow(Duration.ofDays(28)).build(), clock);
        availabilityTracker.record(990, 1000);
        clock.advance(Duration.ofMinutes(1));

        // --- javadoc: IncidentManager ---
        IncidentManager incidents = IncidentManager.builder(store, clock).quietPeriod(Duration.ofHours(1)).build();
        incidents.observe(availabilityTracker);                               // opens on a page
        incidents.record(IncidentEvidence.rollback("rel-7", "v3", "v2", "canary burned 20x", Map.of())
                .forKey("forecast.availability")                             // appended, marks mitigation
                .idempotent("run-42", "release", "rollback"));               // a re-run records it once
        ReleaseListener toIncidents = incidents.releaseListener();           // give it to a ReleaseController
        incidents.register(IncidentPolicy.builder("forecast-quality").key("forecast.availability")
                .openWhen(Conditions.budgetRemainingBelow(availabilityTracker, 0.5)).consecutive(2)
                .closeWhen(Conditions.budgetRemainingAtLeast(availabilityTracker, 0.5)).consecutive(2)
                .build());
        incidents.tick();                                                    // policies, then recovery
        String draft = incidents.postmortem(incidents.all().get(0).id());   // blameless Markdown
        // --- end ---

        assertThat(toIncidents).isNotNull();
        assertThat(incidents.all()).hasSize(1);
        assertThat(incidents.all().get(0).mitigatedAt()).isPresent();
        assertThat(draft).startsWith("# Postmortem (draft): ").contains("| rollback | Release rel-7 rolled back");
    }
}
