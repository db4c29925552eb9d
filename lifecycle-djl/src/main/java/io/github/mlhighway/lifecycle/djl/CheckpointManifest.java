package io.github.mlhighway.lifecycle.djl;

import java.util.List;

/**
 * The JSON manifest of a training checkpoint ({@value Checkpoints#MANIFEST} in the checkpoint directory). It names
 * the parameter file it belongs to and that file's SHA-256; writing the manifest (atomically) is what commits a
 * checkpoint.
 *
 * @param format            the manifest format version, {@value Checkpoints#FORMAT}
 * @param epochsCompleted   epochs fully trained; the run resumes in epoch {@code epochsCompleted + 1}
 * @param batchesIntoEpoch  batches of that next epoch already trained (the data position; 0 at an epoch boundary)
 * @param steps             optimizer steps taken so far, across resumes (the learning-rate schedule continues from
 *                          here)
 * @param shuffleSeed       the seed of the per-epoch shuffles (epoch {@code e} is shuffled with a generator seeded
 *                          from this seed and {@code e}, so the order of any epoch can be replayed)
 * @param parametersFile    the name of the parameter file in the same directory (DJL's block parameter format)
 * @param parametersSha256  the lowercase hex SHA-256 of that file
 * @param configHash        the SHA-256 of the settings and data that must not change across a resume
 * @param partialLossSum    the row-weighted loss sum of the batches already trained in the next epoch
 * @param partialLossRows   the rows of those batches
 * @param epochReports      the SLIs of every finished epoch
 * @since 0.1
 */
public record CheckpointManifest(int format, int epochsCompleted, int batchesIntoEpoch, long steps, long shuffleSeed,
                                 String parametersFile, String parametersSha256, String configHash,
                                 double partialLossSum, long partialLossRows, List<EpochReport> epochReports) {

    /** Copies the epoch reports. */
    public CheckpointManifest {
        epochReports = List.copyOf(epochReports);
    }
}
