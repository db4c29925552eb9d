package io.github.mlhighway.lifecycle.testkit.behaviour;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Behavioural tests of a model, as in CheckList: declare minimum-functionality examples, invariances and
 * directional expectations, then {@link #run()} them (or {@link #verify()} to fail with the offending examples
 * listed).
 *
 * <pre>{@code
 * ModelBehaviour.of(sentiment::score)
 *     .minimumFunctionality("obvious praise", Map.of("I love it", 1.0))
 *     .invariance("names do not matter", reviews, r -> r.replace("Anna", "Omar"), 0.05)
 *     .directional("adding 'not bad' helps", reviews, r -> r + " Not bad.", Direction.NOT_DOWN)
 *     .verify();
 * }</pre>
 *
 * Outputs are compared with {@link Objects#equals} (arrays by content); tolerances and directions compare the
 * output's score, by default the output itself when it is a {@link Number} (set another with
 * {@link #score(ToDoubleFunction)}). A model that throws offends on that example. Not thread-safe; run from one
 * test.
 *
 * @param <I> input type
 * @param <O> output type
 * @since 0.1
 */
public final class ModelBehaviour<I, O> {

    private final Function<? super I, ? extends O> model;
    private final List<Check> checks = new ArrayList<>();
    private ToDoubleFunction<? super O> score = ModelBehaviour::numberScore;

    private ModelBehaviour(Function<? super I, ? extends O> model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * Behavioural tests of a model.
     *
     * @param model the model as a function (a guarded model: {@code x -> guarded.predict(id, key, x)})
     * @param <I>   input type
     * @param <O>   output type
     * @return the tests, none declared yet
     */
    public static <I, O> ModelBehaviour<I, O> of(Function<? super I, ? extends O> model) {
        return new ModelBehaviour<>(model);
    }

    /**
     * How tolerances and directions read an output as a number (default: a {@link Number}'s value).
     *
     * @param value the score function
     * @return this
     */
    public ModelBehaviour<I, O> score(ToDoubleFunction<? super O> value) {
        this.score = Objects.requireNonNull(value, "score");
        return this;
    }

    /**
     * Minimum functionality: each input must give exactly its expected output.
     *
     * @param name     the test's name
     * @param expected expected outputs by input (iterated in the map's order)
     * @return this
     */
    public ModelBehaviour<I, O> minimumFunctionality(String name, Map<? extends I, ? extends O> expected) {
        Objects.requireNonNull(expected, "expected");
        checks.add(new Check(name(name), TestKind.MINIMUM_FUNCTIONALITY, () -> {
            List<Offence> offences = new ArrayList<>();
            expected.forEach((input, output) -> {
                Outcome<O> got = call(input);
                if (got.error != null) {
                    offences.add(new Offence(input, null, output, null, "threw " + got.error));
                } else if (!same(output, got.value)) {
                    offences.add(new Offence(input, null, output, got.value, "not the expected output"));
                }
            });
            return new BehaviourTestResult(name, TestKind.MINIMUM_FUNCTIONALITY, expected.size(), offences);
        }));
        return this;
    }

    /**
     * Minimum functionality: each input's output must satisfy an expectation.
     *
     * @param name        the test's name
     * @param inputs      the inputs
     * @param expectation what a right output looks like
     * @param description the expectation in words, shown for offending examples
     * @return this
     */
    public ModelBehaviour<I, O> minimumFunctionality(String name, Collection<? extends I> inputs,
                                                     Predicate<? super O> expectation, String description) {
        List<I> copy = List.copyOf(inputs);
        Objects.requireNonNull(expectation, "expectation");
        checks.add(new Check(name(name), TestKind.MINIMUM_FUNCTIONALITY, () -> {
            List<Offence> offences = new ArrayList<>();
            for (I input : copy) {
                Outcome<O> got = call(input);
                if (got.error != null) {
                    offences.add(new Offence(input, null, description, null, "threw " + got.error));
                } else if (!expectation.test(got.value)) {
                    offences.add(new Offence(input, null, description, got.value, "expectation not met"));
                }
            }
            return new BehaviourTestResult(name, TestKind.MINIMUM_FUNCTIONALITY, copy.size(), offences);
        }));
        return this;
    }

    /**
     * Invariance: the perturbed input must give an equal output.
     *
     * @param name    the test's name
     * @param inputs  the inputs to perturb
     * @param perturb the perturbation
     * @return this
     */
    public ModelBehaviour<I, O> invariance(String name, Collection<? extends I> inputs, UnaryOperator<I> perturb) {
        return pairwise(name, TestKind.INVARIANCE, inputs, perturb,
                (before, after) -> same(before, after) ? null : "output changed");
    }

    /**
     * Invariance within a tolerance: the perturbed input's score must be within {@code tolerance} of the
     * original's.
     *
     * @param name      the test's name
     * @param inputs    the inputs to perturb
     * @param perturb   the perturbation
     * @param tolerance the largest allowed change of the score, not negative
     * @return this
     */
    public ModelBehaviour<I, O> invariance(String name, Collection<? extends I> inputs, UnaryOperator<I> perturb,
                                           double tolerance) {
        tolerance(tolerance);
        return pairwise(name, TestKind.INVARIANCE, inputs, perturb, (before, after) -> {
            double change = score.applyAsDouble(after) - score.applyAsDouble(before);
            return Math.abs(change) <= tolerance ? null
                    : "score changed by " + change + ", more than the tolerance " + tolerance;
        });
    }

    /**
     * Directional expectation: the perturbation must move the score the given way (no tolerance).
     *
     * @param name      the test's name
     * @param inputs    the inputs to perturb
     * @param perturb   the perturbation
     * @param direction which way the score must (or must not) move
     * @return this
     */
    public ModelBehaviour<I, O> directional(String name, Collection<? extends I> inputs, UnaryOperator<I> perturb,
                                            Direction direction) {
        return directional(name, inputs, perturb, direction, 0.0);
    }

    /**
     * Directional expectation with a tolerance: {@link Direction#UP} needs an increase of more than the tolerance,
     * {@link Direction#NOT_DOWN} allows a decrease of at most the tolerance (and so on).
     *
     * @param name      the test's name
     * @param inputs    the inputs to perturb
     * @param perturb   the perturbation
     * @param direction which way the score must (or must not) move
     * @param tolerance not negative
     * @return this
     */
    public ModelBehaviour<I, O> directional(String name, Collection<? extends I> inputs, UnaryOperator<I> perturb,
                                            Direction direction, double tolerance) {
        Objects.requireNonNull(direction, "direction");
        tolerance(tolerance);
        return pairwise(name, TestKind.DIRECTIONAL, inputs, perturb, (before, after) -> {
            double change = score.applyAsDouble(after) - score.applyAsDouble(before);
            boolean ok = switch (direction) {
                case UP -> change > tolerance;
                case DOWN -> change < -tolerance;
                case NOT_DOWN -> change >= -tolerance;
                case NOT_UP -> change <= tolerance;
            };
            return ok ? null : "score moved by " + change + ", expected " + direction
                    + (tolerance > 0 ? " (tolerance " + tolerance + ")" : "");
        });
    }

    /**
     * Runs every declared test.
     *
     * @return the report, in declaration order
     */
    public BehaviourReport run() {
        List<BehaviourTestResult> results = new ArrayList<>();
        for (Check check : checks) {
            results.add(check.body.run());
        }
        return new BehaviourReport(results);
    }

    /**
     * Runs every declared test and fails with the offending examples listed.
     *
     * @return the report, when every test passed
     * @throws AssertionError if any test failed
     */
    public BehaviourReport verify() {
        BehaviourReport report = run();
        report.assertPassed();
        return report;
    }

    private ModelBehaviour<I, O> pairwise(String name, TestKind kind, Collection<? extends I> inputs,
                                          UnaryOperator<I> perturb, Judge<O> judge) {
        List<I> copy = List.copyOf(inputs);
        Objects.requireNonNull(perturb, "perturb");
        checks.add(new Check(name(name), kind, () -> {
            List<Offence> offences = new ArrayList<>();
            for (I input : copy) {
                I perturbed = perturb.apply(input);
                Outcome<O> before = call(input);
                Outcome<O> after = call(perturbed);
                if (before.error != null || after.error != null) {
                    Throwable error = before.error != null ? before.error : after.error;
                    offences.add(new Offence(input, perturbed, before.value, after.value, "threw " + error));
                    continue;
                }
                String reason;
                try {
                    reason = judge.offence(before.value, after.value);
                } catch (RuntimeException e) {
                    reason = "could not score the outputs: " + e.getMessage();
                }
                if (reason != null) {
                    offences.add(new Offence(input, perturbed, before.value, after.value, reason));
                }
            }
            return new BehaviourTestResult(name, kind, copy.size(), offences);
        }));
        return this;
    }

    private Outcome<O> call(I input) {
        try {
            return new Outcome<>(model.apply(input), null);
        } catch (RuntimeException e) {
            return new Outcome<>(null, e);
        }
    }

    private String name(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || checks.stream().anyMatch(check -> check.name.equals(name))) {
            throw new IllegalArgumentException("Behavioural test names must be non-blank and unique, was '" + name
                    + "'");
        }
        return name;
    }

    private static void tolerance(double tolerance) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("Tolerance must be finite and not negative, was " + tolerance);
        }
    }

    private static boolean same(@Nullable Object a, @Nullable Object b) {
        return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
    }

    private static double numberScore(@Nullable Object output) {
        if (output instanceof Number number) {
            return number.doubleValue();
        }
        throw new IllegalStateException("Output " + output + " is not a number; set score(...) to compare scores");
    }

    private record Outcome<O>(@Nullable O value, @Nullable RuntimeException error) {
    }

    private record Check(String name, TestKind kind, Body body) {
    }

    @FunctionalInterface
    private interface Body {
        BehaviourTestResult run();
    }

    @FunctionalInterface
    private interface Judge<O> {
        @Nullable String offence(@Nullable O before, @Nullable O after);
    }
}
