package io.github.mlhighway.lifecycle.serving;

/** Top-k index sets of score vectors, for {@link OutputComparator#topK(int)}. */
final class TopK {

    private TopK() {
    }

    static boolean sameTopK(double[] a, double[] b, int k) {
        int n = Math.min(k, a.length);
        boolean[] inA = top(a, n);
        boolean[] inB = top(b, n);
        for (int i = 0; i < a.length; i++) {
            if (inA[i] != inB[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean[] top(double[] scores, int n) {
        boolean[] chosen = new boolean[scores.length];
        for (int round = 0; round < n; round++) {
            int best = -1;
            for (int i = 0; i < scores.length; i++) {
                if (!chosen[i] && (best < 0 || scores[i] > scores[best])) {
                    best = i;
                }
            }
            chosen[best] = true;
        }
        return chosen;
    }
}
