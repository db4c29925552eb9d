package io.github.mlhighway.lifecycle.core.data.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mlhighway.lifecycle.core.data.ColumnType;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.core.data.csv.InvalidUtf8Exception;
import io.github.mlhighway.lifecycle.core.data.csv.Utf8Reader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;

/**
 * Versioned JSON form of a {@link DatasetProfile}. Format version {@value #FORMAT_VERSION}:
 *
 * <pre>{@code
 * {"formatVersion":1,"rowCount":1461,"columns":[{"name":"wind","type":"DOUBLE","count":1461,"nullCount":0,
 *   "nanCount":0,"infiniteCount":0,"moments":{"count":1461,"mean":3.24,"m2":3018.3,"min":0.4,"max":9.5},
 *   "kll":"<base64>","hll":"<base64>","frequentItems":null,"frequentItemsMapSize":128,"categoryCounts":null,
 *   "categoryCap":1000,"smallDomainCounts":null,"smallDomainCap":32,"fixedBins":null,"histogramBins":10,
 *   "summary":{"distinctEstimate":79.0,"distinctLowerBound":79.0,"distinctUpperBound":79.01,"rankError":0.0068,
 *     "quantiles":{"0.0":0.4,"0.5":3.0,"1.0":9.5},
 *     "histogram":{"bins":[{"label":"[0.4, 1.6)","lower":0.4,"upper":1.6,"count":122}],"exact":false,
 *       "source":"quantiles"}}}]}
 * }</pre>
 *
 * (Seattle's wind, the sketches, quantiles and histogram bins shortened.) Sketches are base64 of their compact DataSketches byte form (KLL doubles, HLL, frequent items of strings).
 * The {@code summary} object (quantiles, distinct estimate, histogram) is written for people and ignored on
 * reading: everything is re-derived from the sketches.
 */
public final class ProfileJson {

    /** The format version this library writes and reads. */
    public static final int FORMAT_VERSION = 1;

    private static final double[] SUMMARY_RANKS = {0.0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1.0};

    private ProfileJson() {
    }

    /**
     * Serializes a profile.
     *
     * @param profile the profile
     * @return JSON text
     */
    public static String write(DatasetProfile profile) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("rowCount", profile.rowCount());
        ArrayNode columns = root.putArray("columns");
        for (ColumnProfile column : profile.columns()) {
            columns.add(writeColumn(column));
        }
        try {
            return Json.mapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize profile: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectNode writeColumn(ColumnProfile column) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("name", column.name());
        node.put("type", column.type().name());
        node.put("count", column.count());
        node.put("nullCount", column.nullCount());
        node.put("nanCount", column.nanCount());
        node.put("infiniteCount", column.infiniteCount());
        column.moments().ifPresentOrElse(m -> {
            ObjectNode moments = node.putObject("moments");
            moments.put("count", m.count());
            moments.put("mean", m.mean());
            moments.put("m2", m.m2());
            moments.put("min", m.min());
            moments.put("max", m.max());
        }, () -> node.putNull("moments"));
        putBase64(node, "kll", column.quantilesBytes());
        putBase64(node, "hll", column.distinctBytes());
        putBase64(node, "frequentItems", column.frequentItemsBytes());
        node.put("frequentItemsMapSize", column.frequentItemsMapSize());
        Map<String, Long> categories = column.categoryCounts().orElse(null);
        if (categories == null) {
            node.putNull("categoryCounts");
        } else {
            ObjectNode counts = node.putObject("categoryCounts");
            categories.forEach(counts::put);
        }
        node.put("categoryCap", column.categoryCap());
        Map<Double, Long> small = column.smallDomainCounts().orElse(null);
        if (small == null) {
            node.putNull("smallDomainCounts");
        } else {
            ArrayNode values = node.putArray("smallDomainCounts");
            small.forEach((value, n) -> values.addObject().put("value", value).put("count", n));
        }
        node.put("smallDomainCap", column.smallDomainCap());
        FixedBins bins = column.fixedBins();
        if (bins == null) {
            node.putNull("fixedBins");
        } else {
            ObjectNode fixed = node.putObject("fixedBins");
            ArrayNode edges = fixed.putArray("edges");
            for (double edge : bins.edges()) {
                edges.add(edge);
            }
            ArrayNode counts = fixed.putArray("counts");
            for (long n : bins.counts()) {
                counts.add(n);
            }
            fixed.put("underflow", bins.underflow());
            fixed.put("overflow", bins.overflow());
        }
        node.put("histogramBins", column.histogramBins());
        node.set("summary", summary(column));
        return node;
    }

    private static ObjectNode summary(ColumnProfile column) {
        ObjectNode summary = Json.mapper().createObjectNode();
        summary.put("distinctEstimate", column.distinctEstimate());
        summary.put("distinctLowerBound", column.distinctLowerBound());
        summary.put("distinctUpperBound", column.distinctUpperBound());
        if (column.isNumeric()) {
            summary.put("rankError", column.rankError());
            ObjectNode quantiles = summary.putObject("quantiles");
            for (double rank : SUMMARY_RANKS) {
                column.quantile(rank).ifPresent(q -> quantiles.put(Double.toString(rank), q));
            }
        } else {
            summary.put("categoryCapExceeded", column.categoryCapExceeded());
        }
        summary.set("histogram", Json.mapper().valueToTree(column.histogram()));
        return summary;
    }

    private static void putBase64(ObjectNode node, String field, byte[] bytes) {
        if (bytes == null) {
            node.putNull(field);
        } else {
            node.put(field, Base64.getEncoder().encodeToString(bytes));
        }
    }

    /**
     * Reads a profile.
     *
     * @param json JSON text written by {@link #write(DatasetProfile)}
     * @return the profile
     * @throws ProfileFormatException for invalid JSON, an unknown format version, a missing field or a corrupt
     *                                sketch, naming the column
     */
    public static DatasetProfile read(String json) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new ProfileFormatException("Profile is not valid JSON" + at + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ProfileFormatException("Profile JSON must be an object with formatVersion, rowCount and columns");
        }
        JsonNode version = root.get("formatVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new ProfileFormatException("Profile JSON has no formatVersion; expected " + FORMAT_VERSION);
        }
        if (version.asInt() != FORMAT_VERSION) {
            throw new ProfileFormatException("Unsupported profile formatVersion " + version.asText()
                    + "; this library reads version " + FORMAT_VERSION);
        }
        long rowCount = requireField(root, "rowCount", "profile").asLong();
        JsonNode columnsNode = requireField(root, "columns", "profile");
        List<ColumnProfile> columns = new ArrayList<>();
        for (JsonNode node : columnsNode) {
            columns.add(readColumn(node));
        }
        try {
            return new DatasetProfile(rowCount, columns);
        } catch (IllegalArgumentException e) {
            throw new ProfileFormatException("Inconsistent profile: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a profile from a UTF-8 file.
     *
     * @param file a file written from {@link #write(DatasetProfile)}
     * @return the profile
     * @throws ProfileFormatException for text that is not UTF-8 (naming line and byte offset) or not a profile;
     *                                the message starts with the file
     * @throws UncheckedIOException   if the file cannot be read
     */
    public static DatasetProfile read(Path file) {
        StringBuilder text = new StringBuilder();
        try (Reader reader = new Utf8Reader(Files.newInputStream(file))) {
            char[] buffer = new char[8192];
            int n;
            while ((n = reader.read(buffer)) >= 0) {
                text.append(buffer, 0, n);
            }
        } catch (InvalidUtf8Exception e) {
            throw new ProfileFormatException(file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
        try {
            return read(text.toString());
        } catch (ProfileFormatException e) {
            throw new ProfileFormatException(file + ": " + e.getMessage(), e);
        }
    }

    private static ColumnProfile readColumn(JsonNode node) {
        String name = requireField(node, "name", "column").asText();
        String where = "column '" + name + "'";
        ColumnType type;
        try {
            type = ColumnType.valueOf(requireField(node, "type", where).asText());
        } catch (IllegalArgumentException e) {
            throw new ProfileFormatException(where + ": unknown type " + node.get("type"), e);
        }
        ColumnProfile.State state = new ColumnProfile.State(name, type);
        state.count = requireField(node, "count", where).asLong();
        state.nullCount = requireField(node, "nullCount", where).asLong();
        state.nanCount = node.path("nanCount").asLong(0);
        state.infiniteCount = node.path("infiniteCount").asLong(0);
        JsonNode moments = node.get("moments");
        try {
            if (moments != null && !moments.isNull()) {
                state.moments = new Moments(moments.path("count").asLong(), moments.path("mean").asDouble(),
                        moments.path("m2").asDouble(), moments.path("min").asDouble(), moments.path("max").asDouble());
            }
            byte[] kll = base64(node, "kll", where);
            if (kll != null) {
                state.quantiles = KllDoublesSketch.heapify(Memory.wrap(kll));
            }
            byte[] hll = base64(node, "hll", where);
            if (hll == null) {
                throw new ProfileFormatException(where + ": missing hll sketch");
            }
            state.distinct = HllSketch.heapify(hll);
            byte[] items = base64(node, "frequentItems", where);
            if (items != null) {
                state.frequentItems = ItemsSketch.getInstance(Memory.wrap(items), new ArrayOfStringsSerDe());
            }
        } catch (ProfileFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProfileFormatException(where + ": corrupt sketch or moments: " + e.getMessage(), e);
        }
        state.frequentItemsMapSize = node.path("frequentItemsMapSize").asInt(ProfileOptions.DEFAULT_FREQUENT_ITEMS_MAP_SIZE);
        JsonNode categories = node.get("categoryCounts");
        if (categories != null && categories.isObject()) {
            Map<String, Long> counts = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = categories.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                counts.put(field.getKey(), field.getValue().asLong());
            }
            state.categoryCounts = counts;
        }
        state.categoryCap = node.path("categoryCap").asInt(ProfileOptions.DEFAULT_CATEGORY_CAP);
        JsonNode small = node.get("smallDomainCounts");
        if (small != null && small.isArray()) {
            Map<Double, Long> counts = new TreeMap<>();
            for (JsonNode entry : small) {
                counts.put(entry.path("value").asDouble(), entry.path("count").asLong());
            }
            state.smallDomainCounts = counts;
        }
        state.smallDomainCap = node.path("smallDomainCap").asInt(ProfileOptions.DEFAULT_SMALL_DOMAIN_CAP);
        JsonNode fixed = node.get("fixedBins");
        if (fixed != null && fixed.isObject()) {
            double[] edges = new double[fixed.path("edges").size()];
            for (int i = 0; i < edges.length; i++) {
                edges[i] = fixed.path("edges").get(i).asDouble();
            }
            long[] counts = new long[fixed.path("counts").size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = fixed.path("counts").get(i).asLong();
            }
            try {
                state.fixedBins = new FixedBins(edges, counts, fixed.path("underflow").asLong(),
                        fixed.path("overflow").asLong());
            } catch (IllegalArgumentException e) {
                throw new ProfileFormatException(where + ": " + e.getMessage(), e);
            }
        }
        state.histogramBins = node.path("histogramBins").asInt(ProfileOptions.DEFAULT_HISTOGRAM_BINS);
        try {
            return new ColumnProfile(state);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProfileFormatException(where + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode requireField(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new ProfileFormatException(where + ": missing field '" + field + "'");
        }
        return value;
    }

    private static byte[] base64(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(value.asText());
        } catch (IllegalArgumentException e) {
            throw new ProfileFormatException(where + ": field '" + field + "' is not base64: " + e.getMessage(), e);
        }
    }
}
