package io.github.mlhighway.lifecycle.core.slo.prometheus;

import io.github.mlhighway.lifecycle.slo.BurnRateTier;
import io.github.mlhighway.lifecycle.slo.NoDataPolicy;
import io.github.mlhighway.lifecycle.slo.Severity;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The in-process alert guards as PromQL, so exported rules behave as the tracker does:
 * <ul>
 *   <li>the minimum-events (low-traffic) guard: a tier's condition also needs
 *       {@code slo:sli_events:count<long window> >= minimumEvents};</li>
 *   <li>the no-data policy: {@link NoDataPolicy#ALERT} adds an alert per severity,
 *       {@code <Name>NoData<Severity>}, firing when the shortest long window of that severity's tiers has no event
 *       ({@code absent(...)} or a count of 0); {@link NoDataPolicy#BAD} makes the burn-rate alert itself fire then;
 *       {@link NoDataPolicy#GOOD} is the rules' natural behaviour (no data, no alert); {@link NoDataPolicy#IGNORE}
 *       (keep the previous state) cannot be expressed and is written as a comment: without data the alert
 *       resolves.</li>
 * </ul>
 */
final class EventGuards {

    private EventGuards() {
    }

    /** Whether the rules need the event counts. */
    static boolean needed(Slo slo) {
        NoDataPolicy noData = slo.alerting().noData();
        return slo.alerting().minimumEvents() > 0 || noData == NoDataPolicy.ALERT || noData == NoDataPolicy.BAD;
    }

    /** The long windows of the enabled tiers, shortest first, when the guards need their event counts. */
    static List<Duration> countedWindows(Slo slo) {
        if (!needed(slo)) {
            return List.of();
        }
        TreeSet<Duration> windows = new TreeSet<>();
        for (BurnRateTier tier : slo.alerting().tiers()) {
            if (tier.enabled()) {
                windows.add(tier.longWindow());
            }
        }
        return new ArrayList<>(windows);
    }

    /** The condition a tier adds for the minimum-events guard, or empty without one. */
    static String minimumEvents(Slo slo, BurnRateTier tier, SloLabels labels) {
        long minimum = slo.alerting().minimumEvents();
        if (minimum <= 0) {
            return "";
        }
        return "\n    and ignoring (sloth_window)\n    (" + SloRecordings.eventsName(tier.longWindow())
                + labels.selector() + " >= " + minimum + ")";
    }

    /** No events over the window: the count is absent or zero. */
    static String noEvents(Duration window, SloLabels labels) {
        String count = SloRecordings.eventsName(window) + labels.selector();
        return "(\n    absent(" + count + ")\n    or\n    (" + count + " == 0)\n)";
    }

    /** The shortest long window among the enabled tiers of a severity, or {@code null}. */
    static @Nullable Duration shortestLongWindow(Slo slo, Severity severity) {
        Duration shortest = null;
        for (BurnRateTier tier : slo.alerting().tiers()) {
            if (tier.enabled() && tier.severity() == severity
                    && (shortest == null || tier.longWindow().compareTo(shortest) < 0)) {
                shortest = tier.longWindow();
            }
        }
        return shortest;
    }
}
