package io.github.mlhighway.lifecycle.core.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link StoreCheck} found.
 *
 * @param root      the store directory checked
 * @param documents how many documents were read and verified
 * @param artifacts how many artifact files were hashed
 * @param problems  one sentence per problem, each naming its file; empty when the store is clean
 */
public record StoreCheckResult(Path root, int documents, int artifacts, List<String> problems) {

    /** Copies the problems. */
    public StoreCheckResult {
        Objects.requireNonNull(root, "root");
        problems = List.copyOf(problems);
    }

    /**
     * Whether no problem was found.
     *
     * @return true when clean
     */
    public boolean isClean() {
        return problems.isEmpty();
    }

    /**
     * A one-line summary, e.g. {@code 12 documents and 3 artifacts verified, 0 problems}.
     *
     * @return the text
     */
    public String summary() {
        return documents + " documents and " + artifacts + " artifacts verified in " + root + ", " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems");
    }
}
