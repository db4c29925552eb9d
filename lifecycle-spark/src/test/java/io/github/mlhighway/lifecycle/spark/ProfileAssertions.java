package io.github.mlhighway.lifecycle.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.mlhighway.lifecycle.core.data.profile.ColumnProfile;
import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.core.data.profile.Moments;

/**
 * Compares a Spark profile with the in-process one: exact parts exactly (counts, min, max, capped counts, fixed
 * bins), moments up to floating-point rounding, sketches within their stated error.
 */
final class ProfileAssertions {

    private ProfileAssertions() {
    }

    static void assertSameProfile(DatasetProfile spark, DatasetProfile local) {
        assertThat(spark.rowCount()).as("row count").isEqualTo(local.rowCount());
        assertThat(spark.columnNames()).as("columns").isEqualTo(local.columnNames());
        for (ColumnProfile expected : local.columns()) {
            ColumnProfile actual = spark.column(expected.name());
            String column = "column " + expected.name() + ": ";
            assertThat(actual.type()).as(column + "type").isEqualTo(expected.type());
            assertThat(actual.count()).as(column + "count").isEqualTo(expected.count());
            assertThat(actual.nullCount()).as(column + "nulls").isEqualTo(expected.nullCount());
            assertThat(actual.nanCount()).as(column + "NaN").isEqualTo(expected.nanCount());
            assertThat(actual.infiniteCount()).as(column + "infinities").isEqualTo(expected.infiniteCount());
            assertThat(actual.categoryCounts()).as(column + "category counts").isEqualTo(expected.categoryCounts());
            assertThat(actual.smallDomainCounts()).as(column + "small-domain counts")
                    .isEqualTo(expected.smallDomainCounts());
            assertThat(actual.moments().isPresent()).as(column + "has moments")
                    .isEqualTo(expected.moments().isPresent());
            if (expected.moments().isPresent()) {
                Moments a = actual.moments().get();
                Moments e = expected.moments().get();
                assertThat(a.count()).as(column + "moments count").isEqualTo(e.count());
                assertThat(a.min()).as(column + "min").isEqualTo(e.min());
                assertThat(a.max()).as(column + "max").isEqualTo(e.max());
                assertThat(a.mean()).as(column + "mean").isCloseTo(e.mean(), within(1e-9 * Math.max(1,
                        Math.abs(e.mean()))));
                assertThat(a.m2()).as(column + "m2").isCloseTo(e.m2(), within(1e-7 * Math.max(1, e.m2())));
            }
            // HLL: the Spark estimate lies within the in-process sketch's bounds widened by the Spark sketch's.
            double slack = actual.distinctUpperBound() - actual.distinctLowerBound();
            assertThat(actual.distinctEstimate()).as(column + "distinct estimate")
                    .isBetween(expected.distinctLowerBound() - slack, expected.distinctUpperBound() + slack);
            if (expected.isNumeric() && expected.summarizedCount() > 0) {
                double error = actual.rankError() + expected.rankError();
                for (double rank : new double[] {0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0}) {
                    double quantile = actual.quantile(rank).orElseThrow();
                    // within the combined rank error: between the in-process quantiles at rank -/+ error
                    double lowest = expected.quantile(Math.max(0, rank - error)).orElseThrow();
                    double highest = expected.quantile(Math.min(1, rank + error)).orElseThrow();
                    assertThat(quantile).as(column + "the " + rank + " quantile").isBetween(lowest, highest);
                }
                assertThat(actual.histogram().total()).as(column + "histogram total")
                        .isEqualTo(expected.histogram().total());
            }
        }
    }
}
