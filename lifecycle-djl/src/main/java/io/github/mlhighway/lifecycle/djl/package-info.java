/**
 * The Deep Java Library adapter, on the PyTorch CPU engine with natives from the classifier jar and
 * {@code ai.djl.offline=true} (never a download).
 *
 * <ul>
 *   <li>{@link io.github.mlhighway.lifecycle.djl.DjlEngine}: start-up checks (offline mode, natives on the
 *       classpath, a writable engine cache) with clear errors, then the engine.</li>
 *   <li>{@link io.github.mlhighway.lifecycle.djl.DjlTrainer}: trains a binary classifier (Adam, sigmoid binary
 *       cross-entropy, fixed seed) and returns a {@link io.github.mlhighway.lifecycle.djl.TrainedDjlModel}.</li>
 *   <li>{@link io.github.mlhighway.lifecycle.djl.LifecycleTrainingListener}: records epoch losses, fails on a NaN
 *       loss ({@link io.github.mlhighway.lifecycle.djl.TrainingDivergedException}), isolates user listeners.</li>
 *   <li>{@link io.github.mlhighway.lifecycle.djl.DjlArtifacts}: registers a trained model (all files, with
 *       digests) and loads it back by version or alias through DJL {@code Criteria} from a verified local copy.</li>
 * </ul>
 *
 * <p>Checkpoints and resume, the pipeline stages, training SLIs and deadline, and the guarded predictor pool are still to
 * come (issue 6).
 */
package io.github.mlhighway.lifecycle.djl;
