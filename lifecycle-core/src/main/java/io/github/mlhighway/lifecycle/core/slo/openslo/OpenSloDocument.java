package io.github.mlhighway.lifecycle.core.slo.openslo;

import org.jspecify.annotations.Nullable;

/**
 * One OpenSLO YAML document ({@code apiVersion}, {@code kind}, {@code metadata}, {@code spec}).
 *
 * @since 0.1
 */
public sealed interface OpenSloDocument
        permits SloDocument, SliDocument, AlertPolicyDocument, AlertConditionDocument, OtherDocument {

    /** The v1 API version. */
    String V1 = "openslo/v1";
    /** The v1alpha API version, as Sloth's examples use it. */
    String V1ALPHA = "openslo/v1alpha";

    /**
     * The API version, {@link #V1} or {@link #V1ALPHA}; {@code null} for a document written inline in another.
     *
     * @return the API version
     */
    String apiVersion();

    /**
     * The kind, e.g. {@code SLO}.
     *
     * @return the kind
     */
    String kind();

    /**
     * The metadata.
     *
     * @return the metadata; {@code null} only for a v1alpha inline indicator
     */
    Metadata metadata();

    /**
     * The document's name.
     *
     * @return {@code metadata.name}, or {@code null} without metadata
     */
    default @Nullable String name() {
        return metadata() == null ? null : metadata().name();
    }
}
