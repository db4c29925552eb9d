package io.github.mlhighway.lifecycle.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads an age such as {@code 0}, {@code 90s}, {@code 30m}, {@code 1h}, {@code 2d} or ISO-8601 {@code PT1H}. */
final class AgeConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})([smhd]?)");

    @Override
    public Duration convert(String value) {
        Matcher simple = SIMPLE.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            return switch (simple.group(2)) {
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofSeconds(amount);
            };
        }
        try {
            Duration duration = Duration.parse(value.trim());
            if (!duration.isNegative()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new CommandLine.TypeConversionException("not an age: " + io.github.mlhighway.lifecycle.text.Quoted
                .name(value) + " (use e.g. 0, 90s, 30m, 1h, 2d or PT1H)");
    }
}
