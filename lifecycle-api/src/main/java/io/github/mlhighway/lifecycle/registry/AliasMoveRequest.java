package io.github.mlhighway.lifecycle.registry;

import io.github.mlhighway.lifecycle.gate.Verdict;
import java.util.Objects;

/**
 * A request to point an alias at a version, with its evidence: a {@link Verdict} that allows proceeding (PASS or
 * WARN), or an {@link AliasOverride}, or both (an override of a failing verdict records both). Start with
 * {@link #of(String, String, int)}.
 *
 * @param model        the model
 * @param alias        the alias, e.g. {@code champion}
 * @param toVersion    the version to point at
 * @param expectedFrom the version the alias must point at now for the move to happen: null for "whatever it is",
 *                     {@link #UNASSIGNED} for "it must not exist yet"
 * @param verdict      the gate verdict, or null
 * @param override     the override, or null
 */
public record AliasMoveRequest(String model, String alias, int toVersion, Integer expectedFrom, Verdict verdict,
                               AliasOverride override) {

    /** As {@code expectedFrom}: the alias must not exist yet. */
    public static final int UNASSIGNED = 0;

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if the target version is below 1 or the expected one is negative
     */
    public AliasMoveRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(alias, "alias");
        if (toVersion < 1) {
            throw new IllegalArgumentException("Alias " + model + ":" + alias + " cannot point at version "
                    + toVersion + "; versions start at 1");
        }
        if (expectedFrom != null && expectedFrom < 0) {
            throw new IllegalArgumentException("Expected version of " + model + ":" + alias + " is negative: "
                    + expectedFrom);
        }
    }

    /**
     * A request with no evidence yet; add a verdict or an override before moving.
     *
     * @param model     the model
     * @param alias     the alias
     * @param toVersion the target version
     * @return the request
     */
    public static AliasMoveRequest of(String model, String alias, int toVersion) {
        return new AliasMoveRequest(model, alias, toVersion, null, null, null);
    }

    /**
     * The same request, attached to a verdict.
     *
     * @param gateVerdict the verdict
     * @return a new request
     */
    public AliasMoveRequest withVerdict(Verdict gateVerdict) {
        return new AliasMoveRequest(model, alias, toVersion, expectedFrom, Objects.requireNonNull(gateVerdict,
                "verdict"), override);
    }

    /**
     * The same request, with an explicit override.
     *
     * @param who who decided
     * @param why why
     * @return a new request
     */
    public AliasMoveRequest withOverride(String who, String why) {
        return new AliasMoveRequest(model, alias, toVersion, expectedFrom, verdict, new AliasOverride(who, why));
    }

    /**
     * The same request, made conditional on the alias pointing at a version now (compare-and-set).
     *
     * @param version the expected current version, or {@link #UNASSIGNED}
     * @return a new request
     */
    public AliasMoveRequest expectingFrom(int version) {
        return new AliasMoveRequest(model, alias, toVersion, version, verdict, override);
    }
}
