package io.github.mlhighway.lifecycle.policy;

import java.util.Objects;

/**
 * What an error-budget policy tells the organisation to do. The built-in actions are constants; a team can
 * define its own with {@link #custom(String, boolean)}.
 *
 * @param name           stable name, e.g. {@code FREEZE_RELEASES}
 * @param blocksReleases whether a release asking the policy must not proceed
 * @since 0.1
 */
public record Action(String name, boolean blocksReleases) {

    /** Nothing stands in the way. */
    public static final Action ALLOW = new Action("ALLOW", false);
    /** Stop releasing (except exempted changes) until the SLO is met again. */
    public static final Action FREEZE_RELEASES = new Action("FREEZE_RELEASES", true);
    /** Roll back the change in progress. */
    public static final Action ROLLBACK = new Action("ROLLBACK", true);
    /** Notify the on-call engineer now. Does not by itself block releases. */
    public static final Action PAGE = new Action("PAGE", false);
    /** Open a ticket for working hours. Does not block releases. */
    public static final Action TICKET = new Action("TICKET", false);

    /** Validates the components. */
    public Action {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Action name must not be blank");
        }
    }

    /**
     * A team-defined action, e.g. {@code RETRAIN}.
     *
     * @param name           its name
     * @param blocksReleases whether it stops releases
     * @return the action
     */
    public static Action custom(String name, boolean blocksReleases) {
        return new Action(name, blocksReleases);
    }

    @Override
    public String toString() {
        return name;
    }
}
