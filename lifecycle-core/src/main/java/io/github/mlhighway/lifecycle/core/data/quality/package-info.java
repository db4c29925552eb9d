/**
 * Data quality: {@link io.github.mlhighway.lifecycle.core.data.quality.Constraint constraints} on a table's
 * columns (completeness, uniqueness, ranges, allowed values, patterns, row count, mean and quantile bounds,
 * custom predicates), most with a {@code mostly} fraction, and the
 * {@link io.github.mlhighway.lifecycle.core.data.quality.DataGate} that combines them with a schema into a
 * {@code Gate<Table>}.
 *
 * <p>Rules every constraint follows: a column that does not exist is a FAIL that says so; a statistic over no
 * value (an empty table, an all-null column) is INCONCLUSIVE with the reason; a finding never holds NaN or an
 * infinity as its observed value (it holds null, and the sentence says what was seen). Nulls are the business of
 * {@link io.github.mlhighway.lifecycle.core.data.quality.Constraints#completeness(String) completeness}: every
 * other row constraint judges the non-null values only. NaN lies within no bounds.
 */
@NullMarked
package io.github.mlhighway.lifecycle.core.data.quality;

import org.jspecify.annotations.NullMarked;
