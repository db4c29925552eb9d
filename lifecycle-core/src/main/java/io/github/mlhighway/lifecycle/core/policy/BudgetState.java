package io.github.mlhighway.lifecycle.core.policy;

import io.github.mlhighway.lifecycle.slo.AlertState;
import io.github.mlhighway.lifecycle.slo.ErrorBudget;
import io.github.mlhighway.lifecycle.slo.Severity;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.util.List;
import java.util.Objects;

/**
 * What a policy rule sees of one SLO: its definition, its error budget and its alert states, all read at the
 * same instant.
 *
 * @param slo    the SLO
 * @param budget its error budget
 * @param alerts the state of each of its alert tiers
 * @since 0.1
 */
public record BudgetState(Slo slo, ErrorBudget budget, List<AlertState> alerts) {

    /** Validates and copies the components. */
    public BudgetState {
        Objects.requireNonNull(slo, "slo");
        Objects.requireNonNull(budget, "budget");
        alerts = List.copyOf(alerts);
    }

    /**
     * Whether any tier of the given severity is alerting.
     *
     * @param severity page or ticket
     * @return true when one is firing (or alerting on no data)
     */
    public boolean alerting(Severity severity) {
        return alerts.stream().anyMatch(alert -> alert.severity() == severity && alert.isAlerting());
    }

    /**
     * The ids of the alerting tiers.
     *
     * @return tier ids, in policy order
     */
    public List<String> alertingTiers() {
        return alerts.stream().filter(AlertState::isAlerting).map(alert -> alert.tier().id()).toList();
    }
}
