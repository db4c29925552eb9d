package io.github.mlhighway.lifecycle.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** AUC is the probability that a random positive outranks a random negative, ties counting one half. */
class AucProperties {

    record Sample(int[] labels, double[] p) {
    }

    @Provide
    Arbitrary<Sample> samples() {
        // Scores on a coarse grid so that ties are common.
        Arbitrary<int[]> labels = Arbitraries.integers().between(0, 1).array(int[].class).ofMinSize(2).ofMaxSize(60);
        return labels.flatMap(l -> Arbitraries.integers().between(0, 10).map(k -> k / 10.0)
                .array(double[].class).ofSize(l.length).map(p -> new Sample(l, p)));
    }

    @Property(tries = 300)
    void aucEqualsTheNaivePairwiseProbability(@ForAll("samples") Sample s) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < s.labels.length; i++) {
            for (int j = 0; j < s.labels.length; j++) {
                if (s.labels[i] == 1 && s.labels[j] == 0) {
                    pairs++;
                    wins += s.p[i] > s.p[j] ? 1 : s.p[i] == s.p[j] ? 0.5 : 0;
                }
            }
        }
        Score auc = BinaryMetrics.rocAuc(BinaryData.of(s.labels, s.p), SliceKeys.all(s.labels.length));
        if (pairs == 0) {
            assertThat(auc.defined()).isFalse();
        } else {
            assertThat(auc.value()).isCloseTo(wins / pairs, within(1e-12));
        }
    }

    @Property(tries = 200)
    void resampleWeightsEqualRepeatingRows(@ForAll("samples") Sample s) {
        // Weight 2 on a row must equal listing the row twice.
        int n = s.labels.length;
        int[] weights = new int[n];
        int[] labels = new int[2 * n];
        double[] p = new double[2 * n];
        for (int i = 0; i < n; i++) {
            weights[i] = 2;
            labels[i] = labels[n + i] = s.labels[i];
            p[i] = p[n + i] = s.p[i];
        }
        BinaryData weighted = BinaryData.of(s.labels, s.p);
        BinaryData doubled = BinaryData.of(labels, p);
        Score a = BinaryMetrics.averagePrecision(weighted, weights);
        Score b = BinaryMetrics.averagePrecision(doubled, SliceKeys.all(2 * n));
        assertThat(a.defined()).isEqualTo(b.defined());
        if (a.defined()) {
            assertThat(a.value()).isCloseTo(b.value(), within(1e-12));
        }
    }

}
