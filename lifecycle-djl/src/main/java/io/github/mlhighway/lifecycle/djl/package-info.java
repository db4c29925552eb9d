/**
 * The Deep Java Library adapter, on the PyTorch CPU engine with natives from the classifier jar and
 * {@code ai.djl.offline=true} (never a download).
 *
 * <ul>
 *   <li>{@link io.github.mlhighway.lifecycle.djl.DjlEngine}: start-up checks (offline mode, natives on the
 *       classpath, a writable engine cache) with clear errors, then the engine.</li>
 *   <li>{@link io.github.mlhighway.lifecycle.djl.DjlTrainer}: trains a binary classifier (Adam, sigmoid binary
 *       cross-entropy, seeded per-epoch shuffles, optional learning-rate schedule) and returns a
 *       {@link io.github.mlhighway.lifecycle.djl.TrainedDjlModel} with a
 *       {@link io.github.mlhighway.lifecycle.djl.TrainingReport} (per-epoch loss, time and samples/s, batch-time
 *       percentiles); optionally records training SLOs and prints a progress line per epoch.</li>
 *   <li>{@link io.github.mlhighway.lifecycle.djl.LifecycleTrainingListener}: records epoch losses, fails on a NaN
 *       loss ({@link io.github.mlhighway.lifecycle.djl.TrainingDivergedException}), isolates user listeners.</li>
 *   <li>{@link io.github.mlhighway.lifecycle.djl.Checkpoints}: atomic, digest-verified training checkpoints
 *       (parameters plus a {@link io.github.mlhighway.lifecycle.djl.CheckpointManifest}); a killed run resumes at
 *       its epoch and batch with the step count and learning-rate schedule restored (Adam's moments restart).</li>
 *   <li>{@link io.github.mlhighway.lifecycle.djl.DjlTrainingStage} and
 *       {@link io.github.mlhighway.lifecycle.djl.DjlEvaluationStage}: pipeline stages from
 *       {@link io.github.mlhighway.lifecycle.djl.TrainingData} to
 *       {@link io.github.mlhighway.lifecycle.djl.TrainedParameters} (deadline and cancellation checked between
 *       batches) to {@link io.github.mlhighway.lifecycle.djl.EvaluatedModel}, which a {@code ModelGate} judges
 *       through {@link io.github.mlhighway.lifecycle.djl.EvaluatedModel#gate}.</li>
 *   <li>{@link io.github.mlhighway.lifecycle.djl.DjlArtifacts}: registers a trained model (all files, with
 *       digests) and loads it back by version or alias through DJL {@code Criteria} from a verified local copy.</li>
 *   <li>{@link io.github.mlhighway.lifecycle.djl.BatchTranslator}: a translator with a batch form (one input array
 *       for the whole batch, one forward pass, one output read), implemented by
 *       {@link io.github.mlhighway.lifecycle.djl.ProbabilityTranslator} and run by
 *       {@link io.github.mlhighway.lifecycle.djl.BatchPredictor} (a single row is a batch of one, no batchifier).</li>
 *   <li>{@link io.github.mlhighway.lifecycle.djl.PredictorPool}: serving from many threads, e.g. behind a
 *       {@code GuardedModel}.</li>
 *   <li>{@link io.github.mlhighway.lifecycle.djl.MicroBatcher}: collects concurrent single-row calls into batches on
 *       several workers, led by the callers themselves (bounded queue, max batch size, a max delay only while more
 *       calls are in flight), with per-batch SLIs in {@link io.github.mlhighway.lifecycle.djl.BatchStats} and
 *       {@link io.github.mlhighway.lifecycle.djl.BatchSlis}.</li>
 * </ul>
 */
@NullMarked
package io.github.mlhighway.lifecycle.djl;

import org.jspecify.annotations.NullMarked;
