package io.github.mlhighway.lifecycle.core.data.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Chooses and runs the drift test of one column (DESIGN §5, Evidently's rules) and returns the raw result;
 * the decision after correction is made by {@link DriftReport}.
 */
final class ColumnDriftEvaluator {

    private final DriftOptions options;

    ColumnDriftEvaluator(DriftOptions options) {
        this.options = options;
    }

    /**
     * A column's raw measurement, before the data-set level correction.
     *
     * @param errorBound     how far the effect can be from its raw-value figure (0 when exact)
     * @param nonFiniteShare the current share of non-finite values
     * @param broken         why the column broke although it could be measured, or null
     */
    record Measurement(String column, DriftTest test, double statistic, @Nullable Double pValue, double effect,
            String significanceTest, double significancePValue, boolean fromSketches, String note,
            double errorBound, double nonFiniteShare, @Nullable String broken) {

        Measurement(String column, DriftTest test, double statistic, @Nullable Double pValue, double effect,
                String significanceTest, double significancePValue, boolean fromSketches, String note,
                double errorBound) {
            this(column, test, statistic, pValue, effect, significanceTest, significancePValue, fromSketches, note,
                    errorBound, 0.0, null);
        }

        Measurement withHealth(double share, @Nullable String brokenReason) {
            return new Measurement(column, test, statistic, pValue, effect, significanceTest, significancePValue,
                    fromSketches, note, errorBound, share, brokenReason);
        }
    }

    /**
     * Compares one column, and tells whether it broke: a column comparable in the reference that is not in the
     * current data (no values, all non-finite, another type, untestable), or whose share of non-finite values rose
     * by more than {@link DriftOptions#maxNonFiniteShareIncrease()}.
     *
     * @return a measurement, or a ColumnDrift (inconclusive, or broken) saying why
     */
    Object evaluate(ColumnSample reference, ColumnSample current) {
        String column = reference.column;
        double share = current.nonFiniteShare();
        boolean referenceComparable = !reference.isEmpty() && reference.untestable == null;
        if (referenceComparable) {
            String broken = brokenReason(reference, current);
            if (broken != null) {
                return ColumnDrift.broken(column, "Column '" + column + "' broke: " + broken + "; cannot compare",
                        share);
            }
        }
        Object result = compare(reference, current);
        if (!(result instanceof Measurement m)) {
            return result;
        }
        double rise = share - reference.nonFiniteShare();
        String broken = rise > options.maxNonFiniteShareIncrease() ? String.format(java.util.Locale.ROOT,
                "%s of its current values are NaN or infinite (left out of the test), %s in the reference: a rise "
                + "of %s > %s", percent(share), percent(reference.nonFiniteShare()), percent(rise),
                percent(options.maxNonFiniteShareIncrease())) : null;
        return m.withHealth(share, broken);
    }

    /** Why a column comparable in the reference cannot be compared in the current data, or null. */
    private static @Nullable String brokenReason(ColumnSample reference, ColumnSample current) {
        if (current.nonNull == 0) {
            return "every current value is null";
        }
        if (current.type.isNumeric() && Objects.requireNonNull(current.numeric).n == 0) {
            return "all " + current.nonNull + " current values are NaN or infinite";
        }
        if (reference.type.isNumeric() != current.type.isNumeric()
                || (!reference.type.isNumeric() && reference.type != current.type)) {
            return "it is " + reference.type + " in the reference but " + current.type + " in the current data";
        }
        if (current.untestable != null) {
            return "in the current data it is a " + current.untestable;
        }
        return null;
    }

    static String percent(double share) {
        return String.format(java.util.Locale.ROOT, share != 0 && share < 0.001 ? "%.3g%%" : "%.1f%%", 100 * share);
    }

    private Object compare(ColumnSample reference, ColumnSample current) {
        String column = reference.column;
        if (reference.type.isNumeric() != current.type.isNumeric()
                || (!reference.type.isNumeric() && reference.type != current.type)) {
            return ColumnDrift.inconclusive(column, "Column '" + column + "' is " + reference.type
                    + " in the reference but " + current.type + " in the current data; cannot compare");
        }
        if (reference.isEmpty()) {
            return ColumnDrift.inconclusive(column, "Column '" + column + "' has no "
                    + (reference.type.isNumeric() ? "finite " : "non-null ") + "values in the reference");
        }
        if (current.isEmpty()) {
            return ColumnDrift.inconclusive(column, "Column '" + column + "' has no "
                    + (current.type.isNumeric() ? "finite " : "non-null ") + "values in the current data");
        }
        for (ColumnSample side : new ColumnSample[] {reference, current}) {
            if (side.untestable != null) {
                return ColumnDrift.inconclusive(column, "Column '" + column + "' in the "
                        + (side == reference ? "reference" : "current data") + " is a " + side.untestable);
            }
        }
        Map<String, Long> refCounts = categoricalView(reference, options.maxDiscreteValues());
        Map<String, Long> curCounts = refCounts == null ? null : categoricalView(current, Integer.MAX_VALUE);
        if (refCounts != null && curCounts != null) {
            Map<String, Long> alignedRef = reference.categoriesAlignedWith(refCounts, curCounts);
            curCounts = current.categoriesAlignedWith(curCounts, refCounts);
            refCounts = alignedRef;
        }
        boolean categorical = refCounts != null && curCounts != null;
        int categories = categorical ? union(Objects.requireNonNull(refCounts),
                Objects.requireNonNull(curCounts)).size() : Integer.MAX_VALUE;
        boolean binary = categorical && categories <= 2;
        boolean small = reference.size() <= options.smallReferenceRows();
        DriftTest test = options.testFor(column).orElse(null);
        boolean chosen = test == null;
        if (test == null) {
            if (!categorical) {
                test = small ? DriftTest.KS : DriftTest.WASSERSTEIN;
            } else if (small) {
                test = binary ? DriftTest.Z_TEST : DriftTest.CHI_SQUARED;
            } else {
                test = DriftTest.JENSEN_SHANNON;
            }
        } else if (test.needsNumeric() && !reference.type.isNumeric()) {
            return ColumnDrift.inconclusive(column, "Column '" + column + "' is " + reference.type + "; "
                    + test.id() + " needs a numeric column");
        } else if (test == DriftTest.Z_TEST && !binary) {
            return ColumnDrift.inconclusive(column, "Column '" + column + "' has " + (categorical ? categories
                    : "many") + " distinct values; z_test needs a binary column");
        } else if (test.needsNumeric()) {
            categorical = false;
        } else if (test == DriftTest.CHI_SQUARED && !categorical) {
            return ColumnDrift.inconclusive(column, "Column '" + column + "' has too many distinct values "
                    + "for chi_squared; use ks, wasserstein, psi, jensen_shannon or hellinger");
        }
        boolean sketches = reference.fromSketch || current.fromSketch;
        try {
            return categorical ? categoricalTest(column, test, Objects.requireNonNull(refCounts),
                    Objects.requireNonNull(curCounts), sketches,
                    reference.categoriesExact && current.categoriesExact, reference, current)
                    : numericTest(column, test, Objects.requireNonNull(reference.numeric),
                            Objects.requireNonNull(current.numeric), sketches);
        } catch (ArithmeticException | IllegalArgumentException e) {
            if (chosen && categorical && test == DriftTest.CHI_SQUARED && reference.type.isNumeric()) {
                // a numeric small domain too sparse for chi-squared: KS still applies (conservative with ties)
                Measurement ks = numericTest(column, DriftTest.KS, Objects.requireNonNull(reference.numeric),
                        Objects.requireNonNull(current.numeric), sketches);
                return new Measurement(ks.column(), ks.test(), ks.statistic(), ks.pValue(), ks.effect(),
                        ks.significanceTest(), ks.significancePValue(), ks.fromSketches(), "ks used because "
                        + "chi_squared is not valid here: " + e.getMessage()
                        + (ks.note().isEmpty() ? "" : "; " + ks.note()), ks.errorBound());
            }
            return ColumnDrift.inconclusive(column, "Column '" + column + "' could not be tested with "
                    + test.id() + (categorical && test != DriftTest.Z_TEST && test != DriftTest.CHI_SQUARED
                    ? " (significance by chi_squared)" : "") + ": " + e.getMessage());
        }
    }

    private Measurement numericTest(String column, DriftTest test, NumericSample ref, NumericSample cur,
            boolean sketches) {
        KsTest.Result ks = ref.exact() && cur.exact() ? KsTest.exact(Objects.requireNonNull(ref.sorted), Objects.requireNonNull(cur.sorted))
                : KsTest.fromSketches(Objects.requireNonNull(ref.sketch), Objects.requireNonNull(cur.sketch));
        String note = sketches ? "KS widened by rank error " + format(ks.rankError()) : "";
        switch (test) {
            case KS:
                return new Measurement(column, test, ks.statistic(), ks.pValue(), ks.statistic(), "ks", ks.pValue(),
                        sketches, note, ks.rankError());
            case WASSERSTEIN: {
                if (Double.isNaN(ref.populationStd)) {
                    throw new IllegalArgumentException("the reference values are too large (beyond about 1e154) "
                            + "for a finite standard deviation to normalize the Wasserstein distance by");
                }
                double w;
                double bound;
                if (ref.exact() && cur.exact()) {
                    w = Wasserstein.exactSorted(Objects.requireNonNull(ref.sorted), Objects.requireNonNull(cur.sorted));
                    bound = 0;
                } else {
                    double[] sketched = SketchErrorBounds.wasserstein(Objects.requireNonNull(ref.sketch),
                            Objects.requireNonNull(cur.sketch));
                    w = sketched[0];
                    bound = sketched[1];
                }
                double scale = Math.max(ref.populationStd, 0.001);
                double normalized = w / scale;
                if (!Double.isFinite(normalized)) {
                    throw new IllegalArgumentException("the Wasserstein distance overflows a double: the values are "
                            + "too far apart (beyond about 1e308)");
                }
                return new Measurement(column, test, normalized, null, normalized, "ks", ks.pValue(), sketches,
                        note, Math.min(bound / scale, Double.MAX_VALUE));
            }
            default: {
                double[][] p = binned(ref, cur);
                double distance = distance(test, p[0], p[1]);
                double bound = sketches ? SketchErrorBounds.binned(test, p[0], p[1],
                        SketchErrorBounds.uniform(p[0].length, 2 * binError(ref)),
                        SketchErrorBounds.uniform(p[1].length, 2 * binError(cur))) : 0.0;
                return new Measurement(column, test, distance, null, distance, "ks", ks.pValue(), sketches, note,
                        bound);
            }
        }
    }

    /** The largest error of one CDF value of a side: its sketch's rank error, 0 from raw values. */
    private static double binError(NumericSample side) {
        return side.exact() ? 0.0 : KsTest.rankError(Objects.requireNonNull(side.sketch));
    }

    private Measurement categoricalTest(String column, DriftTest test, Map<String, Long> refCounts,
            Map<String, Long> curCounts, boolean sketches, boolean exactCounts, ColumnSample reference,
            ColumnSample current) {
        List<String> categories = new ArrayList<>(union(refCounts, curCounts));
        long[] a = new long[categories.size()];
        long[] b = new long[categories.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = refCounts.getOrDefault(categories.get(i), 0L);
            b[i] = curCounts.getOrDefault(categories.get(i), 0L);
        }
        String note = exactCounts ? "" : "category counts approximated from the reliable frequent items (within "
                + "the sketch's maximum error), the rest pooled into " + ColumnSample.OTHER;
        boolean approximate = sketches && !exactCounts;
        if (test == DriftTest.Z_TEST) {
            int success = a.length - 1;
            ProportionZTest.Result z = ProportionZTest.test(a[success], sum(a), b[success], sum(b));
            return new Measurement(column, test, z.statistic(), z.pValue(), z.cohensH(), "z_test", z.pValue(),
                    approximate, "proportion of '" + categories.get(success) + "'"
                    + (approximate ? "; " + note + " (no error bound is stated for z_test on sketches)" : ""),
                    approximate ? Double.NaN : 0.0);
        }
        ChiSquaredTest.Result chi = ChiSquaredTest.homogeneity(a, b);
        if (chi.pooledCategories() > 0) {
            note = (note.isEmpty() ? "" : note + "; ") + "chi_squared pooled " + chi.pooledCategories()
                    + " categories with expected counts below " + (int) ChiSquaredTest.MIN_EXPECTED;
        }
        if (test == DriftTest.CHI_SQUARED) {
            return new Measurement(column, test, chi.statistic(), chi.pValue(), chi.cramersV(), "chi_squared",
                    chi.pValue(), approximate, note + (approximate
                    ? " (no error bound is stated for chi_squared on sketches)" : ""), approximate ? Double.NaN : 0.0);
        }
        if (test.needsNumeric()) {
            throw new IllegalArgumentException(test.id() + " needs numeric values");
        }
        double[] p = Divergences.proportions(a);
        double[] q = Divergences.proportions(b);
        double distance = distance(test, p, q);
        double bound = approximate ? SketchErrorBounds.binned(test, p, q, countErrors(categories, reference, sum(a)),
                countErrors(categories, current, sum(b))) : 0.0;
        return new Measurement(column, test, distance, null, distance, "chi_squared", chi.pValue(), approximate,
                note, bound);
    }

    /**
     * The largest error of each category's proportion on a side read from a frequent-items sketch: half the
     * sketch's maximum error for a listed item (its count is the midpoint of its bounds), the sum of those for the
     * pooled remainder; 0 for exact counts.
     */
    private static double[] countErrors(List<String> categories, ColumnSample side, long rows) {
        double[] errors = new double[categories.size()];
        if (side.categoriesExact || rows == 0) {
            return errors;
        }
        double item = side.maxError / 2.0 / rows;
        long named = categories.stream().filter(c -> !ColumnSample.OTHER.equals(c)).count();
        for (int i = 0; i < errors.length; i++) {
            errors[i] = Math.min(1.0, ColumnSample.OTHER.equals(categories.get(i)) ? named * item : item);
        }
        return errors;
    }

    private static double distance(DriftTest test, double[] p, double[] q) {
        return switch (test) {
            case PSI -> Divergences.psi(p, q);
            case JENSEN_SHANNON -> Divergences.jensenShannon(p, q);
            case HELLINGER -> Divergences.hellinger(p, q);
            default -> throw new IllegalArgumentException(test.id() + " is not a distance between distributions");
        };
    }

    /** Proportions of both sides over bins cut at the reference's quantiles (−∞, e₁], (e₁, e₂], … (eₖ, ∞). */
    private double[][] binned(NumericSample ref, NumericSample cur) {
        List<Double> edges = new ArrayList<>();
        for (int i = 1; i < options.bins(); i++) {
            double edge = ref.quantile((double) i / options.bins());
            if (edges.isEmpty() || edge > edges.get(edges.size() - 1)) {
                edges.add(edge);
            }
        }
        double[] p = new double[edges.size() + 1];
        double[] q = new double[edges.size() + 1];
        double previousP = 0;
        double previousQ = 0;
        for (int i = 0; i < edges.size(); i++) {
            double cp = ref.cdf(edges.get(i));
            double cq = cur.cdf(edges.get(i));
            p[i] = Math.max(0, cp - previousP);
            q[i] = Math.max(0, cq - previousQ);
            previousP = Math.max(previousP, cp);
            previousQ = Math.max(previousQ, cq);
        }
        p[edges.size()] = Math.max(0, 1 - previousP);
        q[edges.size()] = Math.max(0, 1 - previousQ);
        return new double[][] {p, q};
    }

    /** Category counts of a side: categories, or a numeric small domain of at most maxDistinct values. */
    private static @Nullable Map<String, Long> categoricalView(ColumnSample sample, int maxDistinct) {
        if (!sample.type.isNumeric()) {
            return sample.categories;
        }
        NumericSample numeric = sample.numeric;
        if (Objects.requireNonNull(numeric).smallDomain == null || numeric.distinct > maxDistinct) {
            return null;
        }
        Map<String, Long> counts = new TreeMap<>();
        Objects.requireNonNull(numeric.smallDomain).forEach((value, n) -> counts.put(Double.toString(value), n));
        return counts;
    }

    private static TreeSet<String> union(Map<String, Long> a, Map<String, Long> b) {
        TreeSet<String> all = new TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }

    private static long sum(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }

    static String format(double value) {
        return String.format(java.util.Locale.ROOT, Math.abs(value) < 1e-3 && value != 0 ? "%.3g" : "%.4f", value);
    }
}
