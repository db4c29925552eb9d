package io.github.mlhighway.lifecycle.slo;

/**
 * The state of one burn-rate alert tier, with the numbers that decided it.
 *
 * @param slo       SLO name
 * @param tier      the tier
 * @param status    OK, FIRING or NO_DATA
 * @param longBurn  burn rate over the long window
 * @param shortBurn burn rate over the short window
 * @param reason    a sentence that explains the status
 * @since 0.1
 */
public record AlertState(String slo, BurnRateTier tier, AlertStatus status, BurnRate longBurn, BurnRate shortBurn,
                         String reason) {

    /**
     * Whether the tier is firing (or alerting on missing data).
     *
     * @return true when the status alerts
     */
    public boolean isAlerting() {
        return status.isAlerting();
    }

    /**
     * The tier's severity.
     *
     * @return page or ticket
     */
    public Severity severity() {
        return tier.severity();
    }
}
