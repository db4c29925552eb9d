package io.github.mlhighway.lifecycle.store;

/**
 * A compare-and-set write found another revision than the one expected; nothing was written.
 *
 * @since 0.1
 */
public class RevisionConflictException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final long expectedRevision;
    private final long actualRevision;

    /**
     * @param collection       collection name
     * @param key              document key
     * @param expectedRevision the revision the writer expected
     * @param actualRevision   the revision found (0 when absent)
     */
    public RevisionConflictException(String collection, String key, long expectedRevision, long actualRevision) {
        super("Document " + collection + "/" + key + " is at revision " + actualRevision + ", expected "
                + (expectedRevision == Store.MUST_NOT_EXIST ? "none" : String.valueOf(expectedRevision)));
        this.expectedRevision = expectedRevision;
        this.actualRevision = actualRevision;
    }

    /** @return the revision the writer expected */
    public long expectedRevision() {
        return expectedRevision;
    }

    /** @return the revision found (0 when the document was absent) */
    public long actualRevision() {
        return actualRevision;
    }
}
