package io.github.mlhighway.lifecycle.core.slo.openslo;

import io.github.mlhighway.lifecycle.slo.CalendarUnit;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenSLO duration shorthand: a positive whole number and a unit, one of {@code s m h d w M Q Y}
 * (e.g. {@code 5m}, {@code 28d}, {@code 1M}), at most {@link #MAX} long: 106,751 days, the longest duration
 * Prometheus reads (about 292 years; a month counts 30 days, a quarter 90 and a year 365 for this check).
 *
 * @param amount the number, positive
 * @param unit   the unit letter
 * @since 0.1
 */
public record OpenSloDuration(long amount, char unit) {

    /** What a valid duration looks like, for messages. */
    public static final String EXPECTED = "a duration: a positive whole number and one of the units s, m, h, d, w, "
            + "M, Q, Y (e.g. 5m, 28d, 1M)";

    /** The longest duration: 106,751 days, where Prometheus durations (nanoseconds in 64 bits) end. */
    public static final Duration MAX = Duration.ofDays(106_751);
    /** {@link #MAX} for messages. */
    public static final String MAX_TEXT = "106751d (about 292 years, the longest duration Prometheus reads)";

    private static final Pattern FORMAT = Pattern.compile("([0-9]{1,9})([smhdwMQY])");

    /** Validates the amount and unit. */
    public OpenSloDuration {
        if (amount <= 0) {
            throw new IllegalArgumentException("A duration must be positive, was " + amount);
        }
        if ("smhdwMQY".indexOf(unit) < 0) {
            throw new IllegalArgumentException("Unknown duration unit '" + unit + "': expected s, m, h, d, w, M, Q or Y");
        }
        if (amount > MAX.getSeconds() / unitSeconds(unit)) {
            throw new IllegalArgumentException("found '" + amount + unit + "', expected at most " + MAX_TEXT);
        }
    }

    /**
     * Parses the shorthand.
     *
     * @param text e.g. {@code 28d}
     * @return the duration
     * @throws IllegalArgumentException with {@link #EXPECTED} when the text does not match, or when it is longer
     *                                  than {@link #MAX}
     */
    public static OpenSloDuration parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher matcher = FORMAT.matcher(text.trim());
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw new IllegalArgumentException("found " + SpecNode.quote(text) + ", expected " + EXPECTED);
        }
        return new OpenSloDuration(Long.parseLong(matcher.group(1)), matcher.group(2).charAt(0));
    }

    /** Seconds in one unit, with the nominal lengths M = 30d, Q = 90d, Y = 365d. */
    private static long unitSeconds(char unit) {
        return switch (unit) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3600;
            case 'd' -> 86_400;
            case 'w' -> 7 * 86_400;
            case 'M' -> 30 * 86_400;
            case 'Q' -> 90 * 86_400;
            default -> 365 * 86_400;
        };
    }

    /**
     * Whether the unit has a fixed length ({@code s m h d w}); months, quarters and years do not.
     *
     * @return true for a fixed length
     */
    public boolean isFixedLength() {
        return "smhdw".indexOf(unit) >= 0;
    }

    /**
     * The fixed length.
     *
     * @return the duration
     * @throws IllegalStateException for {@code M}, {@code Q} and {@code Y}
     */
    public Duration toDuration() {
        return switch (unit) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            case 'w' -> Duration.ofDays(7 * amount);
            default -> throw new IllegalStateException("'" + this + "' has no fixed length: a " + unit
                    + " is a calendar unit; use days (e.g. 30d) or a calendar window");
        };
    }

    /**
     * The calendar unit of a calendar window ({@code d w M Q Y}).
     *
     * @return the unit
     * @throws IllegalStateException for {@code s}, {@code m} and {@code h}
     */
    public CalendarUnit calendarUnit() {
        for (CalendarUnit candidate : CalendarUnit.values()) {
            if (candidate.openSloSuffix().charAt(0) == unit) {
                return candidate;
            }
        }
        throw new IllegalStateException("'" + this + "' is not a calendar unit: expected d, w, M, Q or Y");
    }

    @Override
    public String toString() {
        return amount + String.valueOf(unit);
    }
}
