package io.github.mlhighway.lifecycle.core.slo.openslo;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Parses calendar start times: {@code 2022-01-01 12:00:00} as OpenSLO writes them, or ISO {@code T} form. */
final class OpenSloTimes {

    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private OpenSloTimes() {
    }

    /** The local start time, or {@code null} when the text is neither form. */
    static @Nullable LocalDateTime parseStart(String text) {
        try {
            return LocalDateTime.parse(text.trim(), SPACED);
        } catch (DateTimeParseException spaced) {
            try {
                return LocalDateTime.parse(text.trim());
            } catch (DateTimeParseException iso) {
                return null;
            }
        }
    }
}
