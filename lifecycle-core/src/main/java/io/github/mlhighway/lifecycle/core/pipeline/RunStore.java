package io.github.mlhighway.lifecycle.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mlhighway.lifecycle.core.json.Json;
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
 * and its checkpointed outputs. An output document holds the encoded bytes (as text for JSON codecs, base64
 * otherwise) with their SHA-256, checked again when read back.
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
        try {
            revision = store.write(RunRecords.RUNS, runId, Json.write(record), revision).revision();
        } catch (RevisionConflictException e) {
            throw new PipelineException("Run '" + runId + "' was changed by another runner while this one ran it "
                    + "(revision " + e.actualRevision() + ", expected " + e.expectedRevision() + "); stopping", e);
        }
    }

    void saveOutput(int index, String stage, Codec<?> codec, byte[] bytes, String digest) {
        ObjectNode document = Json.mapper().createObjectNode();
        document.put("runId", runId).put("stage", stage).put("codec", codec.name())
                .put("mediaType", codec.mediaType()).put("sha256", digest);
        if (Codec.JSON.equals(codec.mediaType())) {
            document.put("text", new String(bytes, StandardCharsets.UTF_8));
        } else {
            document.put("base64", Base64.getEncoder().encodeToString(bytes));
        }
        store.put(RunRecords.OUTPUTS, outputKey(index), Json.write(document));
    }

    byte[] loadOutput(int index, String stage, String expectedDigest) {
        String key = outputKey(index);
        StoredDocument document = store.read(RunRecords.OUTPUTS, key).orElseThrow(() -> new PipelineException(
                "Run '" + runId + "' says stage '" + stage + "' completed, but its output " + RunRecords.OUTPUTS
                        + "/" + key + " is missing from the store"));
        JsonNode node = Json.read(document.json(), JsonNode.class);
        byte[] bytes = node.hasNonNull("text") ? node.get("text").asText().getBytes(StandardCharsets.UTF_8)
                : Base64.getDecoder().decode(node.path("base64").asText(""));
        String digest = Digests.sha256(bytes);
        if (!digest.equals(expectedDigest)) {
            throw new PipelineException("Checkpoint " + RunRecords.OUTPUTS + "/" + key + " of stage '" + stage
                    + "' has SHA-256 " + digest + " but the run record says " + expectedDigest
                    + "; refusing to resume from it");
        }
        return bytes;
    }

    private String outputKey(int index) {
        return runId + "-s" + index;
    }
}
