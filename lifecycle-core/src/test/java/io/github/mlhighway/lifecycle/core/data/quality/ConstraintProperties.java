package io.github.mlhighway.lifecycle.core.data.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.LongColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

class ConstraintProperties {

    @Property
    void theQuantileAgreesWithCommonsMathDefinitionSeven(
            @ForAll @Size(min = 1, max = 200) List<@DoubleRange(min = -1e6, max = 1e6) Double> values,
            @ForAll @DoubleRange(min = 0.001, max = 1.0) @net.jqwik.api.constraints.Scale(4) double q) {
        double[] data = values.stream().mapToDouble(Double::doubleValue).toArray();
        double expected = new Percentile().withEstimationType(EstimationType.R_7).evaluate(data, q * 100);
        double[] sorted = data.clone();
        Arrays.sort(sorted);

        assertThat(QuantileBounds.quantile(sorted, q)).isCloseTo(expected,
                org.assertj.core.api.Assertions.within(1e-9 * Math.max(1, Math.abs(expected))));
    }

    @Property
    void uniquenessAgreesWithCountingEveryValue(@ForAll @Size(max = 300) List<@IntRange(min = 0, max = 50) Integer>
            values) {
        Map<Integer, Integer> counts = new HashMap<>();
        values.forEach(v -> counts.merge(v, 1, Integer::sum));
        long once = values.stream().filter(v -> counts.get(v) == 1).count();
        Table table = Table.of("t", LongColumn.of("x", values.stream().mapToLong(Integer::longValue).toArray()),
                DoubleColumn.of("y", values.stream().mapToDouble(Integer::doubleValue).toArray()));

        Double longs = Constraints.uniqueness("x").evaluate(table).observed();
        Double doubles = Constraints.uniqueness("y").evaluate(table).observed();

        if (values.isEmpty()) {
            assertThat(longs).isNull();
        } else {
            assertThat(longs).isEqualTo((double) once / values.size());
            assertThat(doubles).isEqualTo(longs);
        }
    }

    @Property
    void aRangePassesExactlyWhenTheShareInsideReachesMostly(
            @ForAll @Size(min = 1, max = 100) List<@DoubleRange(min = -10, max = 10) Double> values,
            @ForAll @DoubleRange(min = 0, max = 1) double mostly) {
        long inside = values.stream().filter(v -> v >= -5 && v <= 5).count();
        Table table = Table.of("t", DoubleColumn.of("x", values.stream().mapToDouble(Double::doubleValue).toArray()));

        var finding = Constraints.range("x", -5, 5).mostly(mostly).evaluate(table);

        assertThat(finding.observed()).isEqualTo((double) inside / values.size());
        assertThat(finding.outcome().allowsProceeding()).isEqualTo((double) inside / values.size() >= mostly);
    }
}
