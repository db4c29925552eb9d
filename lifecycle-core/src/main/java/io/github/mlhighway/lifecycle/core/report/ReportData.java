package io.github.mlhighway.lifecycle.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoreException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything a {@link ReportRecorder} wrote into a store, read back as immutable records.
 *
 * @param slos        one series per SLO, by name
 * @param drift       one series per drift subject, by subject
 * @param evaluations every evaluation, oldest first (then by label and dataset)
 * @param events      every timeline event, oldest first
 * @since 0.1
 */
public record ReportData(List<SloSeries> slos, List<DriftSeries> drift, List<EvaluationPoint> evaluations,
                         List<EventPoint> events) {

    /** Copies the components. */
    public ReportData {
        slos = List.copyOf(slos);
        drift = List.copyOf(drift);
        evaluations = List.copyOf(evaluations);
        events = List.copyOf(events);
    }

    /** @return data with no series at all */
    public static ReportData empty() {
        return new ReportData(List.of(), List.of(), List.of(), List.of());
    }

    /**
     * Reads every series of the {@value ReportRecorder#COLLECTION} collection.
     *
     * @param store the store
     * @return the data; empty lists when nothing was recorded
     * @throws StoreException if a report document cannot be read or is not a report chunk
     */
    public static ReportData read(Store store) {
        Objects.requireNonNull(store, "store");
        Map<String, List<SloPoint>> slos = new TreeMap<>();
        Map<String, List<DriftPoint>> drift = new TreeMap<>();
        List<EvaluationPoint> evaluations = new ArrayList<>();
        List<EventPoint> events = new ArrayList<>();
        for (ReportChunks.Chunk chunk : ReportChunks.readAll(store, ReportRecorder.COLLECTION)) {
            for (JsonNode node : chunk.points()) {
                switch (chunk.kind()) {
                    case ReportChunks.SLO -> slos.computeIfAbsent(chunk.series(), k -> new ArrayList<>())
                            .add(convert(node, SloPoint.class, chunk));
                    case ReportChunks.DRIFT -> drift.computeIfAbsent(chunk.series(), k -> new ArrayList<>())
                            .add(convert(node, DriftPoint.class, chunk));
                    case ReportChunks.EVALUATION -> evaluations.add(convert(node, EvaluationPoint.class, chunk));
                    case ReportChunks.EVENTS -> events.add(convert(node, EventPoint.class, chunk));
                    default -> {
                        // a kind written by a newer recorder: skip it, as unknown JSON properties are skipped
                    }
                }
            }
        }
        List<SloSeries> sloSeries = new ArrayList<>();
        slos.forEach((name, points) -> {
            points.sort(Comparator.comparing(SloPoint::at));
            sloSeries.add(new SloSeries(name, points));
        });
        List<DriftSeries> driftSeries = new ArrayList<>();
        drift.forEach((subject, points) -> {
            points.sort(Comparator.comparing(DriftPoint::at));
            driftSeries.add(new DriftSeries(subject, points));
        });
        evaluations.sort(Comparator.comparing(EvaluationPoint::at).thenComparing(EvaluationPoint::label)
                .thenComparing(EvaluationPoint::dataset));
        events.sort(Comparator.comparing(EventPoint::at));
        return new ReportData(sloSeries, driftSeries, evaluations, events);
    }

    /** @return whether nothing at all was recorded */
    public boolean isEmpty() {
        return slos.isEmpty() && drift.isEmpty() && evaluations.isEmpty() && events.isEmpty();
    }

    private static <T> T convert(JsonNode node, Class<T> type, ReportChunks.Chunk chunk) {
        try {
            return Json.mapper().treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new StoreException("Report series " + chunk.kind() + ":" + chunk.series() + " of " + chunk.day()
                    + " holds a point that is not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
