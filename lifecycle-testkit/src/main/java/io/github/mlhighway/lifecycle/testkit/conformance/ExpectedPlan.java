package io.github.mlhighway.lifecycle.testkit.conformance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link io.github.mlhighway.lifecycle.release.TrafficPlan} under test should do, as its implementer
 * describes it to {@link TrafficPlanContract}: the versions it routes to, each with its cohort and share of keys
 * (the first is the baseline), and what it mirrors.
 *
 * <pre>{@code
 * ExpectedPlan.split("rain@2", "baseline", "rain@3", "canary", 0.05)      // a 5% canary
 * ExpectedPlan.single("rain@2", "baseline").mirroring("rain@3", 0.1)      // a shadow release
 * }</pre>
 *
 * @param routes        every version the plan assigns, baseline first; shares sum to 1
 * @param shadowVersion the version mirrored to, or null
 * @param shadowRate    the share mirrored, in [0, 1]; 0 without a shadow version
 * @since 0.1
 */
public record ExpectedPlan(List<Route> routes, @Nullable String shadowVersion, double shadowRate) {

    /**
     * One version the plan assigns.
     *
     * @param version the version, e.g. {@code rain@3}
     * @param cohort  the cohort its assignments carry, e.g. {@code canary}
     * @param share   the share of keys assigned to it, in [0, 1]
     */
    public record Route(String version, String cohort, double share) {

        /** Validates the components. */
        public Route {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(cohort, "cohort");
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("Share of " + version + " must be in [0, 1], was " + share);
            }
        }
    }

    /**
     * Validates the description.
     *
     * @throws IllegalArgumentException if there is no route, a version is listed twice, the shares do not sum
     *                                  to 1, or the shadow settings disagree
     */
    public ExpectedPlan {
        routes = List.copyOf(routes);
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("An expected plan routes to at least one version");
        }
        Set<String> versions = new HashSet<>();
        double total = 0;
        for (Route route : routes) {
            if (!versions.add(route.version())) {
                throw new IllegalArgumentException("Version " + route.version() + " is listed twice");
            }
            total += route.share();
        }
        if (Math.abs(total - 1.0) > 1e-9) {
            throw new IllegalArgumentException("The shares of " + versions + " sum to " + total + ", not 1");
        }
        if (!(shadowRate >= 0 && shadowRate <= 1) || (shadowVersion == null && shadowRate != 0)) {
            throw new IllegalArgumentException("Shadow rate " + shadowRate + " must be in [0, 1], and 0 without a "
                    + "shadow version (was " + shadowVersion + ")");
        }
    }

    /**
     * Every key to one version.
     *
     * @param version the version
     * @param cohort  its cohort
     * @return the description, mirroring nothing
     */
    public static ExpectedPlan single(String version, String cohort) {
        return new ExpectedPlan(List.of(new Route(version, cohort, 1.0)), null, 0.0);
    }

    /**
     * A share of keys to a candidate, the rest to the baseline.
     *
     * @param baseline        the baseline version
     * @param baselineCohort  its cohort
     * @param candidate       the candidate version
     * @param candidateCohort its cohort
     * @param candidateShare  the candidate's share, in [0, 1]
     * @return the description, mirroring nothing
     */
    public static ExpectedPlan split(String baseline, String baselineCohort, String candidate,
                                     String candidateCohort, double candidateShare) {
        return new ExpectedPlan(List.of(new Route(baseline, baselineCohort, 1.0 - candidateShare),
                new Route(candidate, candidateCohort, candidateShare)), null, 0.0);
    }

    /**
     * The same routes, mirroring a share of requests to a version.
     *
     * @param version the shadow version
     * @param rate    the share mirrored, in (0, 1]
     * @return a new description
     */
    public ExpectedPlan mirroring(String version, double rate) {
        return new ExpectedPlan(routes, Objects.requireNonNull(version, "version"), rate);
    }

    /**
     * The baseline: the first route.
     *
     * @return the baseline's route
     */
    public Route baseline() {
        return routes.get(0);
    }

    /**
     * The route of a version.
     *
     * @param version the version
     * @return its route, or empty when the plan should never assign it
     */
    public Optional<Route> route(String version) {
        return routes.stream().filter(route -> route.version().equals(version)).findFirst();
    }

    /**
     * The versions, baseline first.
     *
     * @return the versions
     */
    public List<String> versions() {
        List<String> versions = new ArrayList<>();
        routes.forEach(route -> versions.add(route.version()));
        return versions;
    }
}
