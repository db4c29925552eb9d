package io.github.mlhighway.lifecycle.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.registry.ModelRef;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash soak: four writer processes on one directory store, killed with SIGKILL at random moments and
 * restarted, then {@code store check} is clean, every acknowledged write is present (documents, counter increments,
 * registered versions with their verified artifacts), and {@code store gc} leaves no orphan or temporary file.
 *
 * <p>{@code mvn verify} runs {@value #DEFAULT_KILLS} kills; the long soak runs 200 (or any number):
 * {@code mvn -o -pl lifecycle-api,lifecycle-core test -Dtest=CrashSoakTest -Dlifecycle.soak.kills=200}. The seed is
 * {@code -Dlifecycle.soak.seed} (default fixed). The counts are printed at the end.
 */
class CrashSoakTest {

    static final int DEFAULT_KILLS = 20;
    private static final int WRITERS = 4;

    @TempDir
    Path root;

    @TempDir
    Path acks;

    private int incarnations;

    @Test
    void fourWritersKilledAtRandomMomentsLoseNoAcknowledgedWriteAndLeaveNothingAfterGc() throws Exception {
        int kills = Integer.getInteger("lifecycle.soak.kills", DEFAULT_KILLS);
        Random random = new Random(Long.getLong("lifecycle.soak.seed", 20261202L));
        Process[] writers = new Process[WRITERS];
        try {
            for (int i = 0; i < WRITERS; i++) {
                writers[i] = start(random);
            }
            for (Process writer : writers) {
                awaitReady(writer);
            }
            for (int kill = 0; kill < kills; kill++) {
                Thread.sleep(random.nextInt(400));
                int victim = random.nextInt(WRITERS);
                writers[victim].destroyForcibly();
                assertThat(writers[victim].waitFor(30, TimeUnit.SECONDS)).as("writer died").isTrue();
                writers[victim] = start(random);
                awaitReady(writers[victim]);
            }
        } finally {
            for (Process writer : writers) {
                if (writer != null) {
                    writer.destroyForcibly();
                    writer.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }

        Acknowledged acknowledged = readAcknowledgements();
        SimClock clock = new SimClock(newestModification().plusSeconds(1));
        StoreCheckResult before = StoreCheck.run(root, clock, Duration.ZERO);
        assertThat(before.problems()).as("store check after %d kills", kills).isEmpty();
        assertEveryAcknowledgedWriteIsPresent(acknowledged, kills);

        StoreGc.Result gc = StoreGc.run(root, clock, Duration.ZERO);

        StoreCheckResult after = StoreCheck.run(root, clock, Duration.ZERO);
        assertThat(gc.keptOrphansBecause()).isEmpty();
        assertThat(after.problems()).isEmpty();
        assertThat(after.reclaimable()).as("left-overs after gc").isEmpty();
        assertEveryAcknowledgedWriteIsPresent(acknowledged, kills);
        System.out.printf("crash soak: %d kills of %d writers (%d processes), %d acknowledged documents, %d "
                        + "acknowledged increments, %d acknowledged versions; check before gc: %d problems, %d "
                        + "left-overs; gc removed %d temporary files and %d orphan artifacts; check after gc: %d "
                        + "problems, %d left-overs%n", kills, WRITERS, incarnations, acknowledged.documents().size(),
                acknowledged.increments(), acknowledged.versions().size(), before.problems().size(),
                before.reclaimable().size(), gc.removedTemporary().size(), gc.removedOrphans().size(),
                after.problems().size(), after.reclaimable().size());
    }

    private void assertEveryAcknowledgedWriteIsPresent(Acknowledged acknowledged, int kills) {
        DirectoryStore store = Stores.readOnlyDirectory(root);
        for (String key : acknowledged.documents()) {
            assertThat(store.read(SoakWriter.DOCS, key)).as("acknowledged document %s", key).isPresent();
        }
        long counter = store.read(SoakWriter.SHARED, SoakWriter.COUNTER)
                .map(d -> Json.mapper().valueToTree(Json.read(d.json(), java.util.Map.class)).path("value").asLong())
                .orElse(0L);
        assertThat(counter).as("the shared counter: every acknowledged increment, plus at most one per kill")
                .isBetween((long) acknowledged.increments(), (long) acknowledged.increments() + kills + WRITERS);
        ModelRegistry registry = ModelRegistries.on(store, ArtifactStore.under(root), new SimClock(
                java.time.Instant.EPOCH));
        for (String[] version : acknowledged.versions()) {
            ModelVersion loaded = registry.version(ModelRef.ofVersion(SoakWriter.MODEL, Integer.parseInt(version[0])));
            assertThat(loaded.artifact("weights.bin").orElseThrow().sha256()).isEqualTo(version[1]);
            assertThat(registry.load(loaded.ref()).files()).containsOnlyKeys("weights.bin", "config.json");
        }
    }

    private Process start(Random random) throws IOException {
        String name = "w" + incarnations++;
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(List.of(java.toString(), "-Xmx96m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), SoakWriter.class.getName(), root.toString(), name,
                acks.resolve(name + ".log").toString(), Long.toString(random.nextLong())))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static void awaitReady(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the writer's first line (alive: %s)", child.isAlive()).isEqualTo("ready");
    }

    private Acknowledged readAcknowledgements() throws IOException {
        List<String> documents = new ArrayList<>();
        List<String[]> versions = new ArrayList<>();
        int increments = 0;
        try (Stream<Path> files = Files.list(acks)) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    String[] parts = line.split(" ");
                    switch (parts[0]) {
                        case "doc" -> documents.add(parts[1]);
                        case "inc" -> increments++;
                        case "version" -> versions.add(new String[] {parts[1], parts[2]});
                        default -> throw new AssertionError("bad acknowledgement line '" + line + "' in " + file);
                    }
                }
            }
        }
        return new Acknowledged(documents, increments, versions);
    }

    private java.time.Instant newestModification() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.map(path -> {
                try {
                    return Files.getLastModifiedTime(path, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    return FileTime.fromMillis(0);
                }
            }).max(FileTime::compareTo).orElseThrow().toInstant();
        }
    }

    private record Acknowledged(List<String> documents, int increments, List<String[]> versions) {
    }
}
