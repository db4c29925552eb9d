package io.github.mlhighway.lifecycle.spark;

import static io.github.mlhighway.lifecycle.spark.ProfileAssertions.assertSameProfile;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.core.data.profile.Profiles;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SparkProfilerTest {

    static final StructType WEATHER = DataTypes.createStructType(List.of(
            DataTypes.createStructField("location", DataTypes.StringType, false),
            DataTypes.createStructField("observed", DataTypes.TimestampType, false),
            DataTypes.createStructField("wind", DataTypes.DoubleType, true),
            DataTypes.createStructField("station", DataTypes.StringType, true)));
    static final long DAY = Duration.ofDays(1).toMillis();
    static final long START = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();

    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stopSpark() {
        LocalSpark.stop(spark);
    }

    /** Seattle and New York, four days, 20,000 rows: enough for every sketch to leave its exact mode. */
    static List<Row> weather(long seed, int rows, double windShift) {
        Random random = new Random(seed);
        List<Row> list = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            boolean seattle = random.nextBoolean();
            double wind = (seattle ? 3.0 : 4.5) + windShift + random.nextGaussian();
            list.add(RowFactory.create(seattle ? "Seattle" : "New York",
                    new Timestamp(START + (long) (random.nextDouble() * 4 * DAY)),
                    random.nextInt(50) == 0 ? null : wind,
                    "station-" + random.nextInt(3_000)));
        }
        return list;
    }

    @Test
    void aWholeDatasetProfileEqualsTheInProcessProfileWithinTheSketchErrors() {
        List<Row> rows = weather(1, 20_000, 0);

        DatasetProfile profile = SparkProfiler.profileOf(LocalSpark.dataset(spark, rows, WEATHER, 5));

        DatasetProfile local = Profiles.of(LocalSpark.table("weather", WEATHER, rows));
        assertSameProfile(profile, local);
        assertThat(profile.column("station").categoryCapExceeded()).isTrue();
        assertThat(profile.column("station").distinctEstimate()).isBetween(2_800.0, 3_200.0);
    }

    @Test
    void segmentsByLocationAndDayGiveOneProfilePerSegmentEqualToTheInProcessOne() {
        List<Row> rows = weather(2, 4_000, 0);

        List<SegmentProfile> segments = SparkProfiler.builder().segmentBy("location")
                .window("observed", Duration.ofDays(1)).build()
                .profileSegments(LocalSpark.dataset(spark, rows, WEATHER, 3));

        assertThat(segments).hasSize(8);
        StructType profiled = DataTypes.createStructType(List.of(WEATHER.fields()).subList(1, 4));
        for (SegmentProfile segment : segments) {
            String location = segment.key().get("location");
            long from = segment.windowStart().toEpochMilli();
            List<Row> mine = new ArrayList<>();
            for (Row row : rows) {
                long at = row.getTimestamp(1).getTime();
                if (row.getString(0).equals(location) && at >= from && at < from + DAY) {
                    mine.add(RowFactory.create(row.get(1), row.get(2), row.get(3)));
                }
            }
            assertThat(segment.windowEnd().toEpochMilli()).isEqualTo(from + DAY);
            assertThat(segment.profile().columnNames()).containsExactly("observed", "wind", "station");
            assertSameProfile(segment.profile(), Profiles.of(LocalSpark.table(segment.describe(), profiled, mine)));
        }
        assertThat(segments.get(0).describe()).isEqualTo("location=New York, window=[2024-03-01T00:00:00Z,"
                + " 2024-03-02T00:00:00Z)");
    }

    @Test
    void segmentsByColumnsAloneMergeBackToTheWholeProfile() {
        List<Row> rows = weather(3, 3_000, 0);

        List<SegmentProfile> segments = SparkProfiler.builder().segmentBy("location").build()
                .profileSegments(LocalSpark.dataset(spark, rows, WEATHER, 2));

        assertThat(segments).extracting(s -> s.key().get("location")).containsExactly("New York", "Seattle");
        assertThat(segments.get(0).windowStart()).isNull();
        DatasetProfile merged = segments.get(0).profile().merge(segments.get(1).profile());
        StructType profiled = DataTypes.createStructType(List.of(WEATHER.fields()).subList(1, 4));
        List<Row> withoutLocation = rows.stream().map(r -> RowFactory.create(r.get(1), r.get(2), r.get(3))).toList();
        assertSameProfile(merged, Profiles.of(LocalSpark.table("weather", profiled, withoutLocation)));
    }

    @Test
    void aSparkProfileRoundTripsThroughTheVersionedJson() {
        DatasetProfile profile = SparkProfiler.profileOf(LocalSpark.dataset(spark, weather(4, 2_000, 0), WEATHER, 2));

        DatasetProfile read = DatasetProfile.fromJson(profile.toJson());

        assertThat(read.toJson()).isEqualTo(profile.toJson());
        assertThat(profile.toJson()).startsWith("{\"formatVersion\":1,");
    }
}
