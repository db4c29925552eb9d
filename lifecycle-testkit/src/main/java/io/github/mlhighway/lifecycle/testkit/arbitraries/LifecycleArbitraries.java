package io.github.mlhighway.lifecycle.testkit.arbitraries;

import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.StringColumn;
import io.github.mlhighway.lifecycle.core.data.schema.Schema;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries for Lifecycle tests, in the style of {@link Arbitraries}.
 *
 * <pre>{@code
 * @Property
 * void aFastBurnExhaustsTheBudget(@ForAll("bursts") EventStream stream) {
 *     SloTracker tracker = SloTracker.create(Slo.ratio("api").objective(0.999).build(), clock);
 *     stream.seconds().forEach(second -> tracker.record(second.good(), second.total()));
 *     assertThat(tracker.budget()).isExhausted();
 * }
 *
 * @Provide
 * Arbitrary<EventStream> bursts() {
 *     return LifecycleArbitraries.eventStreams(0.999, 14.4).seconds(3_600, 7_200);
 * }
 * }</pre>
 * @since 0.1
 */
public final class LifecycleArbitraries {

    /** The default mean range of generated numeric columns (either sign). */
    public static final double DEFAULT_MEAN_BOUND = 100.0;
    /** The default smallest standard deviation of generated numeric columns. */
    public static final double DEFAULT_MIN_STD = 0.1;
    /** The default largest standard deviation of generated numeric columns. */
    public static final double DEFAULT_MAX_STD = 10.0;

    private LifecycleArbitraries() {
    }

    /**
     * Per-second event streams whose bad events come in bursts and burn the error budget of {@code objective} at
     * {@code burnRate} over the whole stream.
     *
     * @param objective the SLO objective, in (0, 1)
     * @param burnRate  the burn rate, at least 0 and at most {@code 1 / (1 - objective)}
     * @return the arbitrary, to be narrowed with its setters
     */
    public static EventStreamArbitrary eventStreams(double objective, double burnRate) {
        return new EventStreamArbitrary(objective, burnRate);
    }

    /**
     * Pairs of normally distributed numeric columns: the current column's mean is the reference mean plus
     * {@code shiftInStd} standard deviations, with the same standard deviation. Mean and standard deviation are
     * generated; the values are drawn from a generated seed.
     *
     * @param name       the columns' name
     * @param rows       rows per column, positive
     * @param shiftInStd the mean shift in standard deviations (0 for no drift; negative shifts down)
     * @return the arbitrary
     */
    public static Arbitrary<ShiftedColumns<DoubleColumn>> shiftedDoubleColumns(String name, int rows,
                                                                                 double shiftInStd) {
        Objects.requireNonNull(name, "name");
        positive(rows, "rows");
        if (!Double.isFinite(shiftInStd)) {
            throw new IllegalArgumentException("shiftInStd must be finite, was " + shiftInStd);
        }
        return Combinators.combine(
                Arbitraries.doubles().between(-DEFAULT_MEAN_BOUND, DEFAULT_MEAN_BOUND),
                Arbitraries.doubles().between(DEFAULT_MIN_STD, DEFAULT_MAX_STD),
                Arbitraries.longs().withoutEdgeCases()).as((mean, std, seed) -> {
                    Random random = new Random(seed);
                    double[] reference = new double[rows];
                    double[] current = new double[rows];
                    for (int i = 0; i < rows; i++) {
                        reference[i] = mean + std * random.nextGaussian();
                        current[i] = mean + (shiftInStd + random.nextGaussian()) * std;
                    }
                    return new ShiftedColumns<>(DoubleColumn.of(name, reference), DoubleColumn.of(name, current),
                            shiftInStd);
                });
    }

    /**
     * Pairs of categorical columns over equally likely categories, where the current column moves {@code shift}
     * of the probability mass onto the first category: {@code p'(c) = (1 − shift) p(c) + shift [c = first]}.
     *
     * @param name       the columns' name
     * @param rows       rows per column, positive
     * @param categories two or more distinct categories; the first receives the shifted mass
     * @param shift      the probability moved, in [0, 1]
     * @return the arbitrary
     */
    public static Arbitrary<ShiftedColumns<StringColumn>> shiftedStringColumns(String name, int rows,
                                                                                 List<String> categories,
                                                                                 double shift) {
        double[] uniform = new double[categories.size()];
        java.util.Arrays.fill(uniform, 1.0 / categories.size());
        return shiftedStringColumns(name, rows, categories, uniform, shift);
    }

    /**
     * Pairs of categorical columns with given reference probabilities, where the current column moves
     * {@code shift} of the probability mass onto the first category:
     * {@code p'(c) = (1 − shift) p(c) + shift [c = first]}. The values are drawn from a generated seed.
     *
     * @param name          the columns' name
     * @param rows          rows per column, positive
     * @param categories    two or more distinct categories; the first receives the shifted mass
     * @param probabilities the reference probability of each category, not negative, summing to 1
     * @param shift         the probability moved, in [0, 1]
     * @return the arbitrary
     */
    public static Arbitrary<ShiftedColumns<StringColumn>> shiftedStringColumns(String name, int rows,
                                                                                 List<String> categories,
                                                                                 double[] probabilities,
                                                                                 double shift) {
        Objects.requireNonNull(name, "name");
        positive(rows, "rows");
        List<String> cats = List.copyOf(categories);
        if (cats.size() < 2 || cats.stream().distinct().count() != cats.size()) {
            throw new IllegalArgumentException("Need two or more distinct categories, were " + cats);
        }
        if (probabilities.length != cats.size()) {
            throw new IllegalArgumentException(probabilities.length + " probabilities for " + cats.size()
                    + " categories");
        }
        double sum = 0;
        for (double p : probabilities) {
            if (!(p >= 0)) {
                throw new IllegalArgumentException("Probabilities must not be negative, were "
                        + java.util.Arrays.toString(probabilities));
            }
            sum += p;
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("Probabilities must sum to 1, sum to " + sum);
        }
        if (!(shift >= 0 && shift <= 1)) {
            throw new IllegalArgumentException("shift must be in [0, 1], was " + shift);
        }
        double[] reference = probabilities.clone();
        double[] current = new double[reference.length];
        for (int i = 0; i < reference.length; i++) {
            current[i] = (1 - shift) * reference[i] + (i == 0 ? shift : 0);
        }
        return Arbitraries.longs().withoutEdgeCases().map(seed -> {
            Random random = new Random(seed);
            return new ShiftedColumns<>(StringColumn.of(name, draw(cats, reference, rows, random)),
                    StringColumn.of(name, draw(cats, current, rows, random)), shift);
        });
    }

    /**
     * Tables that satisfy a schema: types, nullability, allowed values and min/max are respected.
     *
     * @param schema the schema
     * @return the arbitrary, to be narrowed with its setters
     */
    public static TableArbitrary tables(Schema schema) {
        return new TableArbitrary(schema);
    }

    private static String[] draw(List<String> categories, double[] probabilities, int rows, Random random) {
        String[] values = new String[rows];
        for (int row = 0; row < rows; row++) {
            double u = random.nextDouble();
            int chosen = probabilities.length - 1;
            double cumulative = 0;
            for (int i = 0; i < probabilities.length; i++) {
                cumulative += probabilities[i];
                if (u < cumulative) {
                    chosen = i;
                    break;
                }
            }
            values[row] = categories.get(chosen);
        }
        return values;
    }

    private static void positive(int value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, was " + value);
        }
    }
}
