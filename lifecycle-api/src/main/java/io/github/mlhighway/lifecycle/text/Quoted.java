package io.github.mlhighway.lifecycle.text;

import org.jspecify.annotations.Nullable;

/**
 * Quotes a name, key or other untrusted text for an error message or a listing, so that what a user or a file
 * supplied can neither break the message nor flood it: the text is put in single quotes, control, format and
 * separator characters are escaped ({@code \n}, {@code \t}, {@code \0}, {@code \u202e}, …), a quote or backslash
 * inside is escaped, and text longer than {@value #MAX_SHOWN} characters is cut with an ellipsis and its length.
 *
 * <pre>{@code
 * Quoted.name("rain")              // 'rain'
 * Quoted.name("a\nb")              // 'a\nb'
 * Quoted.name("x".repeat(100_000)) // 'xxx…xxx…' (100000 characters)
 * }</pre>
 *
 * Every message of the library that echoes a name it was given goes through this one method.
 *
 * @since 0.1
 */
public final class Quoted {

    /** The most characters of the text shown before it is cut. */
    public static final int MAX_SHOWN = 80;

    private Quoted() {
    }

    /**
     * The text quoted, escaped and cut for a message.
     *
     * @param text the text, possibly null
     * @return {@code 'text'}, or {@code null} (without quotes) for null
     */
    public static String name(@Nullable CharSequence text) {
        if (text == null) {
            return "null";
        }
        int length = text.length();
        int shown = Math.min(length, MAX_SHOWN);
        if (shown < length && Character.isHighSurrogate(text.charAt(shown - 1))) {
            shown--;   // do not cut a character in two
        }
        StringBuilder out = new StringBuilder(shown + 16).append('\'');
        for (int i = 0; i < shown; i++) {
            escape(out, text.charAt(i), i + 1 < length ? text.charAt(i + 1) : 0, i > 0 ? text.charAt(i - 1) : 0);
        }
        if (shown < length) {
            out.append('\u2026').append('\'').append(" (").append(length).append(" characters)");
        } else {
            out.append('\'');
        }
        return out.toString();
    }

    private static void escape(StringBuilder out, char c, char next, char previous) {
        switch (c) {
            case '\'' -> out.append("\\'");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\0' -> out.append("\\0");
            default -> {
                boolean lonelySurrogate = Character.isHighSurrogate(c) ? !Character.isLowSurrogate(next)
                        : Character.isLowSurrogate(c) && !Character.isHighSurrogate(previous);
                if (Character.isISOControl(c) || lonelySurrogate || isInvisible(c)) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
    }

    private static boolean isInvisible(char c) {
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
    }
}
