/**
 * The Deep Java Library adapter: training stage, checkpoints, evaluation, model artifacts and a guarded
 * predictor pool, on the PyTorch engine with natives from the classifier jar ({@code ai.djl.offline=true}).
 *
 * <p>This module holds only its build (dependencies and offline test settings) so far; the adapter itself is
 * the subject of its own issue.
 */
package io.github.mlhighway.lifecycle.djl;
