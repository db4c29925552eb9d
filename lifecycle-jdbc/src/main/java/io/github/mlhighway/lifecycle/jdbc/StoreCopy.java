package io.github.mlhighway.lifecycle.jdbc;

import io.github.mlhighway.lifecycle.core.store.ArtifactRepository;
import io.github.mlhighway.lifecycle.core.store.DirectoryStore;
import io.github.mlhighway.lifecycle.core.store.StoredArtifact;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoreException;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Copies a whole store to another (directory ⇄ PostgreSQL, or between two of a kind): artifacts first, each read
 * through its hash and re-hashed by the target, which must file it under the same digest; then every document of
 * every collection. Idempotent: an artifact the target holds already is skipped, and a document whose body is
 * already in the target is left alone, so a copy interrupted at any point is completed by running it again.
 * Document revisions and timestamps are the target's own (revision 1 for a new document); bodies are copied
 * exactly.
 *
 * @since 0.1
 */
public final class StoreCopy {

    private StoreCopy() {
    }

    /**
     * What a copy did.
     *
     * @param artifactsCopied  artifacts written to the target
     * @param artifactsPresent artifacts the target had already
     * @param documentsCopied  documents written to the target
     * @param documentsSame    documents the target had already with the same body
     */
    public record Result(int artifactsCopied, int artifactsPresent, int documentsCopied, int documentsSame) {

        /**
         * A one-line summary.
         *
         * @return the text
         */
        public String summary() {
            return "copied " + artifactsCopied + " artifacts (" + artifactsPresent + " already there) and "
                    + documentsCopied + " documents (" + documentsSame + " already there)";
        }
    }

    /**
     * Copies everything from one store to another.
     *
     * @param from the source: a directory store or a PostgreSQL store
     * @param to   the target: a directory store or a PostgreSQL store
     * @return counts
     * @throws StoreException if a digest does not match or a store fails; what was copied so far stays
     */
    public static Result copy(Store from, Store to) {
        ArtifactRepository source = Stores.artifactsOf(from);
        ArtifactRepository target = Stores.artifactsOf(to);
        int copied = 0;
        int present = 0;
        for (String digest : source.digests()) {
            if (target.contains(digest)) {
                present++;
                continue;
            }
            StoredArtifact stored;
            try (InputStream in = source.open(digest)) {
                stored = target.put(in);
            } catch (IOException e) {
                throw new StoreException("Cannot copy artifact " + digest + ": " + e.getMessage(), e);
            }
            if (!stored.sha256().equals(digest)) {
                throw new StoreException("Artifact " + digest + " of " + from + " was stored in " + to + " as "
                        + stored.sha256() + ": its bytes changed on the way");
            }
            copied++;
        }
        int documents = 0;
        int same = 0;
        for (String collection : collections(from)) {
            for (String key : from.keys(collection)) {
                Optional<StoredDocument> document = from.read(collection, key);
                if (document.isEmpty()) {
                    continue;
                }
                Optional<StoredDocument> existing = to.read(collection, key);
                if (existing.isPresent() && existing.get().json().equals(document.get().json())) {
                    same++;
                    continue;
                }
                to.put(collection, key, document.get().json());
                documents++;
            }
        }
        return new Result(copied, present, documents, same);
    }

    private static List<String> collections(Store store) {
        if (store instanceof DirectoryStore directory) {
            return directory.collections();
        }
        if (store instanceof PostgresStore postgres) {
            return postgres.collections();
        }
        throw new IllegalArgumentException("Cannot list the collections of " + store
                + "; copy supports directory and PostgreSQL stores");
    }
}
