package io.github.mlhighway.lifecycle.core.release;

import io.github.mlhighway.lifecycle.release.Assignment;
import io.github.mlhighway.lifecycle.release.TrafficPlan;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The {@link TrafficPlan} a release publishes: one immutable snapshot in an {@link AtomicReference}, so
 * {@link #assign(long)} takes no lock and allocates nothing, and a rollback is one atomic swap. Routing is sticky:
 * a key's bucket is {@code floorMod(keyHash, 10_000)} and it goes to the candidate while
 * {@code bucket < weight * 100}; as the weight only grows, a key in the candidate at 5% stays there at 25%.
 *
 * @since 0.1
 */
public final class ReleaseTrafficPlan implements TrafficPlan {

    /** Buckets of the consistent split: one per basis point. */
    public static final int BUCKETS = 10_000;

    private final AtomicReference<Snapshot> current;

    /**
     * A plan that starts with every request on one version.
     *
     * @param version the version
     * @param cohort  its cohort
     */
    public ReleaseTrafficPlan(String version, String cohort) {
        Assignment only = new Assignment(version, cohort);
        this.current = new AtomicReference<>(new Snapshot(only, only, 0, null, 0.0));
    }

    @Override
    public Assignment assign(long keyHash) {
        Snapshot snapshot = Objects.requireNonNull(current.get());
        return Math.floorMod(keyHash, BUCKETS) < snapshot.candidateBuckets ? snapshot.candidate : snapshot.baseline;
    }

    @Override
    public @Nullable String shadowVersion() {
        return Objects.requireNonNull(current.get()).shadowVersion;
    }

    @Override
    public double shadowSampleRate() {
        return Objects.requireNonNull(current.get()).shadowRate;
    }

    /**
     * The candidate's share of traffic now.
     *
     * @return percent
     */
    public int candidateWeight() {
        return Objects.requireNonNull(current.get()).candidateBuckets / 100;
    }

    /**
     * Publishes the split a journaled state calls for: after a promotion every request on the candidate (in the
     * baseline cohort), after a rollback or an abort every request on the baseline, otherwise the current step's
     * weight on the candidate (and, for a shadow release, the mirror). This is what a {@link ReleaseController}
     * publishes after each journal write, so a replica that only reads the journal ends on exactly the same plan,
     * and, since routing is by the bucket of a murmur3 key hash, sends every key to the same version.
     *
     * @param config the release (the state's baseline and candidate must be its versions)
     * @param state  the journaled state
     * @throws IllegalArgumentException when the state is of another release or other versions
     */
    public void follow(ReleaseConfig config, ReleaseState state) {
        if (!state.releaseId().equals(config.releaseId()) || !state.baselineVersion().equals(config.baselineVersion())
                || !state.candidateVersion().equals(config.candidateVersion())) {
            throw new IllegalArgumentException("The journaled state of release '" + state.releaseId() + "' ("
                    + state.baselineVersion() + " -> " + state.candidateVersion() + ") does not match the configured "
                    + "release '" + config.releaseId() + "' (" + config.baselineVersion() + " -> "
                    + config.candidateVersion() + ")");
        }
        Assignment baseline = new Assignment(config.baselineVersion(), config.baselineCohort());
        switch (state.phase()) {
            case PROMOTED -> {
                Assignment promoted = new Assignment(config.candidateVersion(), config.baselineCohort());
                publish(promoted, promoted, 0, null, 0.0);
            }
            case ROLLED_BACK, ABORTED -> publish(baseline, baseline, 0, null, 0.0);
            default -> {
                boolean mirror = state.stepIndex() >= 0 && config.mirrorRate() > 0;
                publish(baseline, new Assignment(config.candidateVersion(), config.candidateCohort()),
                        config.weightAt(state.stepIndex()), mirror ? config.candidateVersion() : null,
                        mirror ? config.mirrorRate() : 0.0);
            }
        }
    }

    /**
     * Publishes a split: {@code weightPercent} of keys to the candidate, the rest to the baseline.
     *
     * @param baseline      baseline assignment
     * @param candidate     candidate assignment
     * @param weightPercent candidate share in [0, 100]
     * @param shadowVersion mirrored version, or null
     * @param shadowRate    mirrored share in [0, 1]
     */
    void publish(Assignment baseline, Assignment candidate, int weightPercent, @Nullable String shadowVersion,
                 double shadowRate) {
        current.set(new Snapshot(baseline, candidate, weightPercent * 100, shadowVersion, shadowRate));
    }

    @Override
    public String toString() {
        Snapshot s = current.get();
        return "TrafficPlan[" + Objects.requireNonNull(s).candidate.version() + " " + (s.candidateBuckets / 100) + "%, "
                + s.baseline.version() + " " + (100 - s.candidateBuckets / 100) + "%"
                + (s.shadowVersion == null ? "" : ", mirror " + s.shadowRate + " to " + s.shadowVersion) + "]";
    }

    private static final class Snapshot {
        final Assignment baseline;
        final Assignment candidate;
        final int candidateBuckets;
        final @Nullable String shadowVersion;
        final double shadowRate;

        Snapshot(Assignment baseline, Assignment candidate, int candidateBuckets, @Nullable String shadowVersion,
                 double shadowRate) {
            this.baseline = baseline;
            this.candidate = candidate;
            this.candidateBuckets = candidateBuckets;
            this.shadowVersion = shadowVersion;
            this.shadowRate = shadowRate;
        }
    }
}
