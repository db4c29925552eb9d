package io.github.mlhighway.lifecycle.slo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The burn-rate alert tiers of an SLO, with the guards that keep low-traffic services from paging on a single
 * failed request.
 *
 * @param tiers         the tiers, ids unique
 * @param minimumEvents a tier fires only when its long window holds at least this many events (0: no guard)
 * @param noData        what an empty long window means
 * @since 0.1
 */
public record AlertPolicy(List<BurnRateTier> tiers, long minimumEvents, NoDataPolicy noData) {

    /** Default minimum number of events in the long window: no guard, as Sloth and the SRE Workbook do. */
    public static final long DEFAULT_MINIMUM_EVENTS = 0;
    /** Default meaning of an empty window: no traffic is not an outage. */
    public static final NoDataPolicy DEFAULT_NO_DATA = NoDataPolicy.GOOD;

    /**
     * The most tiers a policy may have. With at most two windows per tier and the SLO window, this bounds what a
     * tracker keeps: at most {@code 2 * MAX_TIERS + 2} bucket rings of at most 20,000 buckets (16 bytes each).
     */
    public static final int MAX_TIERS = 16;

    /** The period the SRE Workbook's factors were stated for. */
    public static final Duration WORKBOOK_PERIOD = Duration.ofDays(30);

    /** Validates and copies the components. */
    public AlertPolicy {
        tiers = List.copyOf(tiers);
        Objects.requireNonNull(noData, "noData");
        if (tiers.size() > MAX_TIERS) {
            throw new IllegalArgumentException("An alert policy has at most " + MAX_TIERS + " tiers, was given "
                    + tiers.size());
        }
        if (minimumEvents < 0) {
            throw new IllegalArgumentException("minimumEvents must be >= 0, was " + minimumEvents);
        }
        Set<String> ids = new HashSet<>();
        for (BurnRateTier tier : tiers) {
            if (!ids.add(tier.id())) {
                throw new IllegalArgumentException("Duplicate alert tier id '" + tier.id() + "'");
            }
        }
    }

    /**
     * The SRE Workbook's recommended tiers for the given SLO period, keeping the Workbook's budget-consumed
     * shares and deriving each factor for this period: page when 2% of the budget burns in 1h (confirmed over
     * 5m) or 5% in 6h (30m); ticket when 10% burns in 3d (6h). For a 30-day period this gives 14.4, 6 and 1.
     * Tiers whose long window is longer than the period are left out.
     *
     * @param period the SLO period
     * @return the policy
     */
    public static AlertPolicy sreWorkbook(Duration period) {
        return derived(period, false);
    }

    /**
     * Sloth's default tiers: the Workbook's, plus a ticket when 10% of the budget burns in 1d (confirmed over
     * 2h). For a 30-day period the factors are 14.4, 6, 3 and 1.
     *
     * @param period the SLO period
     * @return the policy
     */
    public static AlertPolicy sloth(Duration period) {
        return derived(period, true);
    }

    private static AlertPolicy derived(Duration period, boolean withOneDayTicket) {
        Objects.requireNonNull(period, "period");
        List<BurnRateTier> candidates = new ArrayList<>();
        candidates.add(BurnRateTier.forBudget("page-1h", Severity.PAGE,
                Duration.ofHours(1), Duration.ofMinutes(5), 0.02, period));
        candidates.add(BurnRateTier.forBudget("page-6h", Severity.PAGE,
                Duration.ofHours(6), Duration.ofMinutes(30), 0.05, period));
        if (withOneDayTicket) {
            candidates.add(BurnRateTier.forBudget("ticket-1d", Severity.TICKET,
                    Duration.ofDays(1), Duration.ofHours(2), 0.10, period));
        }
        candidates.add(BurnRateTier.forBudget("ticket-3d", Severity.TICKET,
                Duration.ofDays(3), Duration.ofHours(6), 0.10, period));
        List<BurnRateTier> tiers = new ArrayList<>();
        for (BurnRateTier tier : candidates) {
            if (tier.longWindow().compareTo(period) <= 0) {
                tiers.add(tier);
            }
        }
        return new AlertPolicy(tiers, DEFAULT_MINIMUM_EVENTS, DEFAULT_NO_DATA);
    }

    /**
     * No alerting at all.
     *
     * @return a policy without tiers
     */
    public static AlertPolicy none() {
        return new AlertPolicy(List.of(), DEFAULT_MINIMUM_EVENTS, DEFAULT_NO_DATA);
    }

    /**
     * The same policy with a minimum-events guard.
     *
     * @param events minimum number of events in a tier's long window before it may fire
     * @return the policy
     */
    public AlertPolicy withMinimumEvents(long events) {
        return new AlertPolicy(tiers, events, noData);
    }

    /**
     * The same policy with another no-data policy.
     *
     * @param policy what an empty window means
     * @return the policy
     */
    public AlertPolicy withNoData(NoDataPolicy policy) {
        return new AlertPolicy(tiers, minimumEvents, policy);
    }

    /**
     * The same policy with one more tier.
     *
     * @param tier the tier to add; its id must be new
     * @return the policy
     */
    public AlertPolicy withTier(BurnRateTier tier) {
        List<BurnRateTier> all = new ArrayList<>(tiers);
        all.add(tier);
        return new AlertPolicy(all, minimumEvents, noData);
    }

    /**
     * The same policy with the named tier enabled or disabled.
     *
     * @param id      an existing tier id
     * @param enabled whether it may fire
     * @return the policy
     * @throws IllegalArgumentException if no tier has that id
     */
    public AlertPolicy withTierEnabled(String id, boolean enabled) {
        List<BurnRateTier> all = new ArrayList<>();
        boolean found = false;
        for (BurnRateTier tier : tiers) {
            if (tier.id().equals(id)) {
                all.add(tier.withEnabled(enabled));
                found = true;
            } else {
                all.add(tier);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("No alert tier '" + id + "'; tiers are " + tierIds());
        }
        return new AlertPolicy(all, minimumEvents, noData);
    }

    private List<String> tierIds() {
        List<String> ids = new ArrayList<>();
        tiers.forEach(tier -> ids.add(tier.id()));
        return ids;
    }
}
