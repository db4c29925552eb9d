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
        int uncertain = 0;
        int index = 0;
        List<String> broken = new ArrayList<>();
        for (Object result : results) {
            ColumnDrift column = result instanceof ColumnDriftEvaluator.Measurement m ? decide(m, adjusted[index++])
                    : (ColumnDrift) result;
            drifted += column.drifted() ? 1 : 0;
            uncertain += column.status() == DriftStatus.INCONCLUSIVE && column.errorBound() != null ? 1 : 0;
            if (column.broken()) {
                broken.add(column.column());
            }
            columns.add(column);
        }
        int tested = 0;
        for (ColumnDrift column : columns) {
            tested += column.status() != DriftStatus.INCONCLUSIVE || column.errorBound() != null ? 1 : 0;
        }
        double share = tested == 0 ? 0.0 : (double) drifted / tested;
        DriftStatus status;
        String message;
        if (tested == 0) {
            status = DriftStatus.INCONCLUSIVE;
            message = columns.isEmpty() ? "No columns to compare." : "No column could be tested; see each column.";
        } else {
            boolean byShare = share >= options.driftShare();
            boolean withinBounds = !byShare && broken.isEmpty()
                    && (double) (drifted + uncertain) / tested >= options.driftShare();
            status = byShare || !broken.isEmpty() ? DriftStatus.DRIFTED
                    : withinBounds ? DriftStatus.INCONCLUSIVE : DriftStatus.NO_DRIFT;
            String head = switch (status) {
                case DRIFTED -> "Data set drifted";
                case INCONCLUSIVE -> "Data set drift undecided";
                case NO_DRIFT -> "No data set drift";
            };
            message = String.format(java.util.Locale.ROOT, "%s: %d of %d tested columns drifted (share %s %s %s, "
                    + "%s correction at alpha %s)%s%s%s.", head, drifted, tested, format(share),
                    byShare ? ">=" : "<", format(options.driftShare()),
                    options.correction().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    format(options.alpha()),
                    broken.isEmpty() ? "" : "; broken column(s), which make the data set drift: "
                    + String.join(", ", broken.stream().map(name -> "'" + name + "'").toList()),
                    uncertain == 0 ? "" : "; " + uncertain + " column(s) within the error bound of their sketches"
                    + (withinBounds ? ", enough to reach the share" : ""),
                    columns.size() > tested ? "; " + (columns.size() - tested) + " column(s) inconclusive" : "");
        }
        return new DriftReport(columns, tested, drifted, share, options.driftShare(), options.correction(),
                options.alpha(), status, message);
    }

    private ColumnDrift decide(ColumnDriftEvaluator.Measurement m, double adjustedP) {
        double threshold = options.threshold(m.test());
        boolean significant = adjustedP < options.alpha();
        boolean large = m.effect() >= threshold;
        double bound = m.errorBound();
        // inside the sketch's error bound the effect could be on either side of the threshold
        boolean undecided = significant && bound > 0 && Math.abs(m.effect() - threshold) <= bound;
        boolean broken = m.broken() != null;
        DriftStatus status = broken || (significant && large && !undecided) ? DriftStatus.DRIFTED
                : undecided ? DriftStatus.INCONCLUSIVE : DriftStatus.NO_DRIFT;
        String effect = m.test().effectMeasure() + " " + format(m.effect())
                + (bound > 0 ? " ± " + format(bound) + " (sketch error bound)" : Double.isNaN(bound)
                ? " (from sketches, error bound unknown)" : "")
                + (undecided ? " around " : large ? " >= " : " < ") + format(threshold);
        String significance = m.significanceTest() + " p-value " + format(m.significancePValue()) + " (adjusted "
                + format(adjustedP) + (significant ? " < " : " >= ") + format(options.alpha()) + ")";
        String verdict = broken ? "broke: " + m.broken() + ";" : undecided ? "is undecided within the error "
                + "bound of its sketches:" : status == DriftStatus.DRIFTED ? "drifted:" : "did not drift:";
        String extra = m.test() == DriftTest.PSI && m.effect() >= DriftTest.PSI_MAJOR ? " (a major PSI shift)" : "";
        String note = m.note().isEmpty() ? "" : "; " + m.note();
        String message = "Column '" + m.column() + "' " + verdict + " " + effect + extra + ", " + significance
                + note + ".";
        return new ColumnDrift(m.column(), m.test().id(), m.statistic(), m.pValue(), m.effect(),
                m.test().effectMeasure(), threshold, options.alpha(), m.significanceTest(), m.significancePValue(),
                adjustedP, m.fromSketches(), status, message, Double.isNaN(bound) ? null : bound,
                m.nonFiniteShare(), broken);
    }
}
