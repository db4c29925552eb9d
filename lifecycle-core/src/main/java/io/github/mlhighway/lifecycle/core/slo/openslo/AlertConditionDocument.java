package io.github.mlhighway.lifecycle.core.slo.openslo;

import org.jspecify.annotations.Nullable;

/**
 * An OpenSLO {@code AlertCondition} document (or one written inline in an AlertPolicy, then {@code apiVersion}
 * is {@code null}).
 *
 * @param apiVersion the API version, {@code null} when inline
 * @param metadata   the metadata
 * @param spec       the spec
 * @since 0.1
 */
public record AlertConditionDocument(@Nullable String apiVersion, @Nullable Metadata metadata,
        Spec spec) implements OpenSloDocument {

    /** The kind name. */
    public static final String KIND = "AlertCondition";

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * The condition spec.
     *
     * @param description free text, or {@code null}
     * @param severity    e.g. {@code page} or {@code ticket}; {@code null} when missing (a problem of the reader)
     * @param condition   the burn-rate condition; {@code null} when missing or not an object (a problem of the reader)
     */
    public record Spec(@Nullable String description, @Nullable String severity, @Nullable Condition condition) {
    }

    /**
     * A burn-rate condition: fires when the burn rate over {@code lookbackWindow} compares with
     * {@code threshold} by {@code op}, for {@code alertAfter}.
     *
     * @param kind           {@code burnrate}
     * @param op             {@code gt} or {@code gte} (the reader accepts all four operators)
     * @param threshold      the burn-rate factor, positive
     * @param lookbackWindow the long window, e.g. {@code 1h}
     * @param alertAfter     how long the condition must hold, or {@code null}
     */
    public record Condition(@Nullable String kind, @Nullable String op, @Nullable Double threshold,
            @Nullable String lookbackWindow, @Nullable String alertAfter) {
    }
}
