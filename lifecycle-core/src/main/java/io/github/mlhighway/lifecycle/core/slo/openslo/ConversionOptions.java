package io.github.mlhighway.lifecycle.core.slo.openslo;

import java.util.Objects;

/**
 * Choices the OpenSLO conversion leaves open.
 *
 * @param naming        how SLOs are named
 * @param defaultAlerts the tiers of an SLO without alert policies
 */
public record ConversionOptions(SloNaming naming, DefaultAlerts defaultAlerts) {

    /** Plain names for single objectives and the SRE Workbook tiers. */
    public static final ConversionOptions DEFAULTS =
            new ConversionOptions(SloNaming.PLAIN_WHEN_SINGLE, DefaultAlerts.SRE_WORKBOOK);

    /** Sloth's conventions: always-indexed names and Sloth's four default tiers. */
    public static final ConversionOptions SLOTH = new ConversionOptions(SloNaming.ALWAYS_INDEXED, DefaultAlerts.SLOTH);

    /** Checks the components. */
    public ConversionOptions {
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(defaultAlerts, "defaultAlerts");
    }
}
