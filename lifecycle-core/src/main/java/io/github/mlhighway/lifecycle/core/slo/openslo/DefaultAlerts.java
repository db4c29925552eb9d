package io.github.mlhighway.lifecycle.core.slo.openslo;

import io.github.mlhighway.lifecycle.slo.AlertPolicy;
import java.time.Duration;

/**
 * The burn-rate tiers an SLO gets when its document names no alert policy.
 *
 * @since 0.1
 */
public enum DefaultAlerts {
    /** {@link AlertPolicy#sreWorkbook(Duration)}: page at 2% in 1h or 5% in 6h, ticket at 10% in 3d. */
    SRE_WORKBOOK,
    /** {@link AlertPolicy#sloth(Duration)}: the Workbook's tiers plus a ticket at 10% in 1d, as Sloth does. */
    SLOTH;

    /**
     * The tiers for a period.
     *
     * @param period the SLO period (nominal length of its window)
     * @return the policy, before tiers that cannot fire are disabled
     */
    public AlertPolicy policy(Duration period) {
        return this == SLOTH ? AlertPolicy.sloth(period) : AlertPolicy.sreWorkbook(period);
    }
}
