package io.github.mlhighway.lifecycle.spark;

import static io.github.mlhighway.lifecycle.spark.ProfileAssertions.assertSameProfile;

import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.core.data.profile.Profiles;
import java.sql.Timestamp;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * However Spark partitions the rows, the Spark profile equals the in-process profile of the same rows (exact
 * parts exactly, sketches within their error). Bounded on purpose: few tries, small data, one session.
 */
class SparkProfileProperties {

    static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("wind", DataTypes.DoubleType, true),
            DataTypes.createStructField("visits", DataTypes.LongType, true),
            DataTypes.createStructField("code", DataTypes.IntegerType, true),
            DataTypes.createStructField("weather", DataTypes.StringType, true),
            DataTypes.createStructField("holiday", DataTypes.BooleanType, true),
            DataTypes.createStructField("observed", DataTypes.TimestampType, true)));

    private static SparkSession spark;

    @BeforeContainer
    static void startSpark() {
        spark = LocalSpark.start();
    }

    @AfterContainer
    static void stopSpark() {
        LocalSpark.stop(spark);
    }

    @Property(tries = 12, shrinking = ShrinkingMode.OFF)
    void theSparkProfileEqualsTheInProcessProfileForAnyPartitioning(@ForAll("rows") List<Row> rows,
            @ForAll @IntRange(min = 1, max = 7) int partitions) {
        DatasetProfile spark = SparkProfiler.profileOf(LocalSpark.dataset(SparkProfileProperties.spark, rows, SCHEMA,
                partitions));
        DatasetProfile local = Profiles.of(LocalSpark.table("rows", SCHEMA, rows));
        assertSameProfile(spark, local);
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        Arbitrary<Double> wind = Arbitraries.oneOf(
                Arbitraries.doubles().between(-50, 50).ofScale(2),
                Arbitraries.of(0.0, 1.5, Double.NaN, Double.POSITIVE_INFINITY)).injectNull(0.1);
        Arbitrary<Long> visits = Arbitraries.longs().between(-1_000_000, 1_000_000).injectNull(0.05);
        Arbitrary<Integer> code = Arbitraries.integers().between(1, 6).injectNull(0.2);
        Arbitrary<String> weather = Arbitraries.of("rain", "sun", "fog", "snow", "drizzle").injectNull(0.1);
        Arbitrary<Boolean> holiday = Arbitraries.of(true, false).injectNull(0.1);
        Arbitrary<Timestamp> observed = Arbitraries.longs().between(1_300_000_000_000L, 1_500_000_000_000L)
                .map(Timestamp::new).injectNull(0.1);
        Arbitrary<Row> row = Combinators.combine(wind, visits, code, weather, holiday, observed)
                .as((w, v, c, s, h, t) -> RowFactory.create(w, v, c, s, h, t));
        return row.list().ofMinSize(0).ofMaxSize(600);
    }
}
