package io.github.mlhighway.lifecycle.core.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The state of one SLO at one instant, as recorded for the report. Numbers that were not finite are null and
 * {@code notes} says why.
 *
 * @param at              when (the recorder's clock)
 * @param slo             SLO name
 * @param objective       the SLO objective, e.g. 0.999
 * @param sli             the SLI over the SLO window, or null
 * @param budgetRemaining remaining error budget as a fraction (1 = untouched, negative = overspent), or null
 * @param budgetConsumed  consumed error budget as a fraction, or null
 * @param eligible        events (or slices) eligible in the SLO window
 * @param burnRates       the burn rate over each alert window of the SLO and over 1h, shortest window first
 * @param alerts          the alert tiers that were alerting (firing or without data), empty when none
 * @param notes           why a number is null, empty when none is
 * @since 0.1
 */
public record SloPoint(Instant at, String slo, double objective, @Nullable Double sli, @Nullable Double budgetRemaining,
                       @Nullable Double budgetConsumed, long eligible, List<BurnRatePoint> burnRates,
                       List<AlertPoint> alerts,
                       List<String> notes) {

    /** Validates and copies the components. */
    public SloPoint {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(slo, "slo");
        burnRates = burnRates == null ? List.of() : List.copyOf(burnRates);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
