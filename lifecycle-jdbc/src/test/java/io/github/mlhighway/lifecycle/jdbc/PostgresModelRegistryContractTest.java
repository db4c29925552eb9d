package io.github.mlhighway.lifecycle.jdbc;

import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.registry.LoadedModel;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.testkit.conformance.ModelRegistryContract;
import io.github.mlhighway.lifecycle.testkit.postgres.PostgresExtension;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The registry over the PostgreSQL store and its artifacts keeps the ModelRegistry contract, on a fresh database. */
@ExtendWith(PostgresExtension.class)
class PostgresModelRegistryContractTest extends ModelRegistryContract {

    private String url;
    private PostgresStore store;

    @Override
    protected ModelRegistry newRegistry() {
        url = PostgresExtension.server().newDatabase();
        store = PostgresStore.open(url, clock);
        return ModelRegistries.on(store, store.artifacts(), clock);
    }

    /** The bytes live in the database, so tampering rewrites the artifact's chunks there, not the loaded copy. */
    @Override
    protected void tamper(LoadedModel loaded, String artifact) throws Exception {
        String sha256 = loaded.version().artifacts().stream().filter(a -> a.name().equals(artifact)).findFirst()
                .orElseThrow().sha256();
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement update = connection.prepareStatement("UPDATE lifecycle_artifact_chunks SET data = ?"
                     + " WHERE upload_id = (SELECT upload_id FROM lifecycle_artifacts WHERE sha256 = ?)")) {
            update.setBytes(1, "tampered bytes".getBytes(StandardCharsets.UTF_8));
            update.setString(2, sha256);
            if (update.executeUpdate() == 0) {
                throw new IllegalStateException("no chunk of artifact " + sha256 + " to tamper with");
            }
        }
        super.tamper(loaded, artifact);
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }
}
