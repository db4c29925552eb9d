/**
 * Mergeable data profiles: per-column counts, exact mean and variance, KLL quantiles, frequent items, exact
 * category counts under a cap, an HLL distinct-count estimate and a histogram, built from a
 * {@link io.github.mlhighway.lifecycle.core.data.Table} or streamed from a host application's own records and
 * maps without building a table.
 *
 * <p>Entry point: {@link io.github.mlhighway.lifecycle.core.data.profile.Profiles}. Profiles of partitions
 * merge ({@link io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile#merge}) into the profile of
 * their union: exactly for counts, min, max and category counts, to floating-point rounding for mean and
 * variance, and within the sketches' stated error for quantiles, frequent items and distinct counts. Profiles
 * serialize to versioned JSON ({@link io.github.mlhighway.lifecycle.core.data.profile.ProfileJson}).
 *
 * <p>Numeric conventions: NaN and infinite values are counted apart ({@code nanCount}, {@code infiniteCount})
 * and kept out of moments, quantiles, distinct counts and histograms, so no summary is ever NaN. LONG and
 * TIMESTAMP values are summarised as doubles (exact up to 2<sup>53</sup>).
 */
@NullMarked
package io.github.mlhighway.lifecycle.core.data.profile;

import org.jspecify.annotations.NullMarked;
