package io.github.mlhighway.lifecycle.testkit.scenario;

import io.github.mlhighway.lifecycle.slo.AlertState;
import io.github.mlhighway.lifecycle.slo.AlertStatus;
import io.github.mlhighway.lifecycle.slo.ErrorBudget;
import io.github.mlhighway.lifecycle.slo.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state of a simulated model at the end of one snapshot period.
 *
 * @param at       the simulated time
 * @param elapsed  the time since the scenario started
 * @param requests requests sent during the period
 * @param errors   calls the model's version availability SLOs recorded as bad during the period (injected
 *                 failures, model exceptions, rejections)
 * @param slow     calls the model's version latency SLOs recorded as bad during the period
 * @param labels   labels delivered during the period
 * @param budgets  every SLO's error budget, by SLO name
 * @param alerts   every SLO's alert states, by SLO name
 * @since 0.1
 */
public record Snapshot(Instant at, Duration elapsed, long requests, long errors, long slow, long labels,
                       Map<String, ErrorBudget> budgets, Map<String, List<AlertState>> alerts) {

    /**
     * Copies the maps.
     *
     * @throws NullPointerException if an argument is null
     */
    public Snapshot {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(elapsed, "elapsed");
        budgets = Map.copyOf(budgets);
        alerts = Map.copyOf(alerts);
    }

    /** @return the alerts firing now, across every SLO */
    public List<AlertState> firing() {
        return alerts.values().stream().flatMap(List::stream)
                .filter(state -> state.status() == AlertStatus.FIRING).toList();
    }

    /**
     * Whether an alert of a severity is firing on any SLO.
     *
     * @param severity the severity
     * @return true when one fires
     */
    public boolean isFiring(Severity severity) {
        return firing().stream().anyMatch(state -> state.severity() == severity);
    }

    /**
     * Whether an alert of a severity is firing on one SLO.
     *
     * @param slo      the SLO's name
     * @param severity the severity
     * @return true when one fires
     */
    public boolean isFiring(String slo, Severity severity) {
        return alertsOf(slo).stream()
                .anyMatch(state -> state.status() == AlertStatus.FIRING && state.severity() == severity);
    }

    /**
     * The remaining share of an SLO's error budget.
     *
     * @param slo the SLO's name
     * @return the remaining fraction (negative when overspent)
     * @throws IllegalArgumentException if the model has no such SLO
     */
    public double budgetRemaining(String slo) {
        return budget(slo).remainingFraction();
    }

    /**
     * An SLO's error budget.
     *
     * @param slo the SLO's name
     * @return the budget
     * @throws IllegalArgumentException if the model has no such SLO
     */
    public ErrorBudget budget(String slo) {
        ErrorBudget budget = budgets.get(slo);
        if (budget == null) {
            throw new IllegalArgumentException("No SLO '" + slo + "'; the model's SLOs are " + budgets.keySet());
        }
        return budget;
    }

    /**
     * An SLO's alert states.
     *
     * @param slo the SLO's name
     * @return one state per tier
     * @throws IllegalArgumentException if the model has no such SLO
     */
    public List<AlertState> alertsOf(String slo) {
        List<AlertState> states = alerts.get(slo);
        if (states == null) {
            throw new IllegalArgumentException("No SLO '" + slo + "'; the model's SLOs are " + alerts.keySet());
        }
        return states;
    }

    /** @return errors over requests in this period, 0 without requests */
    public double errorRatio() {
        return requests == 0 ? 0.0 : (double) errors / requests;
    }

    @Override
    public String toString() {
        return "+" + elapsed + " requests=" + requests + " errors=" + errors + " slow=" + slow + " labels=" + labels
                + " firing=" + firing().stream().map(s -> s.slo() + "/" + s.tier().id()).toList();
    }
}
