package io.github.mlhighway.lifecycle.core.slo.openslo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * OpenSLO {@code metadata}.
 *
 * @param name        the name (required)
 * @param displayName the display name, or {@code null}
 * @param labels      labels; each value is a {@code String} or a {@code List<String>}, as OpenSLO allows
 * @param annotations annotations
 * @since 0.1
 */
public record Metadata(String name, @Nullable String displayName, Map<String, Object> labels,
        Map<String, String> annotations) {

    /** Copies the maps, keeping their order. */
    public Metadata {
        Objects.requireNonNull(name, "name");
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels == null ? Map.of() : labels));
        for (Map.Entry<String, Object> label : labels.entrySet()) {
            if (!(label.getValue() instanceof String) && !(label.getValue() instanceof List)) {
                throw new IllegalArgumentException("Label '" + label.getKey() + "' must be text or a list of text");
            }
        }
        annotations = Collections.unmodifiableMap(new LinkedHashMap<>(annotations == null ? Map.of() : annotations));
    }

    /**
     * Metadata with only a name.
     *
     * @param name the name
     * @return the metadata
     */
    public static Metadata named(String name) {
        return new Metadata(name, null, Map.of(), Map.of());
    }
}
