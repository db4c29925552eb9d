package io.github.mlhighway.lifecycle.core.release.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link FleetCohortStats} knows of one replica incarnation at one moment.
 *
 * @param replica    who
 * @param state      how its reports stand
 * @param lastReport its newest report
 * @param silentFor  how long ago that report was made (zero when it is from the reader's future: clock skew)
 * @since 0.1
 */
public record ReplicaStatus(ReplicaId replica, State state, CountReport lastReport, Duration silentFor) {

    /** How a replica incarnation's reports stand. */
    public enum State {
        /** Its newest report is recent enough: within its interval plus the grace. */
        REPORTING,
        /** Its newest report is older than its interval plus the grace; a gap if it served traffic. */
        LATE,
        /** Silent for longer than {@code departedAfter}: gone; its counts up to its last report are kept. */
        DEPARTED,
        /** It wrote its final report (closed): gone; its counts are kept. */
        LEFT,
        /** A newer incarnation of the same name reports (the process restarted); its counts are kept. */
        REPLACED
    }

    /** Validates the components. */
    public ReplicaStatus {
        Objects.requireNonNull(replica, "replica");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastReport, "lastReport");
        Objects.requireNonNull(silentFor, "silentFor");
    }

    /** @return when its newest report was made */
    public Instant reportedAt() {
        return lastReport.reportedAt();
    }

    /** @return whether it makes a release analysis inconclusive: late, and it served traffic */
    public boolean isGap() {
        return state == State.LATE && lastReport.servedTraffic();
    }
}
