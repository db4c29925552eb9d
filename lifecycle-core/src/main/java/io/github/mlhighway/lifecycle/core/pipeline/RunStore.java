package io.github.mlhighway.lifecycle.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.core.pipeline.internal.Digests;
import io.github.mlhighway.lifecycle.pipeline.Codec;
import io.github.mlhighway.lifecycle.pipeline.PipelineException;
import io.github.mlhighway.lifecycle.pipeline.RunRecord;
import io.github.mlhighway.lifecycle.store.RevisionConflictException;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * One run's documents: its record, written by compare-and-set so two runners of one run id cannot both proceed,
 * and its checkpointed outputs. Checkpoints are content-addressed: an output document is stored under the
 * SHA-256 of the encoded bytes ({@link #outputKey(String)}), holds the bytes (as text for JSON codecs, base64
 * otherwise) with that digest, and is checked again when read back. A stale runner of the same run id can
 * therefore never overwrite the checkpoint the winning runner's record points at: different bytes go to a
 * different key, and identical bytes leave the document's content unchanged.
 *
 * <p>Saves clear the thread's interrupt flag for the duration of the write and restore it afterwards, so a stage
 * cancelled by interruption still gets its final status written (an interrupted {@code FileChannel} would
 * otherwise refuse the write and leave the run RUNNING).
 */
final class RunStore {

    private final Store store;
    private final String runId;
    private long revision = Store.MUST_NOT_EXIST;

    RunStore(Store store, String runId) {
        this.store = store;
        this.runId = runId;
    }

    Optional<RunRecord> load() {
        Optional<StoredDocument> document = store.read(RunRecords.RUNS, runId);
        document.ifPresent(found -> revision = found.revision());
        return document.map(found -> RunRecords.parse(found.json(), runId));
    }

    void save(RunRecord record) {
        boolean interrupted = Thread.interrupted();
        try {
            revision = store.write(RunRecords.RUNS, runId, Json.write(record), revision).revision();
        } catch (RevisionConflictException e) {
            throw new PipelineException("Run '" + runId + "' was changed by another runner while this one ran it "
                    + "(revision " + e.actualRevision() + ", expected " + e.expectedRevision() + "); stopping", e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void saveOutput(int index, String stage, Codec<?> codec, byte[] bytes, String digest) {
        if (!Digests.sha256(bytes).equals(digest)) {
            throw new IllegalArgumentException("digest " + digest + " is not the SHA-256 of the output of " + stage);
        }
        ObjectNode document = Json.mapper().createObjectNode();
        document.put("sha256", digest);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (Codec.JSON.equals(codec.mediaType()) && java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8),
                bytes)) {
            document.put("text", text);
        } else {
            document.put("base64", Base64.getEncoder().encodeToString(bytes));
        }
        boolean interrupted = Thread.interrupted();
        try {
            store.put(RunRecords.OUTPUTS, outputKey(digest), Json.write(document));
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    byte[] loadOutput(int index, String stage, String expectedDigest) {
        String key = outputKey(expectedDigest);
        Optional<StoredDocument> found = store.read(RunRecords.OUTPUTS, key);
        if (found.isEmpty()) {
            key = legacyOutputKey(index);
            found = store.read(RunRecords.OUTPUTS, key);
        }
        String where = key;
        StoredDocument document = found.orElseThrow(() -> new PipelineException(
                "Run '" + runId + "' says stage '" + stage + "' completed, but its output " + RunRecords.OUTPUTS
                        + "/" + outputKey(expectedDigest) + " is missing from the store"));
        JsonNode node = Json.read(document.json(), JsonNode.class);
        byte[] bytes = node.hasNonNull("text") ? node.get("text").asText().getBytes(StandardCharsets.UTF_8)
                : Base64.getDecoder().decode(node.path("base64").asText(""));
        String digest = Digests.sha256(bytes);
        if (!digest.equals(expectedDigest)) {
            throw new PipelineException("Checkpoint " + RunRecords.OUTPUTS + "/" + where + " of stage '" + stage
                    + "' has SHA-256 " + digest + " but the run record says " + expectedDigest
                    + "; refusing to resume from it");
        }
        return bytes;
    }

    /**
     * The key of a checkpoint: its SHA-256, so checkpoints are content-addressed.
     *
     * @param digest lowercase hex SHA-256 of the encoded output
     * @return the key in {@link RunRecords#OUTPUTS}
     */
    static String outputKey(String digest) {
        return RunRecords.checkpointKey(digest);
    }

    /** The key older versions wrote checkpoints under, read when the content-addressed one is absent. */
    private String legacyOutputKey(int index) {
        return runId + "-s" + index;
    }
}
