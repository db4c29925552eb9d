package io.github.mlhighway.lifecycle.core.store;

import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import io.github.mlhighway.lifecycle.store.RevisionConflictException;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Random;

/**
 * A child process of {@link CrashSoakTest}: writes documents, increments a shared counter by compare-and-set and
 * registers model versions into one directory store until it is killed, and appends one line to its
 * acknowledgement file after each write returned ({@code doc KEY}, {@code inc}, {@code version N SHA256}). One
 * {@code write} call per line, so a kill leaves whole lines. Prints {@code ready} after its first acknowledgement.
 */
public final class SoakWriter {

    static final String DOCS = "soak-docs";
    static final String SHARED = "soak-shared";
    static final String COUNTER = "counter";
    static final String MODEL = "soak";

    private SoakWriter() {
    }

    /**
     * @param args the store directory, the writer's name (unique per incarnation), the acknowledgement file, a seed
     * @throws Exception on any failure, which ends the process with a non-zero status
     */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        String name = args[1];
        Random random = new Random(Long.parseLong(args[3]));
        Store store = Stores.directory(root, Clock.systemUTC());
        ModelRegistry registry = ModelRegistries.directory(root, Clock.systemUTC());
        Path scratch = Files.createTempDirectory("soak-writer");
        try (FileOutputStream acks = new FileOutputStream(args[2], true)) {
            for (long n = 0; ; n++) {
                String key = name + "-" + n;
                store.put(DOCS, key, "{\"writer\": \"" + name + "\", \"n\": " + n + ", \"pad\": \""
                        + "x".repeat(random.nextInt(2_000)) + "\"}");
                ack(acks, "doc " + key);
                increment(store);
                ack(acks, "inc");
                if (n % 5 == 0) {
                    Path weights = Files.write(scratch.resolve("weights.bin"), bytes(random, random.nextInt(64_000)));
                    Path config = Files.write(scratch.resolve("config.json"), bytes(random, 1 + random.nextInt(100)));
                    ModelVersion version = registry.register(NewModelVersion.of(MODEL).tag("writer", name)
                            .file("weights.bin", weights).file("config.json", config).build());
                    ack(acks, "version " + version.version() + " " + version.artifact("weights.bin")
                            .orElseThrow().sha256());
                }
                if (n == 0) {
                    System.out.println("ready");
                    System.out.flush();
                }
            }
        }
    }

    private static void increment(Store store) {
        while (true) {
            Optional<StoredDocument> current = store.read(SHARED, COUNTER);
            long value = current.map(d -> Long.parseLong(d.json().replaceAll("\\D", ""))).orElse(0L);
            try {
                store.write(SHARED, COUNTER, "{\"value\":" + (value + 1) + "}",
                        current.map(StoredDocument::revision).orElse(Store.MUST_NOT_EXIST));
                return;
            } catch (RevisionConflictException e) {
                // another writer incremented first: read again
            }
        }
    }

    private static void ack(FileOutputStream acks, String line) throws IOException {
        acks.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }
}
