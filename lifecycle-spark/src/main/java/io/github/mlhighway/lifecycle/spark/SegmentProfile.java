package io.github.mlhighway.lifecycle.spark;

import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The profile of one segment of a Dataset: the rows with the same values of the segment columns and, when a time
 * window was asked for, in the same window.
 *
 * @param key         segment column name to its value in text form ({@code String.valueOf}; "null" for null),
 *                    in the order the columns were given; empty when segmenting by time only
 * @param windowStart the window's start (inclusive), or null without a time window
 * @param windowEnd   the window's end (exclusive), or null without a time window
 * @param profile     the profile of the segment's rows (segment columns left out)
 * @since 0.1
 */
public record SegmentProfile(Map<String, String> key, @Nullable Instant windowStart, @Nullable Instant windowEnd,
        DatasetProfile profile) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException when key or profile is null
     */
    public SegmentProfile {
        key = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(key, "key")));
        Objects.requireNonNull(profile, "profile");
    }

    /** @return a readable name such as {@code location=Seattle, window=[2012-01-01T00:00:00Z, ...)} */
    public String describe() {
        StringBuilder text = new StringBuilder();
        key.forEach((name, value) -> text.append(text.length() == 0 ? "" : ", ").append(name).append('=')
                .append(value));
        if (windowStart != null) {
            text.append(text.length() == 0 ? "" : ", ").append("window=[").append(windowStart).append(", ")
                    .append(windowEnd).append(')');
        }
        return text.toString();
    }
}
