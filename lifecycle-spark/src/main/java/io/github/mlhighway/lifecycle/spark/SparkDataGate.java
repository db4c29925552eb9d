package io.github.mlhighway.lifecycle.spark;

import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.core.data.quality.Constraint;
import io.github.mlhighway.lifecycle.core.data.quality.DataGate;
import io.github.mlhighway.lifecycle.core.data.quality.RowConstraint;
import io.github.mlhighway.lifecycle.core.data.quality.RowConstraint.Tally;
import io.github.mlhighway.lifecycle.core.data.quality.RowCount;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.spark.internal.GateAggregator;
import io.github.mlhighway.lifecycle.spark.internal.ProfileSpec;
import io.github.mlhighway.lifecycle.spark.internal.QuarantineFunction;
import io.github.mlhighway.lifecycle.spark.internal.RowTables;
import io.github.mlhighway.lifecycle.spark.internal.SparkColumns;
import io.github.mlhighway.lifecycle.spark.internal.ValueKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * A library {@link DataGate} evaluated on a Spark {@code Dataset<Row>}: the row constraints are judged on the
 * executors by the library's own rules, in the same scan that computes the profile, and the verdict is the one
 * {@code gate.evaluate(table)} gives on the same rows in one process (same findings, same sentences, the failing
 * rows numbered in {@code collect()} order). Failing rows can be {@link #quarantine quarantined} instead of
 * failing the batch. Immutable and thread-safe.
 *
 * <p>What this version judges on Spark: row constraints ({@code completeness}, {@code min}, {@code max},
 * {@code range}, {@code allowedValues}, {@code matches}, {@code satisfies} with a serializable predicate, each
 * with {@code mostly}) and {@code rowCount}. Constraints that need the whole column at once ({@code uniqueness},
 * {@code mean}, exact {@code quantile}) and schema validation are reported as INCONCLUSIVE findings that say so,
 * never silently passed.
 *
 * <pre>{@code
 * DataGate gate = DataGate.builder("flights").expect(Constraints.range("distance", 0, 5000).mostly(0.99),
 *     Constraints.completeness("delay")).build();
 * SparkGateResult result = SparkDataGate.of(gate).evaluate(flights, "flights");
 * Dataset<Row> bad = SparkDataGate.of(gate).quarantine(flights);   // rows + lifecycle_failed_checks
 * }</pre>
 *
 * @since 0.1
 */
public final class SparkDataGate {

    /** The column {@link #quarantine} appends: the checks a row failed, e.g. {@code ["range(distance)"]}. */
    public static final String FAILED_CHECKS = "lifecycle_failed_checks";
    /** The name of the gate's aggregate function in Spark plans. */
    public static final String FUNCTION_NAME = "lifecycle_gate";

    private final DataGate gate;
    private final SparkProfiler profiler;

    private SparkDataGate(DataGate gate, SparkProfiler profiler) {
        this.gate = Objects.requireNonNull(gate, "gate");
        this.profiler = Objects.requireNonNull(profiler, "profiler");
    }

    /**
     * A Spark form of a gate, profiling with the default options.
     *
     * @param gate the gate
     * @return the Spark gate
     */
    public static SparkDataGate of(DataGate gate) {
        return new SparkDataGate(gate, SparkProfiler.builder().build());
    }

    /**
     * A Spark form of a gate with a profiler of one's own (its segments are ignored).
     *
     * @param gate     the gate
     * @param profiler the profiler whose options the profile uses
     * @return the Spark gate
     */
    public static SparkDataGate of(DataGate gate, SparkProfiler profiler) {
        return new SparkDataGate(gate, profiler);
    }

    /**
     * Evaluates the gate and profiles the rows in one Spark job.
     *
     * @param data      the rows
     * @param tableName the name findings give the data (as a Table's name in process)
     * @return the verdict and the profile
     * @throws SparkProfileException when the Spark job fails (the message says which and why)
     */
    public SparkGateResult evaluate(Dataset<Row> data, String tableName) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(tableName, "tableName");
        StructType schema = data.schema();
        Plan plan = plan(schema, tableName);
        ProfileSpec spec = profileSpec(schema);
        List<Column> aggregates = new ArrayList<>();
        aggregates.add(SparkProfiler.aggregate(schema, spec));
        if (!plan.judged.isEmpty()) {
            aggregates.add(functions.udaf(new GateAggregator(plan.judgedSpec, plan.judged),
                    Encoders.row(SparkColumns.inputType(schema, plan.judgedSpec))).withName(FUNCTION_NAME)
                    .apply(SparkColumns.columns(plan.judgedSpec)));
        }
        Row row = SparkProfiler.run("data gate '" + gate.name() + "'", data,
                () -> data.select(aggregates.toArray(Column[]::new)).first());
        DatasetProfile profile = DatasetProfile.fromJson(row.getString(0));
        List<Tally> tallies = plan.judged.isEmpty() ? List.of()
                : GateAggregator.decode((byte[]) row.get(1), plan.judged.size());
        List<Finding> findings = new ArrayList<>(plan.before);
        for (int c = 0; c < gate.constraints().size(); c++) {
            Constraint constraint = gate.constraints().get(c);
            Finding fixed = plan.fixed.get(c);
            if (fixed != null) {
                findings.add(fixed);
            } else if (constraint instanceof RowCount count) {
                findings.add(count.finding(tableName, profile.rowCount()));
            } else {
                int judged = plan.judged.indexOf(constraint);
                findings.add(((RowConstraint) constraint).finding(tallies.get(judged), tableName,
                        profile.rowCount(), profile.rowCount()));
            }
        }
        return new SparkGateResult(Verdict.fromFindings(gate.name(), findings, gate.clock().instant()), profile);
    }

    /**
     * The rows that fail at least one of the gate's row constraints, with the checks they failed appended as
     * {@value #FAILED_CHECKS} ({@code array<string>}). Lazy: nothing runs until the Dataset is used. Constraints
     * that cannot be judged row by row on Spark are left out.
     *
     * @param data the rows
     * @return the failing rows
     */
    public Dataset<Row> quarantine(Dataset<Row> data) {
        StructType schema = data.schema();
        Plan plan = plan(schema, "quarantine");
        int[] fields = new int[plan.judgedSpec.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = schema.fieldIndex(plan.judgedSpec.name(i));
        }
        StructType out = schema.add(DataTypes.createStructField(FAILED_CHECKS,
                DataTypes.createArrayType(DataTypes.StringType, false), false));
        return data.mapPartitions(new QuarantineFunction(fields, plan.judgedSpec, plan.judged), Encoders.row(out));
    }

    /** Which constraints are judged on the executors, and the findings known without a scan. */
    private static final class Plan {
        final List<Finding> before;
        final Map<Integer, Finding> fixed;
        final List<RowConstraint> judged;
        final ProfileSpec judgedSpec;

        Plan(List<Finding> before, Map<Integer, Finding> fixed, List<RowConstraint> judged, ProfileSpec judgedSpec) {
            this.before = before;
            this.fixed = fixed;
            this.judged = judged;
            this.judgedSpec = judgedSpec;
        }
    }

    private Plan plan(StructType schema, String tableName) {
        List<Finding> before = new ArrayList<>();
        Map<Integer, Finding> fixed = new LinkedHashMap<>();
        List<RowConstraint> judged = new ArrayList<>();
        ProfileSpec spec = profileSpec(schema);
        Table empty = new RowTables(tableName, spec).build();
        if (gate.schema().isPresent()) {
            before.add(Finding.note("schema", Outcome.INCONCLUSIVE, "Schema validation of a Spark Dataset is"
                    + " not supported by this version of lifecycle-spark; validate a sample in process with"
                    + " DataGate.evaluate, or express the rules as row constraints"));
        }
        List<String> judgedColumns = new ArrayList<>();
        for (int c = 0; c < gate.constraints().size(); c++) {
            Constraint constraint = gate.constraints().get(c);
            if (constraint instanceof RowCount) {
                continue;
            }
            if (!(constraint instanceof RowConstraint row) || constraint.check().startsWith("uniqueness(")) {
                fixed.put(c, Finding.note(constraint.check(), Outcome.INCONCLUSIVE, "Constraint '"
                        + constraint.check() + "' needs the whole column at once and is not evaluated on Spark by"
                        + " this version of lifecycle-spark (row constraints other than uniqueness, and the row"
                        + " count, are); evaluate it in process on a sample"));
                continue;
            }
            StructField field = find(schema, row.column());
            if (field != null && ValueKind.of(field.dataType()) == null) {
                fixed.put(c, Finding.note(constraint.check(), Outcome.FAIL, "Column '" + row.column()
                        + "' is " + field.dataType().simpleString() + "; lifecycle-spark judges flat columns of"
                        + " numeric, boolean, string, date and timestamp types. Flatten it first"));
                continue;
            }
            var unjudgeable = row.unjudgeable(empty);
            if (unjudgeable.isPresent()) {
                fixed.put(c, unjudgeable.get());
                continue;
            }
            judged.add(row);
            if (!judgedColumns.contains(row.column())) {
                judgedColumns.add(row.column());
            }
        }
        List<String> names = new ArrayList<>();
        List<ValueKind> kinds = new ArrayList<>();
        for (int i = 0; i < spec.size(); i++) {
            if (judgedColumns.contains(spec.name(i))) {
                names.add(spec.name(i));
                kinds.add(spec.kind(i));
            }
        }
        return new Plan(before, fixed, judged, new ProfileSpec(names, kinds, profiler.options()));
    }

    private ProfileSpec profileSpec(StructType schema) {
        return SparkColumns.plan(schema, Set.of(), true, profiler.options(), new ArrayList<>());
    }

    private static @Nullable StructField find(StructType schema, String name) {
        for (StructField field : schema.fields()) {
            if (field.name().equals(name)) {
                return field;
            }
        }
        return null;
    }
}
