package io.github.mlhighway.lifecycle.core.slo.openslo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A DataSource, Service or AlertNotificationTarget document, kept whole: Lifecycle does not interpret these
 * kinds (except a DataSource's {@code spec.type}), but reads and writes them unchanged.
 *
 * @param apiVersion the API version
 * @param kind       one of {@link #KINDS}
 * @param metadata   the metadata
 * @param spec       the spec as written, or {@code null}
 * @since 0.1
 */
public record OtherDocument(String apiVersion, String kind, Metadata metadata, @Nullable JsonNode spec)
        implements OpenSloDocument {

    /** The kinds kept without interpretation. */
    public static final Set<String> KINDS = Set.of("DataSource", "Service", "AlertNotificationTarget");

    /** Checks the kind. */
    public OtherDocument {
        Objects.requireNonNull(kind, "kind");
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("Kind '" + kind + "' is not one of " + KINDS);
        }
    }
}
