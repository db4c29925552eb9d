package io.github.mlhighway.lifecycle.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.registry.ArtifactIntegrityException;
import io.github.mlhighway.lifecycle.registry.ModelRef;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoreException;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import io.github.mlhighway.lifecycle.testkit.postgres.PostgresExtension;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class PostgresStoreTest {

    @TempDir
    Path temp;

    private final String url = PostgresExtension.server().newDatabase();

    @Test
    void aLargeArtifactStreamsInAndOutInChunksAndHashesToItsName() throws Exception {
        byte[] bytes = new byte[3 * PostgresArtifactStore.CHUNK_SIZE + 12345];
        new Random(7).nextBytes(bytes);
        try (PostgresStore store = PostgresStore.open(url, TestClock.create())) {
            var stored = store.artifacts().put(new ByteArrayInputStream(bytes));
            var again = store.artifacts().put(new ByteArrayInputStream(bytes));

            assertThat(again).isEqualTo(stored);
            assertThat(stored.size()).isEqualTo(bytes.length);
            assertThat(store.artifacts().digests()).containsExactly(stored.sha256());
            try (InputStream in = store.artifacts().open(stored.sha256(), bytes.length)) {
                assertThat(in.readAllBytes()).isEqualTo(bytes);
            }
            assertThat(Files.readAllBytes(store.artifacts().verified(stored.sha256(), bytes.length))).isEqualTo(bytes);
            assertThat(PostgresStoreCheck.run(store).problems()).isEmpty();
        }
    }

    @Test
    void readAllReturnsTheDocumentsOfAPrefixInKeyOrderLikeTheDefaultDoes() {
        try (PostgresStore store = PostgresStore.open(url, TestClock.create())) {
            store.put("registry-versions", "rain.v2", "{\"v\":2}");
            store.put("registry-versions", "rain.v1", "{\"v\":1}");
            store.put("registry-versions", "rainbow.v1", "{\"v\":3}");
            store.put("registry-versions", "snow.v1", "{\"v\":4}");

            assertThat(store.readAll("registry-versions", "rain.v")).extracting(d -> d.key())
                    .containsExactly("rain.v1", "rain.v2");
            assertThat(store.readAll("registry-versions", "")).hasSize(4);
            assertThat(store.readAll("registry-versions", "rain")).extracting(d -> d.key())
                    .containsExactlyElementsOf(store.keys("registry-versions").subList(0, 3));
        }
    }

    @Test
    void aTamperedArtifactChunkIsRefusedOnReadAndByTheCheck() throws Exception {
        try (PostgresStore store = PostgresStore.open(url, TestClock.create())) {
            String sha256 = store.artifacts().put(bytes("model weights")).sha256();
            sql("UPDATE lifecycle_artifact_chunks SET data = convert_to('model weightz', 'UTF8')");

            assertThatThrownBy(() -> {
                try (InputStream in = store.artifacts().open(sha256)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }).isInstanceOf(ArtifactIntegrityException.class).hasMessageContaining(sha256);
            assertThatThrownBy(() -> store.artifacts().verified(sha256)).isInstanceOf(ArtifactIntegrityException.class);
            assertThat(PostgresStoreCheck.run(store).problems()).singleElement().asString().contains(sha256);
        }
    }

    @Test
    void aDocumentRowEditedOutsideLifecycleIsRefusedOnRead() throws Exception {
        try (PostgresStore store = PostgresStore.open(url, TestClock.create())) {
            store.put("slo-state", "api", "{\"budget\":0.5}");
            sql("UPDATE lifecycle_documents SET body = '{\"budget\":0.9}'");

            assertThatThrownBy(() -> store.read("slo-state", "api")).isInstanceOf(StoreException.class)
                    .hasMessageContaining("slo-state/api").hasMessageContaining("fails verification");
            assertThat(PostgresStoreCheck.run(store).problems()).singleElement().asString()
                    .contains("slo-state/api");
        }
    }

    @Test
    void aSchemaNewerThanTheLibraryIsRefusedWithAMessageAndLeftAlone() throws Exception {
        PostgresStore.open(url, TestClock.create()).close();
        sql("INSERT INTO lifecycle_schema_history (installed_rank, version, description, type, script, checksum, "
                + "installed_by, execution_time, success) VALUES (99, '2', 'from a newer release', 'SQL', "
                + "'V2__from_a_newer_release.sql', 0, 'test', 0, true)");

        assertThatThrownBy(() -> PostgresStore.open(url, TestClock.create())).isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version 2").hasMessageContaining("newer than version 1")
                .hasMessageContaining("upgrade lifecycle-jdbc");
    }

    @Test
    void passwordsNeverAppearInMessagesOrNames() {
        String withPassword = url.replace("user=postgres", "user=nobody&password=s3cret-pw");
        assertThatThrownBy(() -> PostgresStore.open(withPassword, TestClock.create()))
                .isInstanceOf(StoreException.class)
                .hasMessageNotContaining("s3cret-pw")
                .hasMessageContaining("nobody");
        PostgresLocation location = PostgresLocation.parse("jdbc:postgresql://a:p4ss@db:5432/lc?ssl=true",
                Map.of());
        assertThat(location.driverUrl()).isEqualTo("jdbc:postgresql://db:5432/lc?ssl=true");
        assertThat(location.user()).contains("a");
        assertThat(location.password()).contains("p4ss");
        assertThat(location.toString()).doesNotContain("p4ss");
        PostgresLocation fromEnvironment = PostgresLocation.parse("jdbc:postgresql://db/lc",
                Map.of(PostgresLocation.USER_VARIABLE, "svc", PostgresLocation.PASSWORD_VARIABLE, "env-secret"));
        assertThat(fromEnvironment.user()).contains("svc");
        assertThat(fromEnvironment.password()).contains("env-secret");
        assertThat(fromEnvironment.redacted()).doesNotContain("env-secret");
    }

    @Test
    void storesOpenAJdbcUrlThroughTheProviderAndTheRuntimeKeepsModelsThere() throws Exception {
        try (Store store = Stores.open(url, TestClock.create())) {
            assertThat(store).isInstanceOf(PostgresStore.class);
            assertThat(Stores.artifactsOf(store)).isInstanceOf(PostgresArtifactStore.class);
        }
        Path weights = Files.writeString(temp.resolve("model.bin"), "weights");
        try (Lifecycle lifecycle = Lifecycle.builder().clock(TestClock.create()).store(url).build()) {
            lifecycle.registry().register(NewModelVersion.of("rain").file("model.bin", weights).build());
        }
        try (Lifecycle other = Lifecycle.builder().clock(TestClock.create()).store(url).build()) {
            assertThat(other.store()).isInstanceOf(PostgresStore.class);
            Path loaded = other.registry().load(ModelRef.ofVersion("rain", 1)).files().get("model.bin");
            assertThat(loaded).hasContent("weights");
        }
    }

    @Test
    void aCopyFromADirectoryToPostgresAndBackKeepsEveryDocumentAndArtifactAndIsIdempotent() throws Exception {
        Path directory = temp.resolve("store");
        Path weights = Files.writeString(temp.resolve("model.bin"), "weights");
        try (Lifecycle lifecycle = Lifecycle.builder().clock(TestClock.create()).store(directory).build()) {
            lifecycle.registry().register(NewModelVersion.of("rain").file("model.bin", weights).build());
            lifecycle.store().put("incidents", "i-1", "{\"title\":\"latency\"}");
        }
        try (Store from = Stores.open(directory.toString()); Store to = Stores.open(url)) {
            StoreCopy.Result first = StoreCopy.copy(from, to);
            StoreCopy.Result second = StoreCopy.copy(from, to);

            assertThat(first.artifactsCopied()).isEqualTo(1);
            assertThat(first.documentsCopied()).isEqualTo(2);
            assertThat(second.artifactsCopied()).isZero();
            assertThat(second.documentsCopied()).isZero();
            assertThat(second.documentsSame()).isEqualTo(2);
            assertThat(PostgresStoreCheck.run((PostgresStore) to).problems()).isEmpty();
        }
        Path back = temp.resolve("back");
        try (Store from = Stores.open(url); Store to = Stores.open(back.toString())) {
            assertThat(StoreCopy.copy(from, to).documentsCopied()).isEqualTo(2);
        }
        assertThat(io.github.mlhighway.lifecycle.core.store.StoreCheck.run(back).problems()).isEmpty();
        try (Lifecycle lifecycle = Lifecycle.builder().clock(TestClock.create()).store(back).build()) {
            assertThat(lifecycle.registry().load(ModelRef.ofVersion("rain", 1)).files().get("model.bin"))
                    .hasContent("weights");
            assertThat(lifecycle.store().read("incidents", "i-1").orElseThrow().json()).contains("latency");
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
             Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
