package io.github.mlhighway.lifecycle.jdbc;

import io.github.mlhighway.lifecycle.core.store.ArtifactRepository;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import io.github.mlhighway.lifecycle.testkit.conformance.ArtifactRepositoryContract;
import io.github.mlhighway.lifecycle.testkit.postgres.PostgresExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The artifacts of the PostgreSQL store keep the ArtifactRepository contract, each test on a fresh database:
 * durability across a reopen of the store, and tampering in the database itself.
 */
@ExtendWith(PostgresExtension.class)
class PostgresArtifactStoreContractTest extends ArtifactRepositoryContract {

    private final TestClock clock = TestClock.create();
    private String url;
    private PostgresStore store;

    @Override
    protected ArtifactRepository newRepository() {
        url = PostgresExtension.server().newDatabase();
        store = PostgresStore.open(url, clock);
        return store.artifacts();
    }

    /** A new store over the same database (closing the old one, which drops its local cache of verified files). */
    @Override
    protected ArtifactRepository reopen(ArtifactRepository repository) {
        store.close();
        store = PostgresStore.open(url, clock);
        return store.artifacts();
    }

    /**
     * The bytes live in the database: after changing the verified local copy (through {@code super}, while the
     * database still matches), the artifact's chunks are rewritten there too, to one chunk of the new bytes.
     */
    @Override
    protected void tamper(ArtifactRepository repository, String sha256, byte[] bytes) throws Exception {
        super.tamper(repository, sha256, bytes);
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement drop = connection.prepareStatement("DELETE FROM lifecycle_artifact_chunks"
                     + " WHERE upload_id = (SELECT upload_id FROM lifecycle_artifacts WHERE sha256 = ?) AND chunk_no > 0");
             PreparedStatement update = connection.prepareStatement("UPDATE lifecycle_artifact_chunks SET data = ?"
                     + " WHERE upload_id = (SELECT upload_id FROM lifecycle_artifacts WHERE sha256 = ?) AND chunk_no = 0")) {
            drop.setString(1, sha256);
            drop.executeUpdate();
            update.setBytes(1, bytes);
            update.setString(2, sha256);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no first chunk of artifact " + sha256 + " to tamper with");
            }
        }
    }

    @Override
    protected void closeRepository() {
        if (store != null) {
            store.close();
        }
    }
}
