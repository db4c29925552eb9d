package io.github.mlhighway.lifecycle.core.evaluation.internal;

import io.github.mlhighway.lifecycle.core.evaluation.EvaluationData;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Draws bootstrap resamples as row weights (how many times each row was drawn), from the rows of a base weight
 * vector (1 = in the evaluated set). Stratified: each stratum (class) is resampled on its own, keeping its size,
 * so a classification resample always holds both classes when the set does. The same seed gives the same
 * sequence of resamples ({@link SplittableRandom}'s algorithm is fixed by its specification). Not thread-safe.
 *
 * @since 0.1
 */
public final class Resampler {

    private final int rows;
    private final int[][] strata;
    private final SplittableRandom random;

    /**
     * A resampler.
     *
     * @param data       the data whose strata to keep
     * @param base       1 for each row in the evaluated set, 0 otherwise
     * @param stratified whether to keep each stratum's size
     * @param seed       random seed
     */
    public Resampler(EvaluationData data, int[] base, boolean stratified, long seed) {
        Objects.requireNonNull(data, "data");
        this.rows = base.length;
        int groups = stratified ? data.strata() : 1;
        int[] sizes = new int[groups];
        for (int i = 0; i < rows; i++) {
            if (base[i] > 0) {
                sizes[stratified ? data.stratum(i) : 0]++;
            }
        }
        this.strata = new int[groups][];
        int[] filled = new int[groups];
        for (int g = 0; g < groups; g++) {
            strata[g] = new int[sizes[g]];
        }
        for (int i = 0; i < rows; i++) {
            if (base[i] > 0) {
                int g = stratified ? data.stratum(i) : 0;
                strata[g][filled[g]++] = i;
            }
        }
        this.random = new SplittableRandom(seed);
    }

    /**
     * Draws the next resample into {@code weights}.
     *
     * @param weights array of the data's length; overwritten
     * @return {@code weights}
     */
    public int[] next(int[] weights) {
        Arrays.fill(weights, 0);
        for (int[] group : strata) {
            for (int k = 0; k < group.length; k++) {
                weights[group[random.nextInt(group.length)]]++;
            }
        }
        return weights;
    }

    /** @return the number of rows of the data */
    public int rows() {
        return rows;
    }

    /**
     * A seed for one slice derived from the evaluation seed and the slice key, so that a slice's intervals do not
     * depend on which other slices exist.
     *
     * @param seed the evaluation seed
     * @param key  the slice key
     * @return the derived seed
     */
    public static long seedFor(long seed, String key) {
        return seed ^ (0x9E3779B97F4A7C15L * (key.hashCode() + 1L));
    }
}
