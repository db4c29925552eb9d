package io.github.mlhighway.lifecycle.spark;

import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.profile.ProfileOptions;
import io.github.mlhighway.lifecycle.spark.internal.ProfileSpec;
import io.github.mlhighway.lifecycle.spark.internal.RowTables;
import io.github.mlhighway.lifecycle.spark.internal.SparkColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** A local[2] Spark session bound to loopback, one per test class, and helpers to make Datasets. */
final class LocalSpark {

    private LocalSpark() {
    }

    static SparkSession start() {
        SparkSession spark = SparkSession.builder()
                .master("local[2]")
                .appName("lifecycle-spark-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }

    static void stop(SparkSession spark) {
        if (spark != null) {
            spark.stop();
        }
    }

    /** A Dataset of exactly these rows, split into {@code partitions} partitions in order. */
    static Dataset<Row> dataset(SparkSession spark, List<Row> rows, StructType schema, int partitions) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return spark.createDataFrame(context.parallelize(rows, partitions), schema);
    }

    /** The in-process table of the same rows, values mapped as the Spark profiler maps them. */
    static Table table(String name, StructType schema, List<Row> rows) {
        ProfileSpec spec = SparkColumns.plan(schema, Set.of(), false, ProfileOptions.defaults(), new ArrayList<>());
        return RowTables.of(name, spec, rows);
    }
}
