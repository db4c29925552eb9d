package io.github.mlhighway.lifecycle.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.incident.BudgetImpact;
import io.github.mlhighway.lifecycle.incident.Incident;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The budget numbers of a postmortem. Budgets are shares of what the SLO window allows, so they exceed 100%
 * consumed when overspent; for a low-traffic SLO the allowance grows with traffic, so the consumed share can fall
 * while bad events keep arriving.
 */
class PostmortemBudgetTest {

    private final SimClock clock = SimClock.atDefault();

    @Test
    void aBudgetThatWentNegativeIsExhaustedAndOverspentNotNegative() {
        BudgetImpact impact = new BudgetImpact("checkout", 0.2, 1.35, -0.35, 16.7, clock.instant(), 20, 135, 100);

        assertThat(PostmortemWriter.impactSentence(impact)).isEqualTo("the incident spent 115.0% of the error budget"
                + " (from 20.0% to 135.0% consumed); the budget is exhausted, overspent by 35.0%.");
    }

    @Test
    void theImpactTableNeverPrintsANegativeRemainingBudget() {
        IncidentManager manager = IncidentManager.builder(Stores.inMemory(clock), clock).build();
        manager.onAlerts(Alerts.page("checkout", true), Alerts.budget("checkout", clock.instant(), 10_000, 20));
        clock.advance(Duration.ofMinutes(30));
        manager.onAlerts(Alerts.page("checkout", true), Alerts.budget("checkout", clock.instant(), 10_000, 135));

        String md = manager.postmortem(manager.all().get(0).id());

        assertThat(md).contains("| checkout | 115.0% | none (overspent by 35.0%) | 20.0x |",
                "- checkout: the incident spent 115.0% of the error budget (from 20.0% to 135.0% consumed); the"
                        + " budget is exhausted, overspent by 35.0%.");
        assertThat(md).doesNotContain("-35.0%");
    }

    @Test
    void aBudgetAlreadySpentWhenTheIncidentOpenedCountsTheBadEventsOfTheIncident() {
        // A low-traffic candidate: 1 bad of 2 requests is 5000% of a 99% budget; 373 requests later, 100 bad ones
        // are 2681% of a larger allowance. The consumed share fell, yet the incident added 99 bad events.
        IncidentManager manager = IncidentManager.builder(Stores.inMemory(clock), clock).build();
        manager.onAlerts(Alerts.page("rain.candidate", true), Alerts.budget("rain.candidate", clock.instant(), 2, 1));
        clock.advance(Duration.ofMinutes(50));
        manager.onAlerts(Alerts.page("rain.candidate", true),
                Alerts.budget("rain.candidate", clock.instant(), 373, 100));
        Incident incident = manager.all().get(0);
        BudgetImpact impact = incident.budgets().get("rain.candidate");

        assertThat(impact.consumedBefore()).isEqualTo(50.0);
        assertThat(impact.consumedLatest()).isCloseTo(26.81, within(0.01));
        assertThat(impact.consumedDuring()).as("99 bad events of an allowance of 3.73")
                .isCloseTo(99 / 3.73, within(1e-9));
        assertThat(PostmortemWriter.impactSentence(impact)).isEqualTo("the error budget was already spent when the"
                + " incident began (5000.0% consumed); the incident used another 2654.2% of it (2681.0% consumed at"
                + " the end); the budget is exhausted, overspent by 2581.0%.");
        assertThat(manager.postmortem(incident.id())).doesNotContain("spent 0.0%");
    }

    @Test
    void aBudgetThatStillRemainsIsSaidToRemain() {
        BudgetImpact impact = new BudgetImpact("checkout", 0.1, 0.25, 0.75, 3.0, clock.instant());

        assertThat(PostmortemWriter.impactSentence(impact)).isEqualTo("the incident spent 15.0% of the error budget"
                + " (from 10.0% to 25.0% consumed); 75.0% remains.");
    }
}
