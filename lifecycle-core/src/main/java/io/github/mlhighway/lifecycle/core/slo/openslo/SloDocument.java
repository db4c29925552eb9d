package io.github.mlhighway.lifecycle.core.slo.openslo;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An OpenSLO {@code SLO} document.
 *
 * @param apiVersion {@link OpenSloDocument#V1} or {@link OpenSloDocument#V1ALPHA}
 * @param metadata   the metadata
 * @param spec       the spec
 * @since 0.1
 */
public record SloDocument(String apiVersion, @Nullable Metadata metadata, Spec spec) implements OpenSloDocument {

    /** The kind name. */
    public static final String KIND = "SLO";

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * The SLO spec. The window list is written {@code timeWindow} in v1 and {@code timeWindows} in v1alpha.
     *
     * @param description     free text, or {@code null}
     * @param service         the service, or {@code null}
     * @param indicator       the inline indicator, or {@code null}
     * @param indicatorRef    the name of an SLI document, or {@code null}
     * @param timeWindows     the time window (OpenSLO allows exactly one)
     * @param budgetingMethod {@code Occurrences}, {@code Timeslices} or {@code RatioTimeslices}
     * @param objectives      the objectives, at least one
     * @param alertPolicies   alert policies, inline or by reference
     */
    public record Spec(@Nullable String description, @Nullable String service, @Nullable SliDocument indicator,
                       @Nullable String indicatorRef,
                       List<TimeWindowSpec> timeWindows, @Nullable String budgetingMethod, List<Objective> objectives,
                       List<AlertPolicyEntry> alertPolicies) {
        /** Copies the lists. */
        public Spec {
            timeWindows = List.copyOf(timeWindows);
            objectives = List.copyOf(objectives);
            alertPolicies = List.copyOf(alertPolicies);
        }
    }

    /**
     * One objective.
     *
     * @param displayName     display name, or {@code null}
     * @param op              {@code lt}, {@code lte}, {@code gt} or {@code gte}, or {@code null}
     * @param value           threshold of a threshold metric, or {@code null}
     * @param target          target in (0, 1), or {@code null} when {@code targetPercent} is given
     * @param targetPercent   target in percent, or {@code null}
     * @param timeSliceTarget slice target for Timeslices, or {@code null}
     * @param timeSliceWindow slice length (duration text or seconds), or {@code null}
     * @param indicator       an objective's own inline indicator (composite SLOs), or {@code null}
     * @param indicatorRef    an objective's own indicator by name, or {@code null}
     * @param compositeWeight weight in a composite SLO, or {@code null}
     * @param ratioMetrics    the v1alpha ratio metric of this objective, or {@code null}
     */
    public record Objective(@Nullable String displayName, @Nullable String op, @Nullable Double value,
                            @Nullable Double target, @Nullable Double targetPercent,
                            @Nullable Double timeSliceTarget, @Nullable String timeSliceWindow,
                            @Nullable SliDocument indicator,
                            @Nullable String indicatorRef, @Nullable Double compositeWeight,
                                    SliDocument.@Nullable RatioMetric ratioMetrics) {
    }

    /**
     * A time window: v1 writes {@code duration}, v1alpha {@code count} and {@code unit}.
     *
     * @param duration  v1 duration, e.g. {@code 28d}, or {@code null}
     * @param count     v1alpha count, or {@code null}
     * @param unit      v1alpha unit, e.g. {@code Day}, or {@code null}
     * @param isRolling whether the window rolls, or {@code null} (rolling when no calendar is given)
     * @param calendar  the calendar of a calendar-aligned window, or {@code null}
     */
    public record TimeWindowSpec(@Nullable String duration, @Nullable Integer count, @Nullable String unit,
                                 @Nullable Boolean isRolling,
                                 @Nullable CalendarSpec calendar) {
    }

    /**
     * The calendar of a calendar-aligned window.
     *
     * @param startTime e.g. {@code 2022-01-01 12:00:00}
     * @param timeZone  e.g. {@code America/New_York}
     */
    public record CalendarSpec(@Nullable String startTime, @Nullable String timeZone) {
    }

    /**
     * An alert policy of an SLO: by reference or inline, exactly one set.
     *
     * @param alertPolicyRef the name of an AlertPolicy document, or {@code null}
     * @param inline         the inline policy, or {@code null}
     */
    public record AlertPolicyEntry(@Nullable String alertPolicyRef, @Nullable AlertPolicyDocument inline) {
    }
}
