package io.github.mlhighway.lifecycle.core.pipeline;

import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.pipeline.RunRecord;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoreException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reading run records from a store: where they live and how they parse.
 *
 * @since 0.1
 */
public final class RunRecords {

    /** The collection of run records, one document per run id. */
    public static final String RUNS = "pipeline-runs";
    /** The collection of checkpointed stage outputs. */
    public static final String OUTPUTS = "pipeline-outputs";

    private RunRecords() {
    }

    /**
     * The key of a checkpointed stage output in {@link #OUTPUTS}: the SHA-256 of its encoded bytes (the
     * {@code outputDigest} of its stage record), so a checkpoint can never be overwritten with other content.
     *
     * @param outputDigest lowercase hex SHA-256
     * @return the key
     */
    public static String checkpointKey(String outputDigest) {
        return "sha256-" + outputDigest;
    }

    /**
     * Reads one run record.
     *
     * @param store the store
     * @param runId the run id
     * @return the record, or empty when there is no such run
     * @throws StoreException if the document exists but is not a run record
     */
    public static Optional<RunRecord> find(Store store, String runId) {
        return store.read(RUNS, runId).map(document -> parse(document.json(), runId));
    }

    /**
     * Reads every run record, in run id order.
     *
     * @param store the store
     * @return the records
     */
    public static List<RunRecord> all(Store store) {
        List<RunRecord> records = new ArrayList<>();
        for (String key : store.keys(RUNS)) {
            find(store, key).ifPresent(records::add);
        }
        return records;
    }

    static RunRecord parse(String json, String runId) {
        try {
            return Json.read(json, RunRecord.class);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new StoreException("Document " + RUNS + "/" + runId + " is not a run record: " + e.getMessage(), e);
        }
    }
}
