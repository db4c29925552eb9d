package io.github.mlhighway.lifecycle.core.data.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.data.BooleanColumn;
import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.LongColumn;
import io.github.mlhighway.lifecycle.core.data.StringColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.TimestampColumn;
import io.github.mlhighway.lifecycle.core.data.schema.Schema;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConstraintsTest {

    private final Table table = Table.of("batch",
            DoubleColumn.builder("wind").add(1).add(2).addNull().add(3).add(4).build(),
            StringColumn.of("weather", "sun", "rain", "sun", "fog", null),
            LongColumn.of("id", 10, 11, 12, 12, 13),
            BooleanColumn.of("rain", true, false, false, true, false),
            TimestampColumn.of("date", 0, 86_400_000, 172_800_000, 259_200_000, 345_600_000));

    @Test
    void completenessObservesTheNonNullShareOfAllRows() {
        Finding finding = Constraints.completeness("wind").evaluate(table);

        assertThat(finding.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(finding.check()).isEqualTo("completeness(wind)");
        assertThat(finding.observed()).isEqualTo(0.8);
        assertThat(finding.threshold()).isEqualTo(1.0);
        assertThat(finding.message()).isEqualTo("4 of 5 rows of 'wind' (80.00%) meet the requirement to be non-null;"
                + " required: all. 1 do not, e.g. rows [2]");
    }

    @Test
    void mostlyLowersTheShareThatMustPass() {
        assertThat(Constraints.completeness("wind").mostly(0.8).evaluate(table).outcome()).isEqualTo(Outcome.PASS);
        assertThat(Constraints.completeness("wind").mostly(0.81).evaluate(table).outcome())
                .isEqualTo(Outcome.FAIL);
        assertThatThrownBy(() -> Constraints.completeness("wind").mostly(1.5))
                .hasMessage("mostly must be a fraction in [0, 1], was 1.5");
        assertThatThrownBy(() -> Constraints.completeness("wind").mostly(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void uniquenessCountsValuesThatOccurOnceForEveryType() {
        assertThat(Constraints.uniqueness("id").evaluate(table).observed()).isEqualTo(0.6);
        assertThat(Constraints.uniqueness("weather").evaluate(table).observed()).isEqualTo(0.5);
        assertThat(Constraints.uniqueness("wind").evaluate(table).outcome()).isEqualTo(Outcome.PASS);
        assertThat(Constraints.uniqueness("rain").evaluate(table).observed()).isEqualTo(0.0);
        assertThat(Constraints.uniqueness("date").evaluate(table).observed()).isEqualTo(1.0);
        assertThat(Constraints.uniqueness("id").evaluate(table).message()).contains("e.g. rows [2, 3]");
    }

    @Test
    void uniquenessStaysFastForAMillionDistinctCategories() {
        StringColumn.Builder ids = StringColumn.builder("user");
        for (int i = 0; i < 1_000_000; i++) {
            ids.add("user-" + i);
        }
        ids.add("user-7");
        Table users = Table.of("users", ids.build());

        Finding finding = Constraints.uniqueness("user").mostly(0.999).evaluate(users);

        assertThat(finding.outcome()).isEqualTo(Outcome.PASS);
        assertThat(finding.message()).startsWith("999999 of 1000001 non-null values of 'user'")
                .endsWith("e.g. rows [7, 1000000]");
        assertThat(Schema.infer(users).column("user").orElseThrow().allowedValues()).isEmpty();
    }

    @Test
    void rangeTreatsNanAsAViolationAndInfinitiesAsOrdinaryNumbers() {
        Table odd = Table.of("odd", DoubleColumn.of("x", 1, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY));

        assertThat(Constraints.range("x", -10, 10).evaluate(odd).observed()).isEqualTo(0.25);
        assertThat(Constraints.min("x", 0).evaluate(odd).observed()).isEqualTo(0.5);
        assertThat(Constraints.max("x", 0).evaluate(odd).observed()).isEqualTo(0.25);
        assertThat(Constraints.min("x", 0).evaluate(odd).message()).contains("be at least 0")
                .contains("e.g. rows [1, 3]");
    }

    @Test
    void rangeReadsLongsAndTimestampsAndRefusesText() {
        assertThat(Constraints.range("id", 10, 12).evaluate(table).observed()).isEqualTo(0.8);
        assertThat(Constraints.max("date", Instant.parse("1970-01-03T00:00:00Z").toEpochMilli()).evaluate(table)
                .observed()).isEqualTo(0.6);
        Finding text = Constraints.min("weather", 0).evaluate(table);
        assertThat(text.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(text.message()).isEqualTo("Column 'weather' is STRING; min needs a DOUBLE, LONG or TIMESTAMP"
                + " column");
        assertThatThrownBy(() -> Constraints.range("x", 2, 1)).hasMessageContaining("not an interval");
    }

    @Test
    void allowedValuesAndPatternsCompareTheTextForm() {
        assertThat(Constraints.allowedValues("weather", "sun", "rain").evaluate(table).observed()).isEqualTo(0.75);
        assertThat(Constraints.allowedValues("id", 10, 11, 12).evaluate(table).observed()).isEqualTo(0.8);
        assertThat(Constraints.allowedValues("rain", true).evaluate(table).observed()).isEqualTo(0.4);
        assertThat(Constraints.matches("weather", "[a-z]{3}").evaluate(table).observed()).isEqualTo(0.75);
        assertThat(Constraints.matches("id", "1[0-2]").evaluate(table).observed()).isEqualTo(0.8);
        assertThatThrownBy(() -> Constraints.matches("weather", "[")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Constraints.allowedValues("weather")).hasMessageContaining("at least one value");
    }

    @Test
    void aCustomPredicateSeesTheBoxedValues() {
        Finding finding = Constraints.satisfies("wind", "be a whole number", v -> (Double) v % 1 == 0)
                .evaluate(table);

        assertThat(finding.outcome()).isEqualTo(Outcome.PASS);
        assertThat(finding.check()).isEqualTo("satisfies(wind)");
        assertThat(finding.message()).contains("be a whole number");
    }

    @Test
    void rowCountIsMeasuredEvenOnAnEmptyTable() {
        Finding empty = Constraints.rowCountAtLeast(1).evaluate(table.filter(row -> false));

        assertThat(empty.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(empty.observed()).isEqualTo(0.0);
        assertThat(empty.threshold()).isEqualTo(1.0);
        assertThat(empty.message()).isEqualTo("Table 'batch' has 0 rows; required: at least 1");
        assertThat(Constraints.rowCountBetween(1, 5).evaluate(table).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void meanBoundsReportTheMeanAndTheViolatedBound() {
        Finding passing = Constraints.meanBetween("wind", 2, 3).evaluate(table);
        Finding failing = Constraints.mean("wind", Bounds.atLeast(3)).evaluate(table);

        assertThat(passing.outcome()).isEqualTo(Outcome.PASS);
        assertThat(passing.observed()).isEqualTo(2.5);
        assertThat(failing.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(failing.threshold()).isEqualTo(3.0);
        assertThat(failing.message()).isEqualTo("The mean of 'wind' is 2.5 over 4 values; required: at least 3");
    }

    @Test
    void aMeanNeverBecomesNanInAFinding() {
        Table nan = Table.of("n", DoubleColumn.of("x", 1, Double.NaN));
        Table both = Table.of("b", DoubleColumn.of("x", Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        Table inf = Table.of("i", DoubleColumn.of("x", 1, Double.POSITIVE_INFINITY));

        Finding withNan = Constraints.meanBetween("x", 0, 2).evaluate(nan);
        Finding withBoth = Constraints.meanBetween("x", 0, 2).evaluate(both);
        Finding withInfinity = Constraints.meanBetween("x", 0, 2).evaluate(inf);

        assertThat(withNan.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(withNan.observed()).isNull();
        assertThat(withNan.message()).isEqualTo("Column 'x' holds 1 NaN values; its mean is undefined");
        assertThat(withBoth.observed()).isNull();
        assertThat(withBoth.message()).contains("both Infinity and -Infinity");
        assertThat(withInfinity.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(withInfinity.observed()).isNull();
        assertThat(withInfinity.threshold()).isEqualTo(2.0);
        assertThat(withInfinity.message()).startsWith("The mean of 'x' is Infinity over 2 values");
    }

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        assertThat(Constraints.quantileBetween("wind", 0.5, 0, 10).evaluate(table).observed()).isEqualTo(2.5);
        assertThat(Constraints.quantileBetween("wind", 0.0, 0, 10).evaluate(table).observed()).isEqualTo(1.0);
        assertThat(Constraints.quantileBetween("wind", 1.0, 0, 10).evaluate(table).observed()).isEqualTo(4.0);
        assertThat(Constraints.quantile("wind", 0.9, Bounds.atMost(3.5)).evaluate(table).outcome())
                .isEqualTo(Outcome.FAIL);
        assertThat(Constraints.quantileBetween("id", 0.5, 12, 12).evaluate(table).outcome())
                .isEqualTo(Outcome.PASS);
        assertThatThrownBy(() -> Constraints.quantileBetween("wind", 1.5, 0, 1))
                .hasMessage("quantile must be in [0, 1], was 1.5");
    }

    @Test
    void quantilesRefuseNanAndOrderInfinities() {
        Table nan = Table.of("n", DoubleColumn.of("x", 1, Double.NaN, 3));
        Table inf = Table.of("i", DoubleColumn.of("x", Double.NEGATIVE_INFINITY, 1, 2, Double.POSITIVE_INFINITY));

        assertThat(Constraints.quantileBetween("x", 0.5, 0, 5).evaluate(nan).message())
                .isEqualTo("Column 'x' holds 1 NaN values; its quantiles are undefined");
        assertThat(Constraints.quantileBetween("x", 0.5, 0, 5).evaluate(inf).observed()).isEqualTo(1.5);
        Finding top = Constraints.quantileBetween("x", 0.9, 0, 5).evaluate(inf);
        assertThat(top.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(top.observed()).isNull();
        assertThat(top.message()).contains("is Infinity");
    }

    @Test
    void statisticsOverNoValuesAreInconclusiveAndSayWhy() {
        Table allNull = Table.of("t", DoubleColumn.builder("x").addNull().addNull().build());
        Table empty = Table.of("e", DoubleColumn.of("x"));

        Finding mean = Constraints.meanBetween("x", 0, 1).evaluate(allNull);
        Finding range = Constraints.range("x", 0, 1).evaluate(empty);
        Finding quantile = Constraints.quantileBetween("x", 0.5, 0, 1).evaluate(empty);

        assertThat(mean.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(mean.observed()).isNull();
        assertThat(mean.message()).isEqualTo("Column 'x' has no non-null values (all 2 rows are null); its mean is"
                + " undefined");
        assertThat(range.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(range.message()).isEqualTo("Table 'e' has no rows, so range(x) cannot be judged");
        assertThat(quantile.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(Constraints.completeness("x").evaluate(allNull).outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void aColumnThatDoesNotExistIsAFailThatSaysSo() {
        for (Constraint constraint : new Constraint[] {Constraints.completeness("temp"),
                Constraints.meanBetween("temp", 0, 1), Constraints.quantileBetween("temp", 0.5, 0, 1)}) {
            Finding finding = constraint.evaluate(table);
            assertThat(finding.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(finding.message()).isEqualTo("Table 'batch' has no column 'temp'; columns: [wind, weather,"
                    + " id, rain, date]");
        }
    }

    @Test
    void descriptionsReadAsRequirements() {
        assertThat(Constraints.completeness("wind").mostly(0.99).description())
                .isEqualTo("at least 99.00% of the rows of 'wind' must be non-null");
        assertThat(Constraints.range("wind", 0, 20).description())
                .isEqualTo("every non-null value of 'wind' must be in [0, 20]");
        assertThat(Constraints.meanBetween("wind", 0, 20).description())
                .isEqualTo("the mean of 'wind' must be in [0, 20]");
    }
}
