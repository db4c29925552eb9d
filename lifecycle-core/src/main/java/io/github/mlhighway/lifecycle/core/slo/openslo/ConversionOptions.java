package io.github.mlhighway.lifecycle.core.slo.openslo;

import io.github.mlhighway.lifecycle.slo.AlertPolicy;
import io.github.mlhighway.lifecycle.slo.NoDataPolicy;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Choices the OpenSLO conversion leaves open.
 *
 * @param naming        how SLOs are named
 * @param defaultAlerts the tiers of an SLO without alert policies
 * @param minimumEvents the minimum-events (low-traffic) guard of every SLO's alert policy: a tier fires only when
 *                      its long window holds at least this many events; 0 for none (OpenSLO has no field for it)
 * @param noData        the no-data policy of every SLO whose alert policies do not say {@code alertWhenNoData:
 *                      true} (which means {@link NoDataPolicy#ALERT}); {@code null} for the default,
 *                      {@link AlertPolicy#DEFAULT_NO_DATA}
 * @since 0.1
 */
public record ConversionOptions(SloNaming naming, DefaultAlerts defaultAlerts, long minimumEvents,
                                @Nullable NoDataPolicy noData) {

    /** Plain names for single objectives and the SRE Workbook tiers. */
    public static final ConversionOptions DEFAULTS =
            new ConversionOptions(SloNaming.PLAIN_WHEN_SINGLE, DefaultAlerts.SRE_WORKBOOK);

    /** Sloth's conventions: always-indexed names and Sloth's four default tiers. */
    public static final ConversionOptions SLOTH = new ConversionOptions(SloNaming.ALWAYS_INDEXED, DefaultAlerts.SLOTH);

    /** Checks the components. */
    public ConversionOptions {
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(defaultAlerts, "defaultAlerts");
        if (minimumEvents < 0) {
            throw new IllegalArgumentException("minimumEvents must be >= 0, was " + minimumEvents);
        }
    }

    /**
     * Options without guards: no minimum events, the default no-data policy.
     *
     * @param naming        how SLOs are named
     * @param defaultAlerts the tiers of an SLO without alert policies
     */
    public ConversionOptions(SloNaming naming, DefaultAlerts defaultAlerts) {
        this(naming, defaultAlerts, AlertPolicy.DEFAULT_MINIMUM_EVENTS, null);
    }

    /**
     * The same options with a minimum-events guard.
     *
     * @param events minimum events in a tier's long window before it may fire; 0 for none
     * @return the options
     */
    public ConversionOptions withMinimumEvents(long events) {
        return new ConversionOptions(naming, defaultAlerts, events, noData);
    }

    /**
     * The same options with a no-data policy.
     *
     * @param policy what an empty window means, unless the document says {@code alertWhenNoData: true}
     * @return the options
     */
    public ConversionOptions withNoData(NoDataPolicy policy) {
        return new ConversionOptions(naming, defaultAlerts, minimumEvents, policy);
    }

    /** The policy with these options' guards applied. */
    AlertPolicy guard(AlertPolicy policy) {
        AlertPolicy guarded = policy.withMinimumEvents(Math.max(minimumEvents, policy.minimumEvents()));
        if (noData != null && guarded.noData() == AlertPolicy.DEFAULT_NO_DATA) {
            guarded = guarded.withNoData(noData);
        }
        return guarded;
    }
}
