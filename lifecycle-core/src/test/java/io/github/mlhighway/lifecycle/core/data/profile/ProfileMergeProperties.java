package io.github.mlhighway.lifecycle.core.data.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.StringColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** merge(profile(a), profile(b)) equals profile(a ∪ b): exactly for exact parts, within stated error for sketches. */
class ProfileMergeProperties {

    @Provide
    Arbitrary<List<Double>> numbers() {
        Arbitrary<Double> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, Arbitraries.doubles().between(-1e6, 1e6)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(0.0, 1.0, 2.0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((Double) null)));
        return value.list().ofMaxSize(3_000);
    }

    @Provide
    Arbitrary<List<String>> categories() {
        Arbitrary<String> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, Arbitraries.strings().alpha().ofLength(1)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 2_000).map(i -> "c" + i)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((String) null)));
        return value.list().ofMaxSize(2_000);
    }

    @Property(tries = 60)
    void mergedNumericProfilesEqualTheProfileOfTheUnion(@ForAll("numbers") List<Double> a,
            @ForAll("numbers") List<Double> b) {
        ProfileOptions options = ProfileOptions.builder().kllK(64).build();
        ColumnProfile merged = Profiles.of(numeric(a), options).column("x").merge(Profiles.of(numeric(b), options).column("x"));
        ColumnProfile union = Profiles.of(numeric(concat(a, b)), options).column("x");

        assertThat(merged.rowCount()).isEqualTo(union.rowCount());
        assertThat(merged.count()).isEqualTo(union.count());
        assertThat(merged.nullCount()).isEqualTo(union.nullCount());
        assertThat(merged.nanCount()).isEqualTo(union.nanCount());
        assertThat(merged.infiniteCount()).isEqualTo(union.infiniteCount());
        assertThat(merged.smallDomainCounts()).isEqualTo(union.smallDomainCounts());
        assertThat(merged.moments().isPresent()).isEqualTo(union.moments().isPresent());
        union.moments().ifPresent(expected -> {
            Moments actual = merged.moments().orElseThrow();
            assertThat(actual.count()).isEqualTo(expected.count());
            assertThat(actual.min()).isEqualTo(expected.min());
            assertThat(actual.max()).isEqualTo(expected.max());
            assertThat(actual.mean()).isCloseTo(expected.mean(), within(1e-9 * (1 + Math.abs(expected.max())
                    + Math.abs(expected.min()))));
            assertThat(actual.m2()).isCloseTo(expected.m2(), within(1e-9 * (1 + expected.m2())));
            double[] finite = finite(concat(a, b));
            java.util.Arrays.sort(finite);
            double eps = merged.rankError();
            for (double rank : new double[] {0.1, 0.5, 0.9}) {
                double q = merged.quantile(rank).getAsDouble();
                double[] trueRanks = ranksOf(finite, q);
                assertThat(rank).isBetween(trueRanks[0] - eps - 1.0 / finite.length,
                        trueRanks[1] + eps + 1.0 / finite.length);
            }
            assertDistinctWithinBounds(merged, java.util.Arrays.stream(finite).map(x -> x == 0.0 ? 0.0 : x)
                    .distinct().count());
        });
    }

    @Property(tries = 60)
    void mergedCategoricalProfilesEqualTheProfileOfTheUnion(@ForAll("categories") List<String> a,
            @ForAll("categories") List<String> b) {
        ProfileOptions options = ProfileOptions.builder().categoryCap(300).build();
        ColumnProfile merged = Profiles.of(categorical(a), options).column("c").merge(Profiles.of(categorical(b), options).column("c"));
        ColumnProfile union = Profiles.of(categorical(concat(a, b)), options).column("c");

        assertThat(merged.count()).isEqualTo(union.count());
        assertThat(merged.nullCount()).isEqualTo(union.nullCount());
        assertThat(merged.categoryCounts()).isEqualTo(union.categoryCounts());
        assertThat(merged.categoryCapExceeded()).isEqualTo(union.categoryCapExceeded());
        List<String> all = concat(a, b).stream().filter(java.util.Objects::nonNull).toList();
        for (FrequentItem item : merged.frequentItems()) {
            long truth = all.stream().filter(item.item()::equals).count();
            assertThat(truth).isBetween(item.lowerBound(), item.upperBound());
        }
        assertDistinctWithinBounds(merged, all.stream().distinct().count());
    }

    private static void assertDistinctWithinBounds(ColumnProfile profile, long truth) {
        // 2 standard deviations: a rare miss is possible in principle; allow 1% slack beyond the bounds
        assertThat((double) truth).isBetween(profile.distinctLowerBound() * 0.99, profile.distinctUpperBound() * 1.01);
    }

    private static double[] ranksOf(double[] sorted, double q) {
        int below = 0;
        int atOrBelow = 0;
        for (double x : sorted) {
            below += x < q ? 1 : 0;
            atOrBelow += x <= q ? 1 : 0;
        }
        // any rank in [below, atOrBelow] / n is a true rank of q
        return new double[] {(double) below / sorted.length, (double) atOrBelow / sorted.length};
    }

    private static double[] finite(List<Double> values) {
        return values.stream().filter(v -> v != null && Double.isFinite(v)).mapToDouble(Double::doubleValue)
                .toArray();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Table numeric(List<Double> values) {
        DoubleColumn.Builder column = DoubleColumn.builder("x");
        for (Double v : values) {
            if (v == null) {
                column.addNull();
            } else {
                column.add(v);
            }
        }
        return Table.of("t", column.build());
    }

    private static Table categorical(List<String> values) {
        return Table.of("t", StringColumn.of("c", values.toArray(String[]::new)));
    }
}
