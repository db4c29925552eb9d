package io.github.mlhighway.lifecycle.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.hash.Hashing;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.store.RevisionConflictException;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoreException;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The storage layout of report series: one document per series per UTC day in the report collection, keyed
 * {@code <kind>_<slug>_<hash>_<yyyy-MM-dd>} (the hash of the exact series identity keeps two series from sharing a
 * document), holding the exact series name and the day's points. A point replaces the point of the same identity
 * (its instant, plus kind and message for events). Writes are compare-and-set on the document revision.
 */
final class ReportChunks {

    /** The document format written; readers accept this one. */
    static final int FORMAT = 1;

    /** Series kinds, the first part of every key. */
    static final String SLO = "slo";
    static final String DRIFT = "drift";
    static final String EVALUATION = "eval";
    static final String EVENTS = "events";

    private static final int MAX_ATTEMPTS = 16;
    private static final int MAX_SLUG = 80;

    private ReportChunks() {
    }

    /**
     * One stored chunk.
     *
     * @param format the document format
     * @param kind   the series kind
     * @param series the exact series identity (SLO name, subject, "label/dataset", or "events")
     * @param day    the UTC day, ISO format
     * @param points the day's points, oldest first
     */
    record Chunk(int format, String kind, String series, String day, List<JsonNode> points) {

        Chunk {
            points = points == null ? List.of() : List.copyOf(points);
        }
    }

    /** Adds or replaces one point in its day's chunk. */
    static void upsert(Store store, String collection, String kind, String series, Instant at, Object point,
                       Function<JsonNode, String> identity) {
        JsonNode node = Json.mapper().valueToTree(point);
        String day = LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
        String key = key(kind, series, day);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<StoredDocument> stored = store.read(collection, key);
            Map<String, JsonNode> points = new LinkedHashMap<>();
            if (stored.isPresent()) {
                Chunk existing = parse(stored.get());
                if (!existing.series().equals(series) || !existing.kind().equals(kind)) {
                    throw new StoreException("Report document " + collection + "/" + key + " holds series '"
                            + existing.kind() + ":" + existing.series() + "', not '" + kind + ":" + series + "'");
                }
                for (JsonNode old : existing.points()) {
                    points.put(identity.apply(old), old);
                }
            }
            points.put(identity.apply(node), node);
            List<JsonNode> sorted = new ArrayList<>(points.values());
            sorted.sort(Comparator.comparing(ReportChunks::instantOf));
            String json = Json.write(new Chunk(FORMAT, kind, series, day, sorted));
            try {
                store.write(collection, key, json,
                        stored.map(StoredDocument::revision).orElse(Store.MUST_NOT_EXIST));
                return;
            } catch (RevisionConflictException e) {
                // another writer changed the day's chunk: merge again
            }
        }
        throw new StoreException("Could not record a " + kind + " point for '" + series + "' after " + MAX_ATTEMPTS
                + " attempts: the document " + collection + "/" + key + " keeps changing");
    }

    /** Every chunk of the collection, in key order. */
    static List<Chunk> readAll(Store store, String collection) {
        List<Chunk> chunks = new ArrayList<>();
        for (String key : store.keys(collection)) {
            store.read(collection, key).map(ReportChunks::parse).ifPresent(chunks::add);
        }
        return chunks;
    }

    static Chunk parse(StoredDocument document) {
        Chunk chunk;
        try {
            chunk = Json.read(document.json(), Chunk.class);
        } catch (RuntimeException e) {
            throw new StoreException("Report document " + document.collection() + "/" + document.key()
                    + " is not a report chunk: " + e.getMessage(), e);
        }
        if (chunk.format() != FORMAT || chunk.kind() == null || chunk.series() == null) {
            throw new StoreException("Report document " + document.collection() + "/" + document.key()
                    + " has format " + chunk.format() + " or no kind/series; this reader understands format "
                    + FORMAT);
        }
        return chunk;
    }

    /** The document key of a series' day: store-safe whatever the series identity. */
    static String key(String kind, String series, String day) {
        String slug = series.replaceAll("[^A-Za-z0-9._-]", "_").replace("..", "_");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG);
        }
        if (slug.endsWith(".")) {
            slug = slug.substring(0, slug.length() - 1) + "_";
        }
        String hash = Hashing.sha256().hashString(kind + "\n" + series, StandardCharsets.UTF_8).toString()
                .substring(0, 8);
        return kind + "_" + slug + "_" + hash + "_" + day;
    }

    static Instant instantOf(JsonNode point) {
        JsonNode at = point.get("at");
        Objects.requireNonNull(at, "a report point has no 'at'");
        return Instant.parse(at.asText());
    }

    /** The identity of a point: its instant (normalized, so "00Z" and "00.000Z" agree). */
    static String byInstant(JsonNode point) {
        return instantOf(point).toString();
    }

    /** The identity of an event: its instant, kind and message. */
    static String byInstantKindMessage(JsonNode point) {
        return byInstant(point) + "\n" + point.path("kind").asText() + "\n" + point.path("message").asText();
    }
}
