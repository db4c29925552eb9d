package io.github.mlhighway.lifecycle.core.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link StoreCheck} found.
 *
 * @param root        the store directory checked
 * @param documents   how many documents were read and verified
 * @param artifacts   how many artifact files were hashed
 * @param problems    one sentence per problem, each naming its file; empty when the store is clean
 * @param reclaimable one line per left-over of a crash (a temporary file, an orphan artifact), naming its file,
 *                    its age and whether it is stale (what {@link StoreGc} removes); these are not problems
 * @since 0.1
 */
public record StoreCheckResult(Path root, int documents, int artifacts, List<String> problems,
                               List<String> reclaimable) {

    /** Copies the lists. */
    public StoreCheckResult {
        Objects.requireNonNull(root, "root");
        problems = List.copyOf(problems);
        reclaimable = List.copyOf(reclaimable);
    }

    /**
     * A result without left-overs.
     *
     * @param root      the store directory checked
     * @param documents how many documents were read and verified
     * @param artifacts how many artifact files were hashed
     * @param problems  one sentence per problem
     */
    public StoreCheckResult(Path root, int documents, int artifacts, List<String> problems) {
        this(root, documents, artifacts, problems, List.of());
    }

    /**
     * Whether no problem was found (left-overs of crashes do not count).
     *
     * @return true when clean
     */
    public boolean isClean() {
        return problems.isEmpty();
    }

    /**
     * A one-line summary, e.g. {@code 12 documents and 3 artifacts verified in /data, 0 problems}, with the number of
     * left-overs when there are any.
     *
     * @return the text
     */
    public String summary() {
        return documents + " documents and " + artifacts + " artifacts verified in " + root + ", " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems")
                + (reclaimable.isEmpty() ? "" : ", " + reclaimable.size() + " left-over"
                        + (reclaimable.size() == 1 ? "" : "s") + " of interrupted writes");
    }
}
