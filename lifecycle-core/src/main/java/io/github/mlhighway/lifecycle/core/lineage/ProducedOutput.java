package io.github.mlhighway.lifecycle.core.lineage;

/**
 * A stage output found by its digest.
 *
 * @param runId    the run that produced it
 * @param pipeline the run's pipeline
 * @param stage    the stage that produced it
 * @param sha256   its digest
 * @since 0.1
 */
public record ProducedOutput(String runId, String pipeline, String stage, String sha256) {
}
