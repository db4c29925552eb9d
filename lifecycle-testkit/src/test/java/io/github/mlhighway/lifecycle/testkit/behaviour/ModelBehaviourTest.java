package io.github.mlhighway.lifecycle.testkit.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ModelBehaviourTest {

    /** A toy sentiment model: +1 per "good", −1 per "bad", and it (wrongly) likes the name "Anna". */
    private static final Function<String, Double> SENTIMENT = text -> {
        if (text.contains("crash")) {
            throw new IllegalArgumentException("cannot read " + text);
        }
        double score = 0;
        for (String word : text.toLowerCase().split("\\W+")) {
            score += switch (word) {
                case "good" -> 1;
                case "bad" -> -1;
                case "anna" -> 0.5;
                default -> 0;
            };
        }
        return score;
    };

    private static final List<String> REVIEWS = List.of("Omar says good", "Anna says bad", "nobody says anything");

    @Test
    void aModelThatMeetsEveryExpectationPasses() {
        BehaviourReport report = ModelBehaviour.of(SENTIMENT)
                .minimumFunctionality("obvious words", Map.of("good", 1.0, "bad", -1.0))
                .invariance("punctuation does not matter", REVIEWS, r -> r + "!")
                .directional("adding 'good' raises the score", REVIEWS, r -> r + " good", Direction.UP)
                .directional("adding 'bad' lowers it", REVIEWS, r -> r + " bad", Direction.DOWN)
                .verify();

        assertThat(report.passed()).isTrue();
        assertThat(report.tests()).hasSize(4).allMatch(test -> test.examined() > 0);
    }

    @Test
    void anInvarianceFailureListsEveryOffendingExample() {
        BehaviourReport report = ModelBehaviour.of(SENTIMENT)
                .invariance("names do not matter", REVIEWS, r -> r.replace("Omar", "Anna").replace("nobody", "Anna"))
                .run();

        BehaviourTestResult names = report.test("names do not matter");
        assertThat(names.passed()).isFalse();
        assertThat(names.offences()).extracting(Offence::input)
                .containsExactly("Omar says good", "nobody says anything");
        assertThat(names.failureRate()).isEqualTo(2.0 / 3);
    }

    @Test
    void anInvarianceWithinAToleranceForgivesSmallChanges() {
        assertThat(ModelBehaviour.of(SENTIMENT)
                .invariance("names barely matter", REVIEWS, r -> r.replace("Omar", "Anna"), 0.5)
                .run().passed()).isTrue();
        assertThat(ModelBehaviour.of(SENTIMENT)
                .invariance("names barely matter", REVIEWS, r -> r.replace("Omar", "Anna"), 0.4)
                .run().passed()).isFalse();
    }

    @Test
    void aDirectionalFailureSaysWhichWayTheScoreMoved() {
        BehaviourTestResult result = ModelBehaviour.of(SENTIMENT)
                .directional("'not good' lowers the score", List.of("it was good"), r -> r.replace("good", "not good"),
                        Direction.DOWN)
                .run().test("'not good' lowers the score");

        assertThat(result.offences()).singleElement()
                .satisfies(offence -> assertThat(offence.reason()).contains("moved by 0.0", "DOWN"));
    }

    @Test
    void theAssertionFailsWithTheOffendingExamplesListed() {
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("good good", 2.0);
        expected.put("Anna is good", 1.0);
        expected.put("crash", 0.0);

        assertThatThrownBy(() -> ModelBehaviour.of(SENTIMENT).minimumFunctionality("counts words", expected).verify())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 of 1 behavioural tests failed")
                .hasMessageContaining("FAILED MINIMUM_FUNCTIONALITY 'counts words': 2 of 3 examples offend")
                .hasMessageContaining("Anna is good: expected 1.0 but got 1.5")
                .hasMessageContaining("crash: expected 0.0 but got null (threw java.lang.IllegalArgumentException");
    }

    @Test
    void expectationsCanBePredicatesAndScoresCanComeFromAnyOutput() {
        Function<String, String> label = text -> SENTIMENT.apply(text) >= 0 ? "positive" : "negative";

        BehaviourReport report = ModelBehaviour.of(label)
                .score(output -> output.equals("positive") ? 1 : 0)
                .minimumFunctionality("praise is positive", List.of("good", "good and bad"), "positive"::equals,
                        "positive")
                .directional("'bad' never helps", REVIEWS, r -> r + " bad", Direction.NOT_UP)
                .run();

        assertThat(report.passed()).as(report.describe()).isTrue();
    }

    @Test
    void aNonNumericOutputWithoutAScoreIsReportedNotThrown() {
        BehaviourReport report = ModelBehaviour.of((String s) -> s.toUpperCase())
                .invariance("case", List.of("a"), s -> s, 0.1).run();

        assertThat(report.tests().get(0).offences()).singleElement()
                .satisfies(offence -> assertThat(offence.reason()).contains("set score"));
    }

    @Test
    void testNamesMustBeUnique() {
        assertThatThrownBy(() -> ModelBehaviour.of(SENTIMENT)
                .invariance("x", REVIEWS, r -> r).invariance("x", REVIEWS, r -> r))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'");
    }
}
