package io.github.mlhighway.lifecycle.core.data.profile;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;

/**
 * The cap on what a profile stores per value, so that every profile written can be read back: a category value
 * longer than the cap (a 19 MB cell, say) is stored in frequent items, category counts and histogram labels as
 * its first chars followed by the marker {@value #MARKER}{@code <length> chars, sha256 <16 hex digits>]}, e.g.
 * {@code "abc…[truncated: 19000000 chars, sha256 3f79bb7b435b0532]"}. The hash keeps two long values with the same
 * beginning apart; the distinct-count sketch sees the whole value.
 */
final class ProfileValues {

    /** What starts the marker of a truncated value. */
    public static final String MARKER = "…[truncated: ";

    private ProfileValues() {
    }

    /**
     * A value as a profile stores it.
     *
     * @param value     the value
     * @param maxLength the longest value stored as it is, in chars
     * @return the value, or its first chars (never half a surrogate pair) and the marker
     */
    public static String capped(String value, int maxLength) {
        if (value.length() <= maxLength) {
            return value;
        }
        int keep = maxLength;
        if (Character.isHighSurrogate(value.charAt(keep - 1))) {
            keep--;
        }
        String hash = Hashing.sha256().hashString(value, StandardCharsets.UTF_8).toString().substring(0, 16);
        return value.substring(0, keep) + MARKER + value.length() + " chars, sha256 " + hash + "]";
    }

    /**
     * @param stored a value read from a profile
     * @return whether it was truncated by {@link #capped(String, int)}
     */
    public static boolean isTruncated(String stored) {
        return stored.contains(MARKER) && stored.endsWith("]");
    }
}
