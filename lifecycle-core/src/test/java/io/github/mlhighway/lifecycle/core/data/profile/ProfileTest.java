package io.github.mlhighway.lifecycle.core.data.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.mlhighway.lifecycle.core.data.BooleanColumn;
import io.github.mlhighway.lifecycle.core.data.ColumnType;
import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.LongColumn;
import io.github.mlhighway.lifecycle.core.data.StringColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileTest {

    record Weather(String location, double wind, Double tempMin, boolean rain, int day, Instant at) {
    }

    private static Table small() {
        DoubleColumn wind = DoubleColumn.builder("wind").add(1).add(2).add(3).addNull().add(Double.NaN)
                .add(Double.POSITIVE_INFINITY).build();
        StringColumn kind = StringColumn.of("kind", "a", "b", "a", null, "c", "a");
        BooleanColumn rain = BooleanColumn.of("rain", true, false, true, true, false, true);
        return Table.of("small", wind, kind, rain);
    }

    @Test
    void partitionsInferredAsLongAndDoubleOrAllNullStillMerge() {
        var longs = Profiles.of(Table.of("a", LongColumn.of("x", 1, 2, 3)));
        var doubles = Profiles.of(Table.of("b", DoubleColumn.of("x", 1.5, 2.5)));
        var nulls = Profiles.of(Table.of("c",
                StringColumn.of("x", (String) null, null)));

        var merged = longs.merge(doubles).merge(nulls);

        var x = merged.column("x");
        assertThat(x.type()).isEqualTo(ColumnType.DOUBLE);
        assertThat(x.count()).isEqualTo(5);
        assertThat(x.nullCount()).isEqualTo(2);
        assertThat(x.moments().orElseThrow().mean()).isEqualTo(2.0);
        assertThat(nulls.merge(longs).column("x").type())
                .isEqualTo(ColumnType.LONG);
        var text = Profiles.of(Table.of("d", StringColumn.of("x", "a")));
        assertThatThrownBy(() -> longs.merge(text))
                .hasMessageContaining("only LONG and DOUBLE combine");
    }

    @Test
    void aNumericProfileCountsNullsNanAndInfinityApartAndSummarizesOnlyFiniteValues() {
        ColumnProfile wind = Profiles.of(small()).column("wind");

        assertThat(wind.rowCount()).isEqualTo(6);
        assertThat(wind.count()).isEqualTo(5);
        assertThat(wind.nullCount()).isEqualTo(1);
        assertThat(wind.nanCount()).isEqualTo(1);
        assertThat(wind.infiniteCount()).isEqualTo(1);
        Moments moments = wind.moments().orElseThrow();
        assertThat(moments.count()).isEqualTo(3);
        assertThat(moments.mean()).isEqualTo(2.0);
        assertThat(moments.variance()).isEqualTo(1.0);
        assertThat(moments.min()).isEqualTo(1.0);
        assertThat(moments.max()).isEqualTo(3.0);
        assertThat(wind.quantile(0.5).getAsDouble()).isEqualTo(2.0);
        assertThat(wind.rankError()).isZero();
        assertThat(wind.distinctEstimate()).isCloseTo(3.0, within(0.01));
        assertThat(wind.exactDistinctCount()).hasValue(3);
        assertThat(wind.histogram().total()).isEqualTo(3);
    }

    @Test
    void aCategoricalProfileKeepsExactCountsFrequentItemsAndAHistogram() {
        ColumnProfile kind = Profiles.of(small()).column("kind");

        assertThat(kind.count()).isEqualTo(5);
        assertThat(kind.nullCount()).isEqualTo(1);
        assertThat(kind.categoryCounts()).hasValue(Map.of("a", 3L, "b", 1L, "c", 1L));
        assertThat(kind.frequentItems().get(0)).isEqualTo(new FrequentItem("a", 3, 3, 3));
        assertThat(kind.histogram().exact()).isTrue();
        assertThat(kind.histogram().bins()).hasSize(3);
        assertThat(Profiles.of(small()).column("rain").categoryCounts()).hasValue(Map.of("false", 2L, "true", 4L));
    }

    @Test
    void beyondTheCategoryCapOnlyTheSketchesRemainAndTheProfileSaysSo() {
        StringColumn.Builder ids = StringColumn.builder("id");
        for (int i = 0; i < 5_000; i++) {
            ids.add("id-" + i);
        }
        ColumnProfile id = Profiles.of(Table.of("t", ids.build()), ProfileOptions.builder().categoryCap(1_000).build())
                .column("id");

        assertThat(id.categoryCounts()).isEmpty();
        assertThat(id.categoryCapExceeded()).isTrue();
        assertThat(id.distinctEstimate()).isCloseTo(5_000, within(5_000 * 0.05));
        assertThat(id.distinctLowerBound()).isLessThanOrEqualTo(5_000);
        assertThat(id.distinctUpperBound()).isGreaterThanOrEqualTo(5_000);
    }

    @Test
    void fixedBinsCountExactly() {
        Table table = Table.of("t", DoubleColumn.of("x", -1, 0, 0.5, 1, 1.5, 2, 3));
        Histogram histogram = Profiles.of(table, ProfileOptions.builder().fixedBins("x", 0, 1, 2).build())
                .column("x").histogram();

        assertThat(histogram.exact()).isTrue();
        assertThat(histogram.bins()).extracting(Histogram.Bin::count).containsExactly(1L, 2L, 3L, 1L);
    }

    @Test
    void recordsAreProfiledWithoutATable() {
        List<Weather> days = List.of(
                new Weather("Seattle", 4.7, 5.0, true, 1, Instant.parse("2012-01-01T00:00:00Z")),
                new Weather("Seattle", 4.5, null, false, 2, Instant.parse("2012-01-02T00:00:00Z")),
                new Weather("New York", 2.0, -1.0, true, 3, Instant.parse("2012-01-03T00:00:00Z")));

        DatasetProfile profile = Profiles.ofRecords(days);

        assertThat(profile.rowCount()).isEqualTo(3);
        assertThat(profile.columnNames()).containsExactly("location", "wind", "tempMin", "rain", "day", "at");
        assertThat(profile.column("wind").moments().orElseThrow().mean()).isCloseTo(3.7333, within(1e-4));
        assertThat(profile.column("tempMin").nullCount()).isEqualTo(1);
        assertThat(profile.column("rain").categoryCounts()).hasValue(Map.of("false", 1L, "true", 2L));
        assertThat(profile.column("day").type().name()).isEqualTo("LONG");
        assertThat(profile.column("at").type().name()).isEqualTo("TIMESTAMP");
        assertThat(profile.column("location").categoryCounts()).hasValue(Map.of("Seattle", 2L, "New York", 1L));
    }

    @Test
    void mapRowsAreProfiledAndMissingKeysAreNulls() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(Map.of("a", 1.5));
        rows.add(Map.of("a", 2.5, "b", "x"));
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("a", null);
        withNull.put("b", "y");
        rows.add(withNull);

        DatasetProfile profile = Profiles.ofMaps(rows);

        assertThat(profile.rowCount()).isEqualTo(3);
        assertThat(profile.column("a").nullCount()).isEqualTo(1);
        assertThat(profile.column("b").nullCount()).isEqualTo(1);
        assertThat(profile.column("b").categoryCounts()).hasValue(Map.of("x", 1L, "y", 1L));
    }

    @Test
    void aMapValueOfTheWrongTypeIsAClearError() {
        assertThatThrownBy(() -> Profiles.ofMaps(List.of(Map.of("a", 1.5), Map.of("a", "text"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 'a'").hasMessageContaining("DOUBLE");
    }

    @Test
    void aProfileSurvivesAJsonRoundTrip() {
        DatasetProfile profile = Profiles.of(small(), ProfileOptions.builder().fixedBins("wind", 0, 2, 4).build());

        DatasetProfile back = DatasetProfile.fromJson(profile.toJson());

        for (ColumnProfile column : profile.columns()) {
            ColumnProfile read = back.column(column.name());
            assertThat(read.toString()).isEqualTo(column.toString());
            assertThat(read.frequentItems()).containsExactlyInAnyOrderElementsOf(column.frequentItems());
            assertThat(read.distinctEstimate()).isEqualTo(column.distinctEstimate());
            assertThat(read.quantile(0.5)).isEqualTo(column.quantile(0.5));
            assertThat(read.histogram()).isEqualTo(column.histogram());
        }
        assertThat(back.rowCount()).isEqualTo(6);
        assertThat(back.column("wind").moments()).isEqualTo(profile.column("wind").moments());
        assertThat(back.column("kind").categoryCounts()).isEqualTo(profile.column("kind").categoryCounts());
        assertThat(back.column("wind").histogram()).isEqualTo(profile.column("wind").histogram());
        assertThat(profile.toJson()).contains("\"formatVersion\":1");
    }

    @Test
    void anUnknownFormatVersionIsRefusedWithTheVersionsNamed() {
        String json = Profiles.of(small()).toJson().replace("\"formatVersion\":1", "\"formatVersion\":99");

        assertThatThrownBy(() -> DatasetProfile.fromJson(json)).isInstanceOf(ProfileFormatException.class)
                .hasMessageContaining("formatVersion 99").hasMessageContaining("version 1");
    }

    @Test
    void aCorruptSketchIsRefusedNamingTheColumn() {
        String json = Profiles.of(small()).toJson().replaceFirst("\"kll\":\"[^\"]+\"", "\"kll\":\"AAAA\"");

        assertThatThrownBy(() -> DatasetProfile.fromJson(json)).isInstanceOf(ProfileFormatException.class)
                .hasMessageContaining("column 'wind'");
    }

    @Test
    void invalidJsonIsRefused() {
        assertThatThrownBy(() -> DatasetProfile.fromJson("{not json")).isInstanceOf(ProfileFormatException.class);
        assertThatThrownBy(() -> DatasetProfile.fromJson("{\"rowCount\":1}")).isInstanceOf(ProfileFormatException.class)
                .hasMessageContaining("formatVersion");
    }

    @Test
    void anEmptyTableHasAnEmptyProfile() {
        DatasetProfile profile = Profiles.of(Table.of("empty", DoubleColumn.of("x")));

        assertThat(profile.rowCount()).isZero();
        assertThat(profile.column("x").moments()).isEmpty();
        assertThat(profile.column("x").quantile(0.5)).isEmpty();
        assertThat(DatasetProfile.fromJson(profile.toJson()).rowCount()).isZero();
    }
}
