package io.github.mlhighway.lifecycle.spring.actuate;

import io.github.mlhighway.lifecycle.core.release.PromotionApproval;
import io.github.mlhighway.lifecycle.core.release.ReleaseState;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Approvals granted by an operator through the {@code lifecycle} Actuator endpoint ({@code approve}). Give it to
 * the releases that must wait for a person before the final promotion:
 *
 * <pre>{@code
 * lifecycle.releases().release(service, config).approval(approvals).open();
 * }</pre>
 *
 * Such a release waits in {@code AWAITING_APPROVAL} until {@link #approve(String)} is called for it; it then
 * promotes at its next analysis. Approvals live in memory: after a restart a waiting release asks again.
 *
 * <p>Thread-safe.
 *
 * @since 0.1
 */
public final class ReleaseApprovals implements PromotionApproval {

    private final Set<String> approved = ConcurrentHashMap.newKeySet();

    /** No release approved yet. */
    public ReleaseApprovals() {
    }

    /**
     * Approves the final promotion of a release.
     *
     * @param releaseId the release
     */
    public void approve(String releaseId) {
        approved.add(Objects.requireNonNull(releaseId, "releaseId"));
    }

    /**
     * Whether an operator approved this release.
     *
     * @param releaseId the release
     * @return true once {@link #approve(String)} was called for it
     */
    public boolean isApproved(String releaseId) {
        return approved.contains(releaseId);
    }

    @Override
    public boolean approve(ReleaseState state) {
        return isApproved(state.releaseId());
    }
}
