package io.github.mlhighway.lifecycle.registry;

/**
 * An alias was not where the mover expected it (another move won the compare-and-set); nothing was changed.
 *
 * @since 0.1
 */
public class AliasConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String model;
    private final String alias;
    private final int expectedVersion;
    private final int actualVersion;

    /**
     * @param model           the model
     * @param alias           the alias
     * @param expectedVersion the version the mover expected ({@link AliasMoveRequest#UNASSIGNED} for none)
     * @param actualVersion   the version found ({@link AliasMoveRequest#UNASSIGNED} for none)
     */
    public AliasConflictException(String model, String alias, int expectedVersion, int actualVersion) {
        super("Alias " + model + ":" + alias + " was moved concurrently: expected it at " + describe(expectedVersion)
                + " but it is at " + describe(actualVersion) + "; nothing was changed, read it again and retry");
        this.model = model;
        this.alias = alias;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    private static String describe(int version) {
        return version == AliasMoveRequest.UNASSIGNED ? "no version" : "version " + version;
    }

    /** @return the model */
    public String model() {
        return model;
    }

    /** @return the alias */
    public String alias() {
        return alias;
    }

    /** @return the version the mover expected, or {@link AliasMoveRequest#UNASSIGNED} */
    public int expectedVersion() {
        return expectedVersion;
    }

    /** @return the version found, or {@link AliasMoveRequest#UNASSIGNED} */
    public int actualVersion() {
        return actualVersion;
    }
}
