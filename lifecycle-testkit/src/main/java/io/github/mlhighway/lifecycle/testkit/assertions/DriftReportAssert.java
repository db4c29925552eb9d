package io.github.mlhighway.lifecycle.testkit.assertions;

import io.github.mlhighway.lifecycle.core.data.drift.ColumnDrift;
import io.github.mlhighway.lifecycle.core.data.drift.DriftReport;
import io.github.mlhighway.lifecycle.core.data.drift.DriftStatus;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link DriftReport}; failure messages show the drift table ({@link DriftReport#describe()}).
 *
 * @since 0.1
 */
public final class DriftReportAssert extends AbstractAssert<DriftReportAssert, DriftReport> {

    /**
     * @param actual the report under test
     */
    public DriftReportAssert(DriftReport actual) {
        super(actual, DriftReportAssert.class);
    }

    /**
     * Verifies the data set drifted.
     *
     * @return this
     */
    public DriftReportAssert drifted() {
        isNotNull();
        if (!actual.drifted()) {
            failWithMessage("Expected the data set to have drifted, but it was %s:%n%s", actual.status(),
                    actual.describe());
        }
        return this;
    }

    /**
     * Verifies the data set did not drift and could be tested ({@link DriftStatus#NO_DRIFT}).
     *
     * @return this
     */
    public DriftReportAssert notDrifted() {
        isNotNull();
        if (actual.status() != DriftStatus.NO_DRIFT) {
            failWithMessage("Expected the data set not to have drifted, but it was %s:%n%s", actual.status(),
                    actual.describe());
        }
        return this;
    }

    /**
     * Verifies the column drifted.
     *
     * @param name the column name
     * @return this
     */
    public DriftReportAssert columnDrifted(String name) {
        ColumnDrift column = column(name);
        if (!column.drifted()) {
            failWithMessage("Expected column '%s' to have drifted, but it was %s (%s):%n%s", name, column.status(),
                    column.message(), actual.describe());
        }
        return this;
    }

    /**
     * Verifies the column was tested and did not drift ({@link DriftStatus#NO_DRIFT}); an inconclusive column
     * fails this assertion, since nothing shows it did not drift.
     *
     * @param name the column name
     * @return this
     */
    public DriftReportAssert columnNotDrifted(String name) {
        ColumnDrift column = column(name);
        if (column.status() != DriftStatus.NO_DRIFT) {
            failWithMessage("Expected column '%s' not to have drifted, but it was %s (%s):%n%s", name,
                    column.status(), column.message(), actual.describe());
        }
        return this;
    }

    private ColumnDrift column(String name) {
        isNotNull();
        Optional<ColumnDrift> column = actual.columns().stream().filter(c -> c.column().equals(name)).findFirst();
        if (column.isEmpty()) {
            failWithMessage("Expected the drift report to have a column '%s', but it has none:%n%s", name,
                    actual.describe());
        }
        return column.orElseThrow();
    }
}
