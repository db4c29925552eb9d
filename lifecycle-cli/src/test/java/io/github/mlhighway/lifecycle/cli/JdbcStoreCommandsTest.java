package io.github.mlhighway.lifecycle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.registry.AliasMoveRequest;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import io.github.mlhighway.lifecycle.testkit.postgres.PostgresExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The store, registry and lineage commands work on a jdbc:postgresql URL as on a directory. */
@ExtendWith(PostgresExtension.class)
class JdbcStoreCommandsTest {

    @TempDir
    Path directory;

    @TempDir
    Path work;

    private final String url = PostgresExtension.server().newDatabase();

    @BeforeEach
    void registerTwoVersionsInADirectoryStoreAndMoveTheChampionTwice() throws IOException {
        Clock early = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        Clock late = TestClock.at(Instant.parse("2026-02-01T00:00:00Z"));
        ModelRegistry registry = ModelRegistries.directory(directory, early);
        registry.register(NewModelVersion.of("rain").metric("auc", 0.81)
                .file("model.pt", Files.writeString(work.resolve("one.pt"), "one")).build());
        registry.register(NewModelVersion.of("rain").metric("auc", 0.84)
                .file("model.pt", Files.writeString(work.resolve("two.pt"), "two")).build());
        registry.moveAlias(AliasMoveRequest.of("rain", "champion", 1).withOverride("alice", "first"));
        ModelRegistries.directory(directory, late).moveAlias(AliasMoveRequest.of("rain", "champion", 2)
                .expectingFrom(1).withOverride("alice", "second"));
    }

    @Test
    void aDirectoryStoreCopiedToPostgresListsChecksAndShowsTheSameAndTheCopyIsIdempotent() {
        CommandRun copy = CommandRun.of("store", "copy", directory.toString(), url);
        assertThat(copy.exitCode()).as(copy.err()).isZero();
        assertThat(copy.out()).contains("copied 2 artifacts (0 already there) and 3 documents (0 already there)");
        CommandRun again = CommandRun.of("store", "copy", directory.toString(), url);
        assertThat(again.out()).contains("copied 0 artifacts (2 already there) and 0 documents (3 already there)");

        assertThat(CommandRun.of("registry", "list", url).out())
                .isEqualTo(CommandRun.of("registry", "list", directory.toString()).out());

        CommandRun check = CommandRun.of("store", "check", url);
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.err()).contains("3 documents and 2 artifacts verified", "0 problems");

        CommandRun lineage = CommandRun.of("lineage", url, "rain:champion", "--verify");
        assertThat(lineage.exitCode()).as(lineage.err()).isZero();
        assertThat(lineage.out()).startsWith("rain@2 (champion)").contains("alias history:",
                "#1  2026-01-01T00:00:00Z  champion: (new) -> v1", "#2  2026-02-01T00:00:00Z  champion: v1 -> v2",
                "verified: every artifact matches its SHA-256");

        CommandRun then = CommandRun.of("lineage", url, "rain:champion", "--at", "2026-01-15T00:00:00Z");
        assertThat(then.out()).startsWith("rain:champion at 2026-01-15T00:00:00Z: version 1")
                .contains("rain@1");
    }

    @Test
    void aPasswordInTheUrlNeverReachesTheOutput() {
        String withPassword = url.replace("user=postgres", "user=nobody&password=hunter2-secret");

        CommandRun run = CommandRun.of("registry", "list", withPassword);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err() + run.out()).doesNotContain("hunter2-secret").contains("nobody");
    }
}
