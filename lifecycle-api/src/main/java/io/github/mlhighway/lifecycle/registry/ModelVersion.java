package io.github.mlhighway.lifecycle.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One registered, immutable version of a named model.
 *
 * @param model      the model's name
 * @param version    1 for the first version, then 2, 3, …
 * @param createdAt  when it was registered (from the registry's clock)
 * @param parameters training parameters, by name
 * @param metrics    evaluation metrics, by name; always finite
 * @param tags       free-form labels
 * @param artifacts  its files, by content digest
 * @param lineage    what it came from
 * @param idempotencyKey the key it was registered under ({@link NewModelVersion#idempotencyKey()}), or null
 * @since 0.1
 */
public record ModelVersion(String model, int version, Instant createdAt, Map<String, String> parameters,
                           Map<String, Double> metrics, Map<String, String> tags, List<ArtifactRef> artifacts,
                           List<LineageRef> lineage, @Nullable String idempotencyKey) {

    /**
     * Validates and defensively copies the components (maps sorted by key).
     *
     * @throws IllegalArgumentException if the version is below 1
     */
    public ModelVersion {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(createdAt, "createdAt");
        if (version < 1) {
            throw new IllegalArgumentException("Model " + model + " version must be >= 1, was " + version);
        }
        parameters = sorted(parameters);
        metrics = sorted(metrics);
        tags = sorted(tags);
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        lineage = lineage == null ? List.of() : List.copyOf(lineage);
    }

    /**
     * A version registered without an idempotency key.
     *
     * @param model      the model's name
     * @param version    its number
     * @param createdAt  when it was registered
     * @param parameters training parameters
     * @param metrics    evaluation metrics
     * @param tags       free-form labels
     * @param artifacts  its files
     * @param lineage    what it came from
     */
    public ModelVersion(String model, int version, Instant createdAt, Map<String, String> parameters,
                        Map<String, Double> metrics, Map<String, String> tags, List<ArtifactRef> artifacts,
                        List<LineageRef> lineage) {
        this(model, version, createdAt, parameters, metrics, tags, artifacts, lineage, null);
    }

    /**
     * The reference {@code model@version}.
     *
     * @return the reference
     */
    public ModelRef ref() {
        return ModelRef.ofVersion(model, version);
    }

    /**
     * An artifact by name.
     *
     * @param name the file name within the version
     * @return the artifact, or empty
     */
    public Optional<ArtifactRef> artifact(String name) {
        return artifacts.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
