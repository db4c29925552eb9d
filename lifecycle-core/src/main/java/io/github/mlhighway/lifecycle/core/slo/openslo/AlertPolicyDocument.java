package io.github.mlhighway.lifecycle.core.slo.openslo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An OpenSLO {@code AlertPolicy} document (or one written inline in an SLO, then {@code apiVersion} is
 * {@code null}).
 *
 * @param apiVersion the API version, {@code null} when inline
 * @param metadata   the metadata
 * @param spec       the spec
 * @since 0.1
 */
public record AlertPolicyDocument(@Nullable String apiVersion, @Nullable Metadata metadata,
        Spec spec) implements OpenSloDocument {

    /** The kind name. */
    public static final String KIND = "AlertPolicy";

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * The alert policy spec.
     *
     * @param description         free text, or {@code null}
     * @param alertWhenNoData     alert when there is no data, or {@code null}
     * @param alertWhenResolved   notify on resolution, or {@code null}
     * @param alertWhenBreaching  alert when breaching, or {@code null}
     * @param conditions          the conditions, inline or by reference
     * @param notificationTargets notification targets, kept as written
     */
    public record Spec(@Nullable String description, @Nullable Boolean alertWhenNoData,
                       @Nullable Boolean alertWhenResolved,
                       @Nullable Boolean alertWhenBreaching, List<ConditionEntry> conditions,
                       List<JsonNode> notificationTargets) {
        /** Copies the lists. */
        public Spec {
            conditions = List.copyOf(conditions);
            notificationTargets = List.copyOf(notificationTargets);
        }
    }

    /**
     * A condition of a policy: by reference or inline, exactly one set.
     *
     * @param conditionRef the name of an AlertCondition document, or {@code null}
     * @param inline       the inline condition, or {@code null}
     */
    public record ConditionEntry(@Nullable String conditionRef, @Nullable AlertConditionDocument inline) {
    }
}
