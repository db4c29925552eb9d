package io.github.mlhighway.lifecycle.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.store.StoreException;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import io.github.mlhighway.lifecycle.testkit.postgres.PostgresExtension;
import io.github.mlhighway.lifecycle.testkit.postgres.PostgresServer;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The database going away mid-run gives a clear StoreException, and the next call after it is back succeeds. */
@ExtendWith(PostgresExtension.class)
class DatabaseRestartTest {

    @Test
    void aRestartFailsCallsClearlyWhileDownAndTheNextCallSucceedsOnceItIsBack() {
        PostgresServer server = PostgresExtension.server();
        Assumptions.assumeTrue(server.isLocal(), "the server from $LIFECYCLE_TEST_PG_URL is not this test's to restart");
        String url = server.newDatabase();
        try (PostgresStore store = PostgresStore.open(url, TestClock.create())) {
            store.put("journal", "release-1", "{\"step\":1}");
            server.stop();
            try {
                assertThatThrownBy(() -> store.write("journal", "release-1", "{\"step\":2}", 1))
                        .isInstanceOf(StoreException.class)
                        .hasMessageContaining("journal/release-1")
                        .hasMessageContaining("PostgreSQL store");
                assertThatThrownBy(() -> store.read("journal", "release-1")).isInstanceOf(StoreException.class)
                        .hasMessageContaining("read journal/release-1");
                assertThatThrownBy(() -> store.artifacts().put(new ByteArrayInputStream(new byte[10])))
                        .isInstanceOf(StoreException.class);
            } finally {
                server.start();
            }
            assertThat(store.read("journal", "release-1").orElseThrow().revision()).isEqualTo(1);
            assertThat(store.write("journal", "release-1", "{\"step\":2}", 1).revision()).isEqualTo(2);
            assertThat(PostgresStoreCheck.run(store).problems()).isEmpty();
        }
    }
}
