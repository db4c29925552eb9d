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
 * </ul>
 *
 * <p>Checkpoints and resume, the pipeline stages, registry artifacts and the guarded predictor pool are still to
 * come (issue 6).
 */
package io.github.mlhighway.lifecycle.djl;
