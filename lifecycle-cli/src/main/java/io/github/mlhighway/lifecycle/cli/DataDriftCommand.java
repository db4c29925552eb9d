package io.github.mlhighway.lifecycle.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mlhighway.lifecycle.core.data.drift.ColumnDrift;
import io.github.mlhighway.lifecycle.core.data.drift.Drift;
import io.github.mlhighway.lifecycle.core.data.drift.DriftReport;
import io.github.mlhighway.lifecycle.core.data.drift.DriftStatus;
import io.github.mlhighway.lifecycle.core.json.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lifecycle data drift --reference REF --current CUR [--json]}: a drift report, one row per column. */
@Command(name = "drift", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Compare a current data set with a reference, column by column, and decide whether the "
                + "data set drifted. Each file is a CSV (tests on raw values) or a profile JSON from `lifecycle "
                + "data profile` (tests on its sketches).",
            "A column that was comparable in the reference and is not in the current data (missing, all null or NaN, "
                + "turned to text, or with more NaN/infinite values than before) is BROKEN, and the data set drifts.",
            "Statistics from profiles carry their sketch error bound; a decision within it is INCONCLUSIVE.",
            "With --json: one object {\"columns\": [{column, test, statistic, pValue, effect, threshold, drifted, "
                + "status, message, errorBound, nonFiniteShare, broken}], \"drifted\", \"status\", \"message\", "
                + "\"brokenColumns\"}; pValue is null for a test without one.",
            "Exit codes: 0 no drift, 1 drift (a broken column included), 2 bad input or nothing to compare, "
                + "3 undecided within the sketches' error bounds."})
final class DataDriftCommand implements Callable<Integer> {

    /** Exit code when the data-set decision lies within the sketches' error bounds. */
    static final int UNDECIDED = 3;

    @Spec
    private @Nullable CommandSpec spec;

    @Option(names = {"-r", "--reference"}, required = true, paramLabel = "REF", description = "Reference data: "
            + ".csv or profile .json.")
    private @Nullable Path reference;

    @Option(names = {"-c", "--current"}, required = true, paramLabel = "CUR", description = "Current data: .csv or "
            + "profile .json.")
    private @Nullable Path current;

    @Option(names = "--reference-where", paramLabel = "COLUMN=VALUE", description = "Keep only the reference rows "
            + "whose COLUMN reads VALUE (CSV only; repeatable).")
    private Map<String, String> referenceWhere = new LinkedHashMap<>();

    @Option(names = "--current-where", paramLabel = "COLUMN=VALUE", description = "Keep only the current rows "
            + "whose COLUMN reads VALUE (CSV only; repeatable).")
    private Map<String, String> currentWhere = new LinkedHashMap<>();

    @Option(names = {"-x", "--ignore"}, paramLabel = "COLUMN", split = ",", description = "Columns to leave out "
            + "(e.g. ids, dates, the column used to split the data).")
    private List<String> ignored = new ArrayList<>();

    @Option(names = "--json", description = "Print exactly one JSON object instead of the table.")
    private boolean json;

    /**
     * Runs the comparison.
     *
     * @return 0 no drift, 1 drift or a broken column, 2 bad input, 3 undecided
     */
    @Override
    public Integer call() {
        CommandSpec spec = Picocli.injected(this.spec, "@Spec");
        Path reference = Picocli.injected(this.reference, "-r");
        Path current = Picocli.injected(this.current, "-c");
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        DriftReport report;
        DataInput ref;
        DataInput cur;
        try {
            ref = DataInput.load(reference, referenceWhere).without(ignored);
        } catch (RuntimeException e) {
            return ExitCodes.badInput(err, "reference (-r): " + e.getMessage());
        }
        try {
            cur = DataInput.load(current, currentWhere).without(ignored);
        } catch (RuntimeException e) {
            return ExitCodes.badInput(err, "current data (-c): " + e.getMessage());
        }
        try {
            report = ref.isTable() && cur.isTable() ? Drift.between(ref.table(), cur.table())
                    : Drift.between(ref.profile(), cur.profile());
        } catch (RuntimeException e) {
            return ExitCodes.badInput(err, e.getMessage());
        }
        out.println(json ? json(report) : report.describe());
        out.flush();
        if (report.status() == DriftStatus.INCONCLUSIVE && report.testedColumns() == 0) {
            return ExitCodes.badInput(err, "nothing could be compared: " + report.message());
        }
        if (report.status() == DriftStatus.INCONCLUSIVE) {
            err.println("undecided: " + report.message());
            err.flush();
            return UNDECIDED;
        }
        if (!report.brokenColumnNames().isEmpty()) {
            err.println("broken column(s): " + String.join(", ", report.brokenColumnNames()));
            err.flush();
        }
        return report.drifted() ? ExitCodes.FOUND : ExitCodes.OK;
    }

    private static String json(DriftReport report) {
        ObjectNode root = Json.mapper().createObjectNode();
        ArrayNode columns = root.putArray("columns");
        for (ColumnDrift column : report.columns()) {
            ObjectNode node = columns.addObject();
            node.put("column", column.column());
            node.put("test", column.test());
            node.put("statistic", column.statistic());
            node.put("pValue", column.pValue());
            node.put("effect", column.effect());
            node.put("threshold", column.threshold());
            node.put("drifted", column.drifted());
            node.put("status", column.status().name());
            node.put("message", column.message());
            node.put("errorBound", column.errorBound());
            node.put("nonFiniteShare", column.nonFiniteShare());
            node.put("broken", column.broken());
        }
        root.put("drifted", report.drifted());
        root.put("status", report.status().name());
        root.put("message", report.message());
        ArrayNode broken = root.putArray("brokenColumns");
        report.brokenColumnNames().forEach(broken::add);
        return Json.write(root);
    }
}
