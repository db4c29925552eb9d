package io.github.mlhighway.lifecycle.core.data.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Where the chi-squared test pools sparse categories, at the edges of its rules. Each expected statistic and
 * p-value is {@code scipy.stats.chi2_contingency(table, correction=False)} on the table after pooling (scipy
 * 1.17).
 */
class ChiSquaredPoolingTest {

    private static void assertResult(ChiSquaredTest.Result r, double statistic, double pValue, int dof,
            int pooled) {
        assertThat(r.statistic()).isCloseTo(statistic, within(1e-9));
        assertThat(r.pValue()).isCloseTo(pValue, within(1e-9));
        assertThat(r.degreesOfFreedom()).isEqualTo(dof);
        assertThat(r.pooledCategories()).isEqualTo(pooled);
    }

    @Test
    void sparseCategoriesShareAnOtherCellThatIsLargeEnough() {
        // Columns 80, 80, 6, 6 with equal sides: 6 * 1/2 = 3 < 5 pools the last two; "other" has 12 * 1/2 = 6.
        // Table [[50, 30, 6], [30, 50, 6]]: chi2 = 10, p = 0.006737946999085468, V = sqrt(10 / 172).
        ChiSquaredTest.Result r = ChiSquaredTest.homogeneity(new long[] {50, 30, 2, 4}, new long[] {30, 50, 4, 2});
        assertResult(r, 10.0, 0.006737946999085468, 2, 2);
        assertThat(r.cramersV()).isCloseTo(0.24112141108520604, within(1e-12));
    }

    @Test
    void anExpectedCountOfExactlyFiveKeepsItsCell() {
        // Column 10 * 1/2 = 5: kept. Table [[25, 15, 5], [15, 25, 5]]: chi2 = 5, p = 0.0820849986238988.
        assertResult(ChiSquaredTest.homogeneity(new long[] {25, 15, 5}, new long[] {15, 25, 5}),
                5.0, 0.0820849986238988, 2, 0);
    }

    @Test
    void anOtherCellOfExactlyFiveStaysOnItsOwn() {
        // Columns 5 and 5 pool (2.5 each); "other" = 10 * 1/2 = 5 keeps its own cell: the same table as above.
        assertResult(ChiSquaredTest.homogeneity(new long[] {25, 15, 3, 2}, new long[] {15, 25, 2, 3}),
                5.0, 0.0820849986238988, 2, 2);
    }

    @Test
    void aTooSmallOtherCellJoinsTheFirstOfTheSmallestCells() {
        // Sides 54 and 52, columns 50, 50, 3, 3: the 3s pool (1.47 each); "other" (4 and 2, 2.94 expected) joins
        // cell 0, the first of the two smallest (50 each), and counts as one more pooled category.
        // Table [[34, 20], [22, 30]]: chi2 = 4.535307285307287 (joining cell 1 would give 3.106227106227105).
        assertResult(ChiSquaredTest.homogeneity(new long[] {30, 20, 3, 1}, new long[] {20, 30, 0, 2}),
                4.535307285307287, 0.03320249528022217, 1, 3);
    }

    @Test
    void aTooSmallOtherCellJoinsTheSmallestCellNotTheFirst() {
        // Unequal sides 73 and 63: share 63/136. Columns 80, 50, 3, 3 -> the two 3s pool (1.39 each), "other"
        // (2.78) joins the 50 cell. Table [[50, 23], [30, 33]]: chi2 = 6.083310036343306.
        assertResult(ChiSquaredTest.homogeneity(new long[] {50, 20, 2, 1}, new long[] {30, 30, 1, 2}),
                6.083310036343306, 0.013646484296470833, 1, 3);
    }

    @Test
    void aCategorySeenOnNeitherSideIsNotACell() {
        // Only the first category is seen: no test, chi2 = 0 and p = 1.
        assertResult(ChiSquaredTest.homogeneity(new long[] {5, 0}, new long[] {7, 0}), 0.0, 1.0, 0, 0);
    }

    @Test
    void tooFewCellsAfterPoolingNamesTheCounts() {
        assertThatThrownBy(() -> ChiSquaredTest.homogeneity(new long[] {1, 1}, new long[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("too few observations per category: after pooling the 2 categories with an expected "
                        + "count below 5, fewer than 2 cells remain (N = 4); chi-squared needs repeated values");
    }
}
