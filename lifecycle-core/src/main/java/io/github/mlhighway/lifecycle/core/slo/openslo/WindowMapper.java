package io.github.mlhighway.lifecycle.core.slo.openslo;

import io.github.mlhighway.lifecycle.slo.CalendarUnit;
import io.github.mlhighway.lifecycle.slo.TimeWindow;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Maps an OpenSLO time window and slice lengths to the engine's, rejecting what the engine cannot represent. */
final class WindowMapper {

    /** The slice length of a v1alpha Timeslices objective, which cannot say one. */
    static final Duration DEFAULT_ALPHA_SLICE = Duration.ofMinutes(1);

    private WindowMapper() {
    }

    /** The window of the SLO document, or {@code null} after reporting a problem. */
    static @Nullable TimeWindow window(Located<SloDocument> slo) {
        SloDocument.Spec spec = slo.value().spec();
        boolean alpha = OpenSloDocument.V1ALPHA.equals(slo.value().apiVersion());
        if (spec.timeWindows().isEmpty()) {
            slo.problem(alpha ? "spec.timeWindows" : "spec.timeWindow", "missing, expected a list with exactly one "
                    + "time window: Lifecycle needs the window to track the SLO (the OpenSLO SDK reads an SLO without "
                    + "one, but cannot judge it either)");
            return null;
        }
        if (spec.timeWindows().size() != 1) {
            return null;
        }
        String path = (alpha ? "spec.timeWindows" : "spec.timeWindow") + "[0]";
        SloDocument.TimeWindowSpec window = spec.timeWindows().get(0);
        String field = alpha ? path + ".unit" : path + ".duration";
        OpenSloDuration duration = alpha
                ? new OpenSloDuration(Objects.requireNonNull(window.count()), Objects.requireNonNull(OpenSloUnits.letter(Objects.requireNonNull(window.unit()))))
                : OpenSloDuration.parse(Objects.requireNonNull(window.duration()));
        boolean rolling = window.calendar() == null && !Boolean.FALSE.equals(window.isRolling());
        if (rolling) {
            if (!duration.isFixedLength()) {
                slo.problem(field, "found '" + duration + "' on a rolling window, expected a fixed length (s, m, h, "
                        + "d or w, e.g. 30d): months, quarters and years vary in length; for calendar months use "
                        + "isRolling: false with a calendar");
                return null;
            }
            return TimeWindow.rolling(duration.toDuration());
        }
        CalendarUnit unit;
        if (duration.unit() == 'm') {
            slo.warning(field, "read '" + duration + "' on a calendar window as " + duration.amount()
                    + " month(s): calendar-aligned minutes mean nothing; write " + duration.amount() + "M");
            unit = CalendarUnit.MONTH;
        } else if (duration.unit() == 's' || duration.unit() == 'h') {
            slo.problem(field, "found '" + duration + "' on a calendar window, expected a calendar unit: d, w, M, Q "
                    + "or Y (e.g. 1M)");
            return null;
        } else {
            unit = duration.calendarUnit();
        }
        if (duration.amount() > Integer.MAX_VALUE) {
            slo.problem(field, "found '" + duration + "', expected a smaller count");
            return null;
        }
        SloDocument.CalendarSpec calendar = Objects.requireNonNull(window.calendar());
        String startText = Objects.requireNonNull(calendar.startTime());
        LocalDateTime start = OpenSloTimes.parseStart(startText);
        if (start == null) {
            // The reader checks the form; only a document built in code gets here.
            slo.problem(path + ".calendar.startTime", "found " + SpecNode.quote(startText)
                    + ", expected a start time like 2022-01-01 12:00:00");
            return null;
        }
        return new TimeWindow.Calendar((int) duration.amount(), unit, start,
                ZoneId.of(Objects.requireNonNull(calendar.timeZone())));
    }

    /** The slice length of an objective, or {@code null} after reporting a problem. */
    static @Nullable Duration slice(Located<SloDocument> slo, int i, @Nullable String text) {
        String path = "spec.objectives[" + i + "].timeSliceWindow";
        if (text == null) {
            slo.warning(path, "missing (v1alpha has no timeSliceWindow), read as " + DEFAULT_ALPHA_SLICE.toMinutes()
                    + "m: write budgetingMethod Occurrences, or apiVersion openslo/v1 with a timeSliceWindow, to choose");
            return DEFAULT_ALPHA_SLICE;
        }
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            long seconds = text.length() > 18 ? Long.MAX_VALUE : Long.parseLong(text);
            if (seconds <= 0 || seconds > OpenSloDuration.MAX.getSeconds()) {
                slo.problem(path, "found " + SpecNode.quote(text) + ", expected a positive whole number of seconds, at "
                        + "most " + OpenSloDuration.MAX.getSeconds());
                return null;
            }
            return Duration.ofSeconds(seconds);
        }
        OpenSloDuration duration = OpenSloDuration.parse(text);
        if (!duration.isFixedLength()) {
            slo.problem(path, "found '" + duration + "', expected a fixed length (s, m, h, d or w, e.g. 1m)");
            return null;
        }
        return duration.toDuration();
    }

    /** A fixed-length duration at a path, or {@code null} after reporting a problem. */
    static @Nullable Duration fixed(Located<?> where, String path, String text) {
        OpenSloDuration duration = OpenSloDuration.parse(text);
        if (!duration.isFixedLength()) {
            where.problem(path, "found '" + duration + "', expected a fixed length (s, m, h, d or w, e.g. 1h)");
            return null;
        }
        return duration.toDuration();
    }
}
