package io.github.mlhighway.lifecycle.core.release.prometheus;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The PromQL of a {@link PrometheusCohortStatsSource}: the selector of one cohort's SLO event counters, the counts
 * query (from the configured template) and the liveness queries.
 */
final class CohortQueries {

    /** The SLIs of a guarded model's cohort trackers, as the last part of their SLO names. */
    static final String AVAILABILITY = "availability";
    static final String LATENCY = "latency";
    static final String CORRECT = "correct";

    static final String SELECTOR = "${selector}";
    static final String RANGE = "${range}";

    private static final Pattern INVALID = Pattern.compile("[^A-Za-z0-9._-]");

    private final String metric;
    private final String model;
    private final String matchers;
    private final String countsTemplate;

    CohortQueries(String metric, String model, String matchers, String countsTemplate) {
        this.metric = metric;
        this.model = model;
        this.matchers = matchers;
        this.countsTemplate = countsTemplate;
    }

    /**
     * The SLO name prefix of a cohort's trackers, {@code <model>.cohort.<cohort>.}, with the guarded model's own
     * replacement of characters an SLO name cannot hold ({@code GuardedModel.cohortSloName}).
     */
    String sloPrefix(String cohort) {
        return part(model) + ".cohort." + part(cohort) + ".";
    }

    /** The counters of one cohort's three SLOs, both outcomes, every replica. */
    String selector(String cohort) {
        String regex = sloPrefix(cohort).replace(".", "\\\\.") + "(" + AVAILABILITY + "|" + LATENCY + "|" + CORRECT
                + ")";
        return metric + "{slo=~\"" + regex + "\"" + (matchers.isEmpty() ? "" : ", " + matchers) + "}";
    }

    /** The cumulative counts of a cohort over the range, by SLO and outcome. */
    String counts(String cohort, Duration range) {
        return countsTemplate.replace(SELECTOR, selector(cohort)).replace(RANGE, range(range));
    }

    /** The counts of a cohort over a trailing window, by SLO and outcome ({@code increase}, an estimate). */
    String windowed(String cohort, Duration window) {
        return "sum by (slo, outcome) (increase(" + selector(cohort) + "[" + range(window) + "]))";
    }

    /** The series of a cohort that had samples in the window and have none now: replicas that went silent. */
    String silent(String cohort, Duration window) {
        String selector = selector(cohort);
        return "count_over_time(" + selector + "[" + range(window) + "]) unless " + selector;
    }

    /** The current series of a cohort whose newest sample is older than {@code maxAge}, valued by their age. */
    String stale(String cohort, Duration maxAge) {
        return "(time() - timestamp(" + selector(cohort) + ")) > " + maxAge.toMillis() / 1000.0;
    }

    /** A PromQL duration in milliseconds, e.g. {@code 90000ms}. */
    static String range(Duration range) {
        return Math.max(1, range.toMillis()) + "ms";
    }

    static String part(String raw) {
        return INVALID.matcher(raw).replaceAll("_");
    }
}
