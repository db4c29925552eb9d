package io.github.mlhighway.lifecycle.registry;

import io.github.mlhighway.lifecycle.gate.Verdict;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request to point an alias at a version, with its evidence: a {@link Verdict} that allows proceeding (PASS or
 * WARN), or an {@link AliasOverride}, or both (an override of a failing verdict records both). Start with
 * {@link #of(String, String, int)}.
 *
 * <p><b>What the registry checks about a verdict</b> (when there is no override): its outcome is PASS or WARN;
 * it was decided at or after the target version was registered ({@code verdict.decidedAt() >=
 * version.createdAt()}), so a verdict from before the version existed cannot be reused for it, <i>unless</i> the
 * verdict names its subject's digests ({@code Verdict.subject()}) and they are exactly the SHA-256 of the
 * version's artifacts (a gate that judged these very bytes, e.g. in a pipeline, before they were registered);
 * and, if a
 * {@code verdictSubject} is given, that it names exactly this model and target version ({@code "rain@3"}).
 * <b>What it cannot check</b>: a {@link Verdict} carries no subject and no signature, so the registry cannot tell
 * which gate configuration, which predictions or which evaluation set produced it, nor that it was produced by
 * a gate at all; the subject is the caller's declaration, recorded in the audit log so that a wrong one can be
 * traced to whoever moved the alias; {@code decidedAt} comes from the gate's clock, which may differ from the
 * registry's. An override skips these checks and is recorded with whatever verdict is attached.
 *
 * @param model        the model
 * @param alias        the alias, e.g. {@code champion}
 * @param toVersion    the version to point at
 * @param expectedFrom the version the alias must point at now for the move to happen: null for "whatever it is",
 *                     {@link #UNASSIGNED} for "it must not exist yet"
 * @param verdict      the gate verdict, or null
 * @param override     the override, or null
 * @param verdictSubject what the verdict was decided about, {@code MODEL@VERSION} (e.g. {@code "rain@3"}), or
 *                     null when not declared; when given it must name this model and target version
 * @since 0.1
 */
public record AliasMoveRequest(String model, String alias, int toVersion, @Nullable Integer expectedFrom,
                               @Nullable Verdict verdict,
                               @Nullable AliasOverride override, @Nullable String verdictSubject) {

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
        if (verdictSubject != null && verdictSubject.isBlank()) {
            throw new IllegalArgumentException("The verdict subject of the move of " + model + ":" + alias
                    + " is blank; give MODEL@VERSION, e.g. " + model + "@" + toVersion + ", or none");
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
        return new AliasMoveRequest(model, alias, toVersion, null, null, null, null);
    }

    /**
     * The same request, attached to a verdict.
     *
     * @param gateVerdict the verdict
     * @return a new request
     */
    public AliasMoveRequest withVerdict(Verdict gateVerdict) {
        return new AliasMoveRequest(model, alias, toVersion, expectedFrom, Objects.requireNonNull(gateVerdict,
                "verdict"), override, verdictSubject);
    }

    /**
     * The same request, attached to a verdict with what it was decided about. The registry refuses the move if
     * the subject does not name this model and target version; see the class comment for what it cannot check.
     *
     * @param gateVerdict the verdict
     * @param subject     what the gate evaluated, {@code MODEL@VERSION}, e.g. {@code "rain@3"}
     * @return a new request
     */
    public AliasMoveRequest withVerdict(Verdict gateVerdict, String subject) {
        return new AliasMoveRequest(model, alias, toVersion, expectedFrom, Objects.requireNonNull(gateVerdict,
                "verdict"), override, Objects.requireNonNull(subject, "subject"));
    }

    /**
     * The same request, with an explicit override.
     *
     * @param who who decided
     * @param why why
     * @return a new request
     */
    public AliasMoveRequest withOverride(String who, String why) {
        return new AliasMoveRequest(model, alias, toVersion, expectedFrom, verdict, new AliasOverride(who, why),
                verdictSubject);
    }

    /**
     * The same request, made conditional on the alias pointing at a version now (compare-and-set).
     *
     * @param version the expected current version, or {@link #UNASSIGNED}
     * @return a new request
     */
    public AliasMoveRequest expectingFrom(int version) {
        return new AliasMoveRequest(model, alias, toVersion, version, verdict, override, verdictSubject);
    }
}
