package io.github.mlhighway.lifecycle.testkit.arbitraries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.mlhighway.lifecycle.core.data.ColumnType;
import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.StringColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.schema.ColumnSchema;
import io.github.mlhighway.lifecycle.core.data.schema.Schema;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class LifecycleArbitrariesTest {

    private static final double OBJECTIVE = 0.999;
    private static final double BURN = 14.4;

    private static final Schema SCHEMA = Schema.of(
            ColumnSchema.of("age", ColumnType.LONG).withNullable(false).withRange(0, 120),
            ColumnSchema.of("rain", ColumnType.DOUBLE).withRange(-1.5, 2.5),
            ColumnSchema.of("city", ColumnType.STRING).withNullable(false)
                    .withAllowedValues(List.of("Oslo", "Lima", "Pune")),
            ColumnSchema.of("subscribed", ColumnType.BOOLEAN),
            ColumnSchema.of("seen", ColumnType.TIMESTAMP).withRange(0, 1e12),
            ColumnSchema.of("debug", ColumnType.STRING).inEnvironments(Schema.TRAINING));

    @Property(tries = 200)
    void generatedStreamsBurnTheBudgetAtTheRequestedRate(@ForAll("fastBurn") EventStream stream) {
        double wanted = BURN * (1 - OBJECTIVE);
        assertThat(stream.badRatio()).isCloseTo(wanted, within(0.5 / stream.total() + 1e-12));
        assertThat(stream.burnRate(OBJECTIVE)).isCloseTo(BURN, within(0.5 / stream.total() / (1 - OBJECTIVE) + 1e-9));
    }

    @Property(tries = 200)
    void errorsComeInBurstsOfWholeBadSeconds(@ForAll("fastBurn") EventStream stream) {
        long rate = stream.seconds().get(0).total();
        long partlyBad = stream.seconds().stream().filter(s -> s.bad() > 0 && s.good() > 0).count();
        assertThat(stream.seconds()).allMatch(second -> second.total() == rate);
        assertThat(partlyBad).isLessThanOrEqualTo(3); // at most the last second of each burst is partly bad
        assertThat(stream.secondsWithErrors()).isLessThanOrEqualTo(stream.bad() / rate + 3);
    }

    @Provide
    Arbitrary<EventStream> fastBurn() {
        return LifecycleArbitraries.eventStreams(OBJECTIVE, BURN).seconds(60, 600).eventsPerSecond(1, 50).bursts(1, 3);
    }

    @Example
    void aBurnRateThatNeedsMoreThanEveryEventToBeBadIsRejected() {
        assertThatThrownBy(() -> LifecycleArbitraries.eventStreams(0.99, 101))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("101");
    }

    @Property(tries = 30)
    void shiftedNumericColumnsMoveTheMeanByTheRequestedStandardDeviations(
            @ForAll("halfStdShift") ShiftedColumns<DoubleColumn> pair) {
        double[] reference = pair.reference().nonNullValues();
        double std = std(reference);
        double shift = (mean(pair.current().nonNullValues()) - mean(reference)) / std;
        assertThat(shift).isCloseTo(0.5, within(0.15));
        assertThat(std(pair.current().nonNullValues()) / std).isCloseTo(1.0, within(0.1));
    }

    @Provide
    Arbitrary<ShiftedColumns<DoubleColumn>> halfStdShift() {
        return LifecycleArbitraries.shiftedDoubleColumns("rain", 2_000, 0.5);
    }

    @Property(tries = 30)
    void shiftedCategoricalColumnsMoveTheRequestedMassOntoTheFirstCategory(
            @ForAll("towardsOslo") ShiftedColumns<StringColumn> pair) {
        // A share's standard error at n = 2000 is about 0.01: 0.06 keeps 30 tries x 3 checks from flaking.
        assertThat(share(pair.reference(), "Oslo")).isCloseTo(0.25, within(0.06));
        assertThat(share(pair.current(), "Oslo")).isCloseTo(0.25 * 0.7 + 0.3, within(0.06));
        assertThat(share(pair.current(), "Lima")).isCloseTo(0.25 * 0.7, within(0.06));
    }

    @Provide
    Arbitrary<ShiftedColumns<StringColumn>> towardsOslo() {
        return LifecycleArbitraries.shiftedStringColumns("city", 2_000, List.of("Oslo", "Lima", "Pune", "Baku"), 0.3);
    }

    @Property(tries = 200)
    void generatedTablesSatisfyTheirSchema(@ForAll("servingTables") Table table) {
        assertThat(SCHEMA.validate(table, Schema.SERVING).violations()).isEmpty();
        assertThat(table.columnNames()).containsExactly("age", "rain", "city", "subscribed", "seen");
        assertThat(table.column("age").nullCount()).isZero();
        assertThat(table.rowCount()).isBetween(1, 40);
    }

    @Provide
    Arbitrary<Table> servingTables() {
        return LifecycleArbitraries.tables(SCHEMA).environment(Schema.SERVING).rows(1, 40);
    }

    @Property(tries = 50)
    void nullableColumnsGetNullsWhenAskedTo(@ForAll("allNulls") Table table) {
        assertThat(table.column("rain").nullCount()).isEqualTo(table.rowCount());
        assertThat(table.column("city").nullCount()).isZero();
    }

    @Provide
    Arbitrary<Table> allNulls() {
        return LifecycleArbitraries.tables(SCHEMA).rows(1, 10).nullProbability(1.0);
    }

    @Example
    void aSchemaWhoseAllowedValuesDoNotFitItsTypeIsRejected() {
        Schema impossible = Schema.of(ColumnSchema.of("n", ColumnType.LONG).withAllowedValues(List.of("x")));
        assertThatThrownBy(() -> LifecycleArbitraries.tables(impossible).sample())
                .hasMessageContaining("none of the allowed values");
    }

    private static double share(StringColumn column, String category) {
        return Arrays.stream(column.nonNullValues()).filter(category::equals).count() / (double) column.size();
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    private static double std(double[] values) {
        double mean = mean(values);
        return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1));
    }
}
