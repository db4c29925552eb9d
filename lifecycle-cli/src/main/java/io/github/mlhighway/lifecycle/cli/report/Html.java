package io.github.mlhighway.lifecycle.cli.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Escaping and formatting shared by the report's HTML and SVG. */
final class Html {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Html() {
    }

    /** Escapes text for element content and quoted attribute values; null becomes the empty string. */
    static String escape(@Nullable String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String time(@Nullable Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    static String shortTime(Instant instant) {
        return SHORT_TIME.format(instant);
    }

    /** A number for people: 4 significant digits, "-" for null. */
    static String number(@Nullable Double value) {
        if (value == null) {
            return "-";
        }
        double v = value;
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        String text = String.format(Locale.ROOT, "%.4g", v);
        if (text.contains(".") && !text.contains("e")) {
            text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return text;
    }

    /** A coordinate: one decimal, never NaN (callers guarantee finite input). */
    static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** A fraction as a percentage, e.g. 0.5 -> "50.0%". */
    static String percent(@Nullable Double fraction) {
        return fraction == null ? "-" : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }
}
