package io.github.mlhighway.lifecycle.core.data.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mlhighway.lifecycle.core.data.ColumnType;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.core.data.csv.InvalidUtf8Exception;
import io.github.mlhighway.lifecycle.core.data.csv.internal.Utf8Reader;
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
import org.jspecify.annotations.Nullable;

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
 *
 * @since 0.1
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

    private static void putBase64(ObjectNode node, String field, byte @Nullable [] bytes) {
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
        long rowCount = count(root, "rowCount", "profile");
        JsonNode columnsNode = requireField(root, "columns", "profile");
        if (!columnsNode.isArray()) {
            throw new ProfileFormatException("profile: field 'columns' must be an array, found "
                    + columnsNode.getNodeType());
        }
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
        if (!node.isObject()) {
            throw new ProfileFormatException("each column must be a JSON object, found " + node.getNodeType());
        }
        String name = requireField(node, "name", "column").asText();
        String where = "column '" + quoted(name) + "'";
        try {
            io.github.mlhighway.lifecycle.core.data.StringColumn.builder(name);
        } catch (IllegalArgumentException e) {
            throw new ProfileFormatException("column name '" + quoted(name) + "' is not valid: " + e.getMessage(), e);
        }
        ColumnType type;
        try {
            type = ColumnType.valueOf(requireField(node, "type", where).asText());
        } catch (IllegalArgumentException e) {
            throw new ProfileFormatException(where + ": unknown type " + node.get("type"), e);
        }
        ColumnProfile.State state = new ColumnProfile.State(name, type);
        state.count = count(node, "count", where);
        state.nullCount = count(node, "nullCount", where);
        state.nanCount = node.has("nanCount") ? count(node, "nanCount", where) : 0;
        state.infiniteCount = node.has("infiniteCount") ? count(node, "infiniteCount", where) : 0;
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
        state.frequentItemsMapSize = option(node, "frequentItemsMapSize", where,
                ProfileOptions.DEFAULT_FREQUENT_ITEMS_MAP_SIZE, b -> b.frequentItemsMapSize(
                (int) number(node, "frequentItemsMapSize", where, 8, 1 << 26)));
        JsonNode categories = node.get("categoryCounts");
        if (categories != null && categories.isObject()) {
            Map<String, Long> counts = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = categories.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                counts.put(field.getKey(), nonNegative(field.getValue(), where + ": category count"));
            }
            state.categoryCounts = counts;
        }
        state.categoryCap = option(node, "categoryCap", where, ProfileOptions.DEFAULT_CATEGORY_CAP,
                b -> b.categoryCap((int) number(node, "categoryCap", where, 1, Integer.MAX_VALUE)));
        JsonNode small = node.get("smallDomainCounts");
        if (small != null && small.isArray()) {
            Map<Double, Long> counts = new TreeMap<>();
            for (JsonNode entry : small) {
                JsonNode value = entry.get("value");
                if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
                    throw new ProfileFormatException(where + ": smallDomainCounts entries need a finite number "
                            + "'value', found " + entry);
                }
                counts.merge(value.asDouble() + 0.0, nonNegative(entry.get("count"), where
                        + ": small-domain count"), Long::sum);
            }
            state.smallDomainCounts = counts;
        }
        state.smallDomainCap = option(node, "smallDomainCap", where, ProfileOptions.DEFAULT_SMALL_DOMAIN_CAP,
                b -> b.smallDomainCap((int) number(node, "smallDomainCap", where, 0, 1024)));
        JsonNode fixed = node.get("fixedBins");
        if (fixed != null && fixed.isObject()) {
            double[] edges = new double[fixed.path("edges").size()];
            for (int i = 0; i < edges.length; i++) {
                edges[i] = fixed.path("edges").get(i).asDouble();
            }
            long[] counts = new long[fixed.path("counts").size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = nonNegative(fixed.path("counts").get(i), where + ": fixed bin count");
            }
            try {
                ProfileOptions.builder().fixedBins(name, edges);
                state.fixedBins = new FixedBins(edges, counts, nonNegative(fixed.get("underflow"), where
                        + ": underflow"), nonNegative(fixed.get("overflow"), where + ": overflow"));
            } catch (IllegalArgumentException e) {
                throw new ProfileFormatException(where + ": " + e.getMessage(), e);
            }
        }
        state.histogramBins = option(node, "histogramBins", where, ProfileOptions.DEFAULT_HISTOGRAM_BINS,
                b -> b.histogramBins((int) number(node, "histogramBins", where, 1, 1000)));
        try {
            return new ColumnProfile(state);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProfileFormatException(where + ": " + e.getMessage(), e);
        }
    }

    /** A setting: absent means the default; present, it must pass the option builder's own check. */
    private static int option(JsonNode node, String field, String where, int fallback,
            java.util.function.Consumer<ProfileOptions.Builder> check) {
        if (!node.has(field) || node.get(field).isNull()) {
            return fallback;
        }
        try {
            check.accept(ProfileOptions.builder());
        } catch (IllegalArgumentException e) {
            throw new ProfileFormatException(where + ": " + e.getMessage(), e);
        }
        return node.get(field).asInt();
    }

    /** An integral number in [min, max]. */
    private static long number(JsonNode node, String field, String where, long min, long max) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min
                || value.asLong() > max) {
            throw new ProfileFormatException(where + ": field '" + field + "' must be an integer in [" + min + ", "
                    + max + "], found " + value);
        }
        return value.asLong();
    }

    private static long count(JsonNode node, String field, String where) {
        requireField(node, field, where);
        return number(node, field, where, 0, Long.MAX_VALUE);
    }

    private static long nonNegative(JsonNode value, String what) {
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw new ProfileFormatException(what + " must be an integer >= 0, found " + value);
        }
        return value.asLong();
    }

    /** A name for a message: control characters escaped, at most 200 chars. */
    private static String quoted(String name) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < name.length() && text.length() < 200; i++) {
            char c = name.charAt(i);
            text.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return name.length() > 200 ? text + "…" : text.toString();
    }

    private static JsonNode requireField(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new ProfileFormatException(where + ": missing field '" + field + "'");
        }
        return value;
    }

    private static byte @Nullable [] base64(JsonNode node, String field, String where) {
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
