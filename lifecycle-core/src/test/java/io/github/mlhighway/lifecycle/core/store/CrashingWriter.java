package io.github.mlhighway.lifecycle.core.store;

import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.registry.AliasMoveRequest;
import io.github.mlhighway.lifecycle.registry.LineageRef;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;

/**
 * The child process of {@link CrashSafetyTest}: writes documents, artifacts, model versions and alias moves into
 * a store in an endless loop until it is killed. Prints {@code ready} once the first round is durable.
 */
public final class CrashingWriter {

    private CrashingWriter() {
    }

    /**
     * @param args the store directory, and a seed
     * @throws Exception on any failure, which ends the process with a non-zero status
     */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Random random = new Random(Long.parseLong(args[1]));
        DirectoryStore documents = Stores.directory(root, Clock.systemUTC());
        ArtifactStore artifacts = ArtifactStore.under(root);
        ModelRegistry registry = ModelRegistries.directory(root, Clock.systemUTC());
        Path scratch = Files.createTempDirectory("crashing-writer");
        for (long round = 0; ; round++) {
            String padding = "x".repeat(random.nextInt(20_000));
            documents.put("runs", "run-" + random.nextInt(8), "{\"round\": " + round + ", \"pad\": \"" + padding + "\"}");
            artifacts.put(new ByteArrayInputStream(randomBytes(random, 1 + random.nextInt(512 * 1024))));
            Path weights = Files.write(scratch.resolve("weights.bin"), randomBytes(random, random.nextInt(256 * 1024)));
            ModelVersion version = registry.register(NewModelVersion.of("rain").metric("auc", random.nextDouble())
                    .file("model.bin", weights).lineage(LineageRef.run("round-" + round)).build());
            registry.moveAlias(AliasMoveRequest.of("rain", "champion", version.version())
                    .withOverride("crash-test", "round " + round));
            if (round == 0) {
                System.out.println("ready");
                System.out.flush();
            }
        }
    }

    private static byte[] randomBytes(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }
}
