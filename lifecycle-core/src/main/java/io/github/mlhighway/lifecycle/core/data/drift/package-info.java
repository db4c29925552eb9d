/**
 * Drift tests between a reference and a current data set, from raw values ({@link
 * io.github.mlhighway.lifecycle.core.data.Table}) or from mergeable profiles (sketches).
 *
 * <p>Entry point: {@link io.github.mlhighway.lifecycle.core.data.drift.Drift}. Each column gets a {@link
 * io.github.mlhighway.lifecycle.core.data.drift.ColumnDrift} with the statistic, p-value, effect size, thresholds
 * and a sentence; the {@link io.github.mlhighway.lifecycle.core.data.drift.DriftReport} applies a
 * multiple-testing correction and decides for the data set, and converts to a {@code Verdict}. The statistics
 * themselves are public for direct use: {@link io.github.mlhighway.lifecycle.core.data.drift.KsTest}, {@link
 * io.github.mlhighway.lifecycle.core.data.drift.ChiSquaredTest}, {@link
 * io.github.mlhighway.lifecycle.core.data.drift.ProportionZTest}, {@link
 * io.github.mlhighway.lifecycle.core.data.drift.Wasserstein} and {@link
 * io.github.mlhighway.lifecycle.core.data.drift.Divergences}.
 */
@NullMarked
package io.github.mlhighway.lifecycle.core.data.drift;

import org.jspecify.annotations.NullMarked;
