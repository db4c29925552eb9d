package io.github.mlhighway.lifecycle.serving;

/**
 * Counts of the shadow comparison since the guarded model started.
 *
 * @param mirrored      calls handed to the shadow executor
 * @param dropped       calls not mirrored because the shadow executor was saturated (for example its workers are
 *                      stuck in hanging shadow calls); each is also recorded as a bad call on the shadow cohort
 * @param agreements    shadow answers that agreed with the primary's
 * @param disagreements shadow answers that did not
 * @param shadowErrors  shadow calls that threw, or did not finish within the shadow timeout (recorded as bad and
 *                      slow on the shadow cohort even while still running)
 * @since 0.1
 */
public record ShadowStats(long mirrored, long dropped, long agreements, long disagreements, long shadowErrors) {

    /**
     * The share of compared answers that agreed.
     *
     * @return agreements / (agreements + disagreements), or NaN before any comparison
     */
    public double agreementRatio() {
        long compared = agreements + disagreements;
        return compared == 0 ? Double.NaN : (double) agreements / compared;
    }
}
