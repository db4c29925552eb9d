package io.github.mlhighway.lifecycle.core.data.drift;

import static io.github.mlhighway.lifecycle.core.data.drift.ColumnDriftEvaluator.format;

import java.util.ArrayList;
import java.util.List;

/** Applies the multiple-testing correction and the significance-and-effect rule, and decides for the data set. */
final class DriftDecider {

    private final DriftOptions options;

    DriftDecider(DriftOptions options) {
        this.options = options;
    }

    /**
     * @param results for each column, a {@link ColumnDriftEvaluator.Measurement} or an inconclusive ColumnDrift
     */
    DriftReport decide(List<Object> results) {
        List<ColumnDriftEvaluator.Measurement> measured = new ArrayList<>();
        for (Object result : results) {
            if (result instanceof ColumnDriftEvaluator.Measurement m) {
                measured.add(m);
            }
        }
        double[] raw = new double[measured.size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = measured.get(i).significancePValue();
        }
        double[] adjusted = options.correction().adjust(raw);
        List<ColumnDrift> columns = new ArrayList<>();
        int drifted = 0;
        int index = 0;
        for (Object result : results) {
            if (result instanceof ColumnDriftEvaluator.Measurement m) {
                ColumnDrift column = decide(m, adjusted[index++]);
                drifted += column.drifted() ? 1 : 0;
                columns.add(column);
            } else {
                columns.add((ColumnDrift) result);
            }
        }
        int tested = measured.size();
        double share = tested == 0 ? 0.0 : (double) drifted / tested;
        DriftStatus status;
        String message;
        if (tested == 0) {
            status = DriftStatus.INCONCLUSIVE;
            message = columns.isEmpty() ? "No columns to compare." : "No column could be tested; see each column.";
        } else {
            status = share >= options.driftShare() ? DriftStatus.DRIFTED : DriftStatus.NO_DRIFT;
            message = String.format(java.util.Locale.ROOT, "%s: %d of %d tested columns drifted (share %s %s %s, "
                    + "%s correction at alpha %s)%s.", status == DriftStatus.DRIFTED ? "Data set drifted"
                    : "No data set drift", drifted, tested, format(share),
                    status == DriftStatus.DRIFTED ? ">=" : "<", format(options.driftShare()),
                    options.correction().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    format(options.alpha()), columns.size() > tested ? "; " + (columns.size() - tested)
                    + " column(s) inconclusive" : "");
        }
        return new DriftReport(columns, tested, drifted, share, options.driftShare(), options.correction(),
                options.alpha(), status, message);
    }

    private ColumnDrift decide(ColumnDriftEvaluator.Measurement m, double adjustedP) {
        double threshold = options.threshold(m.test());
        boolean significant = adjustedP < options.alpha();
        boolean large = m.effect() >= threshold;
        DriftStatus status = significant && large ? DriftStatus.DRIFTED : DriftStatus.NO_DRIFT;
        String effect = m.test().effectMeasure() + " " + format(m.effect()) + (large ? " >= " : " < ")
                + format(threshold);
        String significance = m.significanceTest() + " p-value " + format(m.significancePValue()) + " (adjusted "
                + format(adjustedP) + (significant ? " < " : " >= ") + format(options.alpha()) + ")";
        String verdict = status == DriftStatus.DRIFTED ? "drifted" : "did not drift";
        String extra = m.test() == DriftTest.PSI && m.effect() >= DriftTest.PSI_MAJOR ? " (a major PSI shift)" : "";
        String note = m.note().isEmpty() ? "" : "; " + m.note();
        String message = "Column '" + m.column() + "' " + verdict + ": " + effect + extra + ", " + significance
                + note + ".";
        return new ColumnDrift(m.column(), m.test().id(), m.statistic(), m.pValue(), m.effect(),
                m.test().effectMeasure(), threshold, options.alpha(), m.significanceTest(), m.significancePValue(),
                adjustedP, m.fromSketches(), status, message);
    }
}
