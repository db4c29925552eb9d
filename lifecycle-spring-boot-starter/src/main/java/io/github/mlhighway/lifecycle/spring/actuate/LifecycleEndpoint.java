package io.github.mlhighway.lifecycle.spring.actuate;

import io.github.mlhighway.lifecycle.core.release.ReleaseController;
import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.release.ReleasePhase;
import io.github.mlhighway.lifecycle.spring.actuate.LifecycleReport.ReleaseReport;
import java.util.Locale;
import java.util.Objects;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.lang.Nullable;

/**
 * The {@code lifecycle} Actuator endpoint ({@code /actuator/lifecycle} over HTTP): the runtime's SLOs, releases,
 * open incidents and registry aliases as JSON, one release by id, and the operator's actions on a release.
 *
 * <ul>
 * <li>{@code GET /actuator/lifecycle}: the {@link LifecycleReport};</li>
 * <li>{@code GET /actuator/lifecycle/{releaseId}}: one {@link ReleaseReport} (404 when the runtime opened no such
 * release);</li>
 * <li>{@code POST /actuator/lifecycle/{releaseId}} with {@code {"action": "pause|resume|abort|approve",
 * "reason": "..."}}: acts on the release and returns it (400 naming the problem for an unknown release or action,
 * or an action the release's phase does not allow).</li>
 * </ul>
 *
 * Access is Actuator's: the endpoint is read-only by default ({@code Access.READ_ONLY}); writes need
 * {@code management.endpoint.lifecycle.access=unrestricted}, and over HTTP the endpoint must be exposed
 * ({@code management.endpoints.web.exposure.include}) and is protected by the application's security
 * configuration like every other endpoint.
 *
 * @since 0.1
 */
@Endpoint(id = "lifecycle", defaultAccess = Access.READ_ONLY)
public class LifecycleEndpoint {

    private static final String DEFAULT_REASON = "by an operator through the lifecycle endpoint";

    private final Lifecycle lifecycle;
    private final ReleaseApprovals approvals;

    /**
     * The endpoint.
     *
     * @param lifecycle the runtime it shows
     * @param approvals the approvals its {@code approve} action grants
     */
    public LifecycleEndpoint(Lifecycle lifecycle, ReleaseApprovals approvals) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.approvals = Objects.requireNonNull(approvals, "approvals");
    }

    /**
     * Everything the endpoint shows.
     *
     * @return SLOs, releases, open incidents and aliases, now
     */
    @ReadOperation
    public LifecycleReport report() {
        return LifecycleReports.of(lifecycle);
    }

    /**
     * One release.
     *
     * @param releaseId the release id
     * @return the release, or null (404) when the runtime opened no release of that id
     */
    @ReadOperation
    @Nullable
    public ReleaseReport release(@Selector String releaseId) {
        return lifecycle.releases().find(releaseId).map(LifecycleReports::release).orElse(null);
    }

    /**
     * Acts on a release: {@code pause} halts it with traffic as it is, {@code resume} resumes a paused one,
     * {@code abort} sends all traffic back to the baseline, {@code approve} grants the final promotion of a
     * release waiting in AWAITING_APPROVAL (opened with {@link ReleaseApprovals}), which then promotes at its next
     * analysis.
     *
     * @param releaseId the release id
     * @param action    pause, resume, abort or approve
     * @param reason    why, for the journal (pause and abort); optional
     * @return the release afterwards
     * @throws InvalidEndpointRequestException (400) for an unknown release or action, or an action its phase does
     *                                         not allow
     */
    @WriteOperation
    public ReleaseReport control(@Selector String releaseId, String action, @Nullable String reason) {
        ReleaseController release = lifecycle.releases().find(releaseId).orElseThrow(() -> invalid(
                "No release '" + releaseId + "' was opened by this runtime (opened: " + lifecycle.releases().opened()
                        .stream().map(c -> c.config().releaseId()).toList() + ")"));
        String why = reason == null || reason.isBlank() ? DEFAULT_REASON : reason;
        try {
            switch (action.toLowerCase(Locale.ROOT)) {
                case "pause" -> release.pause(why);
                case "resume" -> release.resume();
                case "abort" -> release.abort(why);
                case "approve" -> approve(release);
                default -> throw invalid("Unknown action '" + action + "': expected pause, resume, abort or approve");
            }
        } catch (IllegalStateException e) {
            throw invalid(Objects.requireNonNullElse(e.getMessage(), "the release refused the action"));
        }
        return LifecycleReports.release(release);
    }

    private void approve(ReleaseController release) {
        ReleasePhase phase = release.state().phase();
        if (phase != ReleasePhase.AWAITING_APPROVAL) {
            throw invalid("Release '" + release.config().releaseId() + "' is " + phase
                    + "; only a release in AWAITING_APPROVAL can be approved");
        }
        approvals.approve(release.config().releaseId());
    }

    private static InvalidEndpointRequestException invalid(String message) {
        return new InvalidEndpointRequestException(message, message);
    }
}
