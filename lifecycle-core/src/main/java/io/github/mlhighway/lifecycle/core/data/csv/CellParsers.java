package io.github.mlhighway.lifecycle.core.data.csv;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Strict parsing of cell text into the typed values of the table model. Each {@code is...} test is cheap and
 * does not throw; each {@code parse...} throws {@link IllegalArgumentException} for text that does not fit.
 */
final class CellParsers {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final int MAX_LONG_DIGITS = 19;

    private CellParsers() {
    }

    static boolean isLong(String text) {
        int start = !text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        int digits = text.length() - start;
        if (digits == 0 || digits > MAX_LONG_DIGITS) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        if (digits < MAX_LONG_DIGITS) {
            return true;
        }
        try {
            Long.parseLong(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static long parseLong(String text) {
        if (!isLong(text)) {
            throw new IllegalArgumentException("'" + text + "' is not a LONG (a 64-bit integer)");
        }
        return Long.parseLong(text);
    }

    /**
     * Decimal and scientific notation, and the spellings of NaN and the infinities that Java, Python (its csv
     * module and NumPy), pandas and R write: {@code NaN}, {@code nan}, {@code -nan}, {@code Infinity}, {@code inf},
     * {@code +inf}, {@code -Inf}, ... (any case, an optional sign).
     */
    static boolean isDouble(String text) {
        return nonFinite(text) != null || DECIMAL.matcher(text).matches();
    }

    static double parseDouble(String text) {
        Double special = nonFinite(text);
        if (special != null) {
            return special;
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a DOUBLE (a decimal number, NaN, Infinity or"
                    + " -Infinity)");
        }
        return Double.parseDouble(text);
    }

    /**
     * @return NaN or an infinity for one of their spellings (an optional sign, then {@code nan}, {@code inf} or
     *         {@code infinity} in any case), else null
     */
    static @Nullable Double nonFinite(String text) {
        int length = text.length();
        if (length < 3 || length > 9) {
            return null;
        }
        char first = text.charAt(0);
        boolean negative = first == '-';
        String word = first == '-' || first == '+' ? text.substring(1) : text;
        if (word.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        if (word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return null;
    }

    static boolean isBoolean(String text) {
        return "true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text);
    }

    static boolean parseBoolean(String text) {
        if (!isBoolean(text)) {
            throw new IllegalArgumentException("'" + text + "' is not a BOOLEAN (true or false)");
        }
        return "true".equalsIgnoreCase(text);
    }

    static boolean isTimestamp(String text) {
        if (text.length() < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return false;
        }
        try {
            toEpochMillis(text);
            return true;
        } catch (DateTimeException | ArithmeticException e) {
            return false;
        }
    }

    static long parseTimestamp(String text) {
        try {
            return toEpochMillis(text);
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not a TIMESTAMP (an ISO-8601 date, date-time or"
                    + " instant)", e);
        }
    }

    /** A plain date is midnight UTC; a date-time without offset is UTC; milliseconds are kept, finer digits not. */
    private static long toEpochMillis(String text) {
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from,
                LocalDateTime::from);
        if (parsed instanceof ZonedDateTime zoned) {
            return zoned.toInstant().toEpochMilli();
        }
        return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
