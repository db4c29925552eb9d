package io.github.mlhighway.lifecycle.benchmarks.spark;

import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.spark.SparkProfiler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

/**
 * A timed harness (one JVM, one local[2] session, one cached DataFrame per data set): Lifecycle's one-scan
 * profile against what a Spark user already runs for the same columns, {@code summary()} plus one
 * {@code approx_count_distinct} for every column and {@code percentile_approx} (quartiles) for every numeric one.
 * Each side runs {@code warmups} times unmeasured, then {@code runs} times; the table gives the median.
 *
 * <p>Arguments: {@code flights|wide|both [wideRows] [runs] [warmups]} (defaults: both, 1000000, 3, 1).
 * Benchmark time is read with {@code System.nanoTime()} here, in the harness, never in library logic.
 */
public final class SparkProfileBenchmark {

    private SparkProfileBenchmark() {
    }

    /**
     * Runs the benchmark and prints a Markdown table.
     *
     * @param args see the class comment
     * @throws IOException when the flights data cannot be copied out of the classpath
     */
    public static void main(String[] args) throws IOException {
        String which = args.length > 0 ? args[0] : "both";
        long wideRows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int warmups = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        SparkSession spark = SparkSession.builder().master("local[2]").appName("lifecycle-spark-benchmark")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            System.out.println("| data set | rows | columns | Lifecycle profile (s) | Spark summary + approx_count_distinct"
                    + " + percentile_approx (s) | Lifecycle rows/s | Spark rows/s | Spark time / Lifecycle time |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            if (which.equals("flights") || which.equals("both")) {
                report("flights-200k", flights(spark), runs, warmups);
            }
            if (which.equals("wide") || which.equals("both")) {
                report("wide synthetic (200 numeric + 20 string)", wide(spark, wideRows), runs, warmups);
            }
        } finally {
            spark.stop();
        }
    }

    private static void report(String name, Dataset<Row> data, int runs, int warmups) {
        data.cache();
        long rows = data.count();
        SparkProfiler profiler = SparkProfiler.builder().build();
        double lifecycle = median(runs, warmups, () -> {
            DatasetProfile profile = profiler.profile(data);
            if (profile.rowCount() != rows) {
                throw new IllegalStateException("profile has " + profile.rowCount() + " rows, data " + rows);
            }
        });
        double sparkOwn = median(runs, warmups, () -> sparkAggregates(data));
        System.out.printf(Locale.ROOT, "| %s | %,d | %d | %.2f | %.2f | %,.0f | %,.0f | %.2f |%n", name, rows,
                data.columns().length, lifecycle, sparkOwn, rows / lifecycle, rows / sparkOwn, sparkOwn / lifecycle);
        data.unpersist();
    }

    /** What Spark offers for the same columns: summary() and two approximate aggregates in one more scan. */
    static void sparkAggregates(Dataset<Row> data) {
        data.summary().collectAsList();
        List<Column> aggregates = new ArrayList<>();
        for (StructField field : data.schema().fields()) {
            Column column = functions.col("`" + field.name() + "`");
            aggregates.add(functions.approx_count_distinct(column));
            if (field.dataType() instanceof NumericType) {
                aggregates.add(functions.percentile_approx(column,
                        functions.lit(new double[] {0.25, 0.5, 0.75}), functions.lit(10_000)));
            }
        }
        data.select(aggregates.toArray(Column[]::new)).collectAsList();
    }

    private static double median(int runs, int warmups, Runnable action) {
        for (int i = 0; i < warmups; i++) {
            action.run();
        }
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            action.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[runs / 2];
    }

    private static Dataset<Row> flights(SparkSession spark) throws IOException {
        Path file = Files.createTempFile("flights-200k", ".csv");
        file.toFile().deleteOnExit();
        try (InputStream in = SparkProfileBenchmark.class.getResourceAsStream("/data/flights-200k.csv")) {
            if (in == null) {
                throw new IOException("data/flights-200k.csv is not on the classpath");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return spark.read().option("header", "true").option("inferSchema", "true").csv(file.toString())
                .repartition(2);
    }

    /** 200 numeric columns (uniform, normal, small integer domains) and 20 string columns of 50 to 5,000 values. */
    private static Dataset<Row> wide(SparkSession spark, long rows) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Column value = switch (i % 3) {
                case 0 -> functions.rand(i).multiply(1000);
                case 1 -> functions.randn(i).multiply(15).plus(100);
                default -> functions.floor(functions.rand(i).multiply(20)).cast("long");
            };
            columns.add(value.as("n" + i));
        }
        for (int i = 0; i < 20; i++) {
            int categories = 50 * (1 + i % 10) * (i < 10 ? 1 : 10);
            columns.add(functions.concat(functions.lit("c"), functions.floor(functions.rand(1000 + i)
                    .multiply(categories)).cast("string")).as("s" + i));
        }
        return spark.range(0, rows, 1, 2).select(columns.toArray(Column[]::new));
    }
}
