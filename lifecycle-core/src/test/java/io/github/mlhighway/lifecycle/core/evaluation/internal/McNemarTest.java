package io.github.mlhighway.lifecycle.core.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.mlhighway.lifecycle.core.evaluation.BinaryData;
import org.junit.jupiter.api.Test;

/** McNemar's test on known discordant tables. */
class McNemarTest {

    @Test
    void fewDiscordantRowsUseTheExactBinomialTest() {
        // b = 10, c = 2: p = 2 * P(X <= 2 | n = 12, 1/2) = 2 * (1 + 12 + 66) / 4096 = 158 / 4096.
        McNemarResult result = McNemar.test(10, 2);
        assertThat(result.exact()).isTrue();
        assertThat(result.pValue()).isCloseTo(158.0 / 4096, within(1e-12));
    }

    @Test
    void manyDiscordantRowsUseChiSquaredWithContinuityCorrection() {
        // b = 30, c = 12: chi2 = (|30 - 12| - 1)^2 / 42 = 289 / 42; p = erfc(sqrt(chi2 / 2)) = 0.0087119...
        McNemarResult result = McNemar.test(30, 12);
        assertThat(result.exact()).isFalse();
        assertThat(result.statistic()).isCloseTo(289.0 / 42, within(1e-12));
        assertThat(result.pValue()).isCloseTo(0.008711912962379598, within(1e-9));
    }

    @Test
    void noDiscordantRowsMeansNoEvidence() {
        assertThat(McNemar.test(0, 0).pValue()).isEqualTo(1.0);
        assertThat(McNemar.test(3, 3).pValue()).isEqualTo(1.0);
    }

    @Test
    void twentyFourDiscordantRowsAreTheLastExactCase() {
        // b = 20, c = 4: p = 2 * P(X <= 4 | n = 24, 1/2) = 2 * (1 + 24 + 276 + 2024 + 10626) / 2^24.
        McNemarResult exact = McNemar.test(20, 4);
        assertThat(exact.exact()).isTrue();
        assertThat(exact.statistic()).isEqualTo(4.0);
        assertThat(exact.pValue()).isCloseTo(25902.0 / 16777216, within(1e-15));
        // b = 21, c = 4: chi2 = (17 - 1)^2 / 25 = 10.24; p = erfc(sqrt(10.24 / 2)) = 0.0013742758758316...
        McNemarResult chiSquared = McNemar.test(21, 4);
        assertThat(chiSquared.exact()).isFalse();
        assertThat(chiSquared.statistic()).isCloseTo(10.24, within(1e-12));
        assertThat(chiSquared.pValue()).isCloseTo(0.001374275875831697, within(1e-9));
    }

    @Test
    void countsTheWeightedDiscordantRowsAtTheThreshold() {
        // Labels 1 1 0 0 1 at 0.5. Challenger predicts 1 1 0 1 0 (0.5 is positive): right, right, right, wrong,
        // wrong. Champion predicts 0 1 1 0 1: wrong, right, wrong, right, right. Mask 2 1 1 0 1:
        // b = 2 (row 0) + 1 (row 2) = 3; c = 0 (row 3, masked out) + 1 (row 4) = 1.
        BinaryData challenger = BinaryData.of(new int[] {1, 1, 0, 0, 1}, new double[] {0.5, 0.9, 0.2, 0.7, 0.3});
        BinaryData champion = challenger.withProbabilities(new double[] {0.4, 0.8, 0.6, 0.1, 0.9}, "champion");
        McNemarResult result = McNemar.test(challenger, champion, new int[] {2, 1, 1, 0, 1}, 0.5);
        assertThat(result.challengerOnlyCorrect()).isEqualTo(3);
        assertThat(result.championOnlyCorrect()).isEqualTo(1);
        assertThat(result.exact()).isTrue();
        // 2 * P(X <= 1 | n = 4, 1/2) = 2 * 5 / 16.
        assertThat(result.pValue()).isCloseTo(10.0 / 16, within(1e-12));
    }
}
