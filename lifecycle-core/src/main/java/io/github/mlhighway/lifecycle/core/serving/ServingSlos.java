package io.github.mlhighway.lifecycle.core.serving;

import io.github.mlhighway.lifecycle.slo.AlertPolicy;
import io.github.mlhighway.lifecycle.slo.BudgetingMethod;
import io.github.mlhighway.lifecycle.slo.BurnRateTier;
import io.github.mlhighway.lifecycle.slo.Indicator;
import io.github.mlhighway.lifecycle.slo.Operator;
import io.github.mlhighway.lifecycle.slo.Severity;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.slo.TimeWindow;
import java.time.Duration;
import java.util.Objects;

/**
 * The SLO templates a guarded model registers per version and per cohort. Every tracker is its template renamed
 * ({@link #renamed}): objective, window, budgeting, alert tiers, minimum-events guard and no-data policy are the
 * template's.
 *
 * <p>Per version: {@code availability}, {@code latency} and {@code accuracy}. Per cohort: {@code availability},
 * {@code latency} and {@code correct}, the share of labelled answers judged correct (a ratio for release analysis,
 * see {@link #labelledTemplate}).
 */
final class ServingSlos {

    /** Tolerance of the alert comparison in {@code SloTracker} is 1e-9; stay well clear of it. */
    private static final double GUARD_MARGIN = 1e-6;

    private final Slo availability;
    private final Slo latency;
    private final Slo accuracy;
    private final Slo labelled;
    private final long latencyGoodUpToNanos;

    ServingSlos(Slo availability, Slo latency, Slo accuracy) {
        this.availability = checkAvailability(availability);
        this.latency = checkLatency(latency);
        this.accuracy = checkAccuracy(accuracy);
        this.labelled = labelledTemplate(accuracy, availability.window());
        this.latencyGoodUpToNanos = goodUpToNanos((Indicator.Threshold) latency.indicator());
    }

    Slo availability(String name) {
        return renamed(availability, name);
    }

    Slo latency(String name) {
        return renamed(latency, name);
    }

    Slo accuracy(String name) {
        return renamed(accuracy, name);
    }

    Slo labelled(String name) {
        return renamed(labelled, name);
    }

    /** @return the longest call (in nanoseconds) that still counts as fast */
    long latencyGoodUpToNanos() {
        return latencyGoodUpToNanos;
    }

    /** @return the latency threshold as a duration (for defaults derived from it, such as the shadow timeout) */
    Duration latencyThreshold() {
        return Duration.ofNanos(Math.max(1, latencyGoodUpToNanos));
    }

    /**
     * The template under another name; the display name and the indicator's name follow when they were the
     * template's name, everything else is kept.
     */
    static Slo renamed(Slo template, String name) {
        Indicator indicator = template.indicator();
        if (indicator.name().equals(template.name())) {
            indicator = withName(indicator, name);
        }
        String displayName = template.displayName().equals(template.name()) ? name : template.displayName();
        return new Slo(name, displayName, template.description(), template.service(), indicator,
                template.budgetingMethod(), template.objective(), template.window(), template.timeslices(),
                template.alerting(), template.labels());
    }

    /**
     * The smallest number of events in an alert tier's long window at which a single bad event cannot fire any
     * enabled page tier of the SLO: {@code floor(1 / (f * (1 - objective))) + 1} for the lowest page factor
     * {@code f}. With at least that many events, a page needs two or more bad events; with fewer, the page tiers
     * stay quiet (the ticket tiers, with their longer windows, still speak). 0 when the SLO has no enabled page tier.
     */
    static long lowTrafficGuard(Slo slo) {
        double lowestPageFactor = Double.POSITIVE_INFINITY;
        for (BurnRateTier tier : slo.alerting().tiers()) {
            if (tier.enabled() && tier.severity() == Severity.PAGE) {
                lowestPageFactor = Math.min(lowestPageFactor, tier.factor());
            }
        }
        if (Double.isInfinite(lowestPageFactor)) {
            return 0;
        }
        double events = 1.0 / (lowestPageFactor * slo.errorBudgetRatio()) * (1 + GUARD_MARGIN);
        return events >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.floor(events) + 1;
    }

    /** The SLO with its alert policy's minimum-events guard set to {@link #lowTrafficGuard}. */
    static Slo guarded(Slo slo) {
        AlertPolicy policy = slo.alerting().withMinimumEvents(lowTrafficGuard(slo));
        return slo.toBuilder().alerting(policy).build();
    }

    static Slo checkAvailability(Slo template) {
        Objects.requireNonNull(template, "availability template");
        if (!(template.indicator() instanceof Indicator.Ratio)) {
            throw new IllegalArgumentException("Availability template '" + template.name() + "' has a "
                    + kind(template) + " indicator; a guarded model records each call as good or bad, so use a "
                    + "ratio SLO, e.g. Slo.ratio(\"availability\").objective(0.999)");
        }
        return template;
    }

    static Slo checkLatency(Slo template) {
        Objects.requireNonNull(template, "latency template");
        if (!(template.indicator() instanceof Indicator.Threshold threshold)) {
            throw new IllegalArgumentException("Latency template '" + template.name() + "' has a " + kind(template)
                    + " indicator; use a threshold SLO in milliseconds, e.g. Slo.threshold(\"latency\", "
                    + "Operator.LTE, 300.0)");
        }
        if (threshold.operator() != Operator.LTE && threshold.operator() != Operator.LT) {
            throw new IllegalArgumentException("Latency template '" + template.name() + "' has operator "
                    + threshold.operator() + "; a call is fast when its latency is below the threshold: use LTE or LT");
        }
        if (!(threshold.threshold() > 0)) {
            throw new IllegalArgumentException("Latency template '" + template.name()
                    + "': the threshold must be a positive number of milliseconds, was " + threshold.threshold());
        }
        if (threshold.operator() == Operator.LT && threshold.threshold() * 1e6 <= 1) {
            throw new IllegalArgumentException("Latency template '" + template.name() + "': LT "
                    + threshold.threshold() + " ms is shorter than a nanosecond; no call could be fast");
        }
        return template;
    }

    static Slo checkAccuracy(Slo template) {
        Objects.requireNonNull(template, "accuracy template");
        if (!(template.indicator() instanceof Indicator.Ratio)) {
            throw new IllegalArgumentException("Accuracy template '" + template.name() + "' has a " + kind(template)
                    + " indicator; labelled predictions are judged correct or not, so use a ratio SLO "
                    + "(Occurrences) or Slo.timeslices(...)");
        }
        if (template.budgetingMethod() == BudgetingMethod.TIMESLICES) {
            Operator op = Objects.requireNonNull(template.timeslices()).operator();
            double target = template.timeslices().target();
            if (op != Operator.GTE && op != Operator.GT) {
                throw new IllegalArgumentException("Accuracy template '" + template.name() + "' judges a slice good "
                        + "when its share of correct predictions is " + op + " " + target
                        + "; use atLeast(target) (GTE) or GT");
            }
            if (!(target > 0 && target < 1)) {
                throw new IllegalArgumentException("Accuracy template '" + template.name() + "': the slice target "
                        + "must be strictly between 0 and 1, was " + target + " (it is also the objective of each "
                        + "cohort's labelled-correct SLO); set it with atLeast(...)");
            }
        }
        return template;
    }

    /**
     * The cohorts' labelled-correct template, which release analysis reads as counts: the accuracy template itself
     * when it counts occurrences; for timeslice budgeting a ratio whose objective is the slice target
     * ({@code Timeslices}) or the template's objective ({@code RatioTimeslices}), over the availability window,
     * with the Workbook tiers that can fire and the {@link #lowTrafficGuard}.
     */
    static Slo labelledTemplate(Slo accuracy, TimeWindow window) {
        if (accuracy.budgetingMethod() == BudgetingMethod.OCCURRENCES) {
            return accuracy;
        }
        double objective = accuracy.budgetingMethod() == BudgetingMethod.TIMESLICES
                ? Objects.requireNonNull(accuracy.timeslices()).target() : accuracy.objective();
        return guarded(Slo.ratio("correct").objective(objective).window(window)
                .description("labelled answers judged correct (per cohort, for release analysis)").build());
    }

    private static long goodUpToNanos(Indicator.Threshold threshold) {
        double nanos = threshold.threshold() * 1e6;
        if (nanos >= Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        double whole = Math.rint(nanos);
        if (Math.abs(nanos - whole) < 1e-3) {
            nanos = whole; // milliseconds from a Duration: undo the rounding of the conversion
        }
        return threshold.operator() == Operator.LTE ? (long) Math.floor(nanos) : (long) Math.ceil(nanos) - 1;
    }

    private static Indicator withName(Indicator indicator, String name) {
        if (indicator instanceof Indicator.Ratio ratio) {
            return new Indicator.Ratio(name, ratio.counting(), ratio.counted(), ratio.total());
        }
        if (indicator instanceof Indicator.Threshold threshold) {
            return new Indicator.Threshold(name, threshold.operator(), threshold.threshold(), threshold.source());
        }
        return new Indicator.Probe(name, ((Indicator.Probe) indicator).source());
    }

    private static String kind(Slo slo) {
        return slo.indicator() instanceof Indicator.Threshold ? "threshold"
                : slo.indicator() instanceof Indicator.Probe ? "probe" : "ratio";
    }
}
