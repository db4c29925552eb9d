package io.github.mlhighway.lifecycle.core.slo.prometheus;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Settings of rule generation.
 *
 * @param extraLabels labels added to every rule (as Sloth's {@code --extra-labels}), sorted by name
 * @param version     the generator version written into {@code sloth_slo_info{sloth_version}}
 * @since 0.1
 */
public record RulesConfig(Map<String, String> extraLabels, String version) {

    /** No extra labels, version {@code dev}. */
    public static final RulesConfig DEFAULTS = new RulesConfig(Map.of(), "dev");

    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    /** Checks the label names and copies the map. */
    public RulesConfig {
        Objects.requireNonNull(version, "version");
        for (String name : extraLabels.keySet()) {
            requireLabelName(name);
        }
        extraLabels = Collections.unmodifiableMap(new TreeMap<>(extraLabels));
    }

    /**
     * The same settings with one more extra label.
     *
     * @param name  a Prometheus label name
     * @param value the value
     * @return the settings
     */
    public RulesConfig withLabel(String name, String value) {
        Map<String, String> labels = new TreeMap<>(extraLabels);
        labels.put(name, Objects.requireNonNull(value, "value"));
        return new RulesConfig(labels, version);
    }

    /**
     * The same settings with another version.
     *
     * @param value the version text
     * @return the settings
     */
    public RulesConfig withVersion(String value) {
        return new RulesConfig(extraLabels, value);
    }

    static void requireLabelName(String name) {
        if (!LABEL_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid Prometheus label name '" + name
                    + "': expected letters, digits and '_', not starting with a digit");
        }
    }
}
