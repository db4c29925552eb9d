package io.github.mlhighway.lifecycle.jdbc;

import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.registry.AliasConflictException;
import io.github.mlhighway.lifecycle.registry.AliasMoveRequest;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import io.github.mlhighway.lifecycle.store.RevisionConflictException;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Random;

/**
 * A writer JVM of the fleet tests. {@code mixed URL WORKER OPS}: prints {@code ready}, waits for a line on stdin,
 * then runs OPS operations in turn (CAS counter increment, registration, alias move) and prints
 * {@code done INCREMENTS REGISTRATIONS MOVES}. {@code endless URL SEED}: registers versions with artifacts of
 * random size and moves the alias until killed, printing {@code ready} after the first round.
 * {@code canary URL REPLICA healthy|failing}: one replica of a fleet canary ({@link CanaryReplica}).
 */
public final class FleetWorker {

    static final String MODEL = "fleet";
    static final String COUNTERS = "counters";

    private FleetWorker() {
    }

    /**
     * Runs a worker.
     *
     * @param args the mode and its arguments
     * @throws Exception on any failure, which ends the process with a non-zero status
     */
    public static void main(String[] args) throws Exception {
        if (args[0].equals("canary")) {
            CanaryReplica.run(args[1], args[2], args[3].equals("failing"));
            return;
        }
        try (PostgresStore store = PostgresStore.open(PostgresLocation.parse(args[1]), Clock.systemUTC(),
                PostgresStoreOptions.defaults().withPoolSize(2))) {
            ModelRegistry registry = ModelRegistries.on(store, store.artifacts(), Clock.systemUTC());
            if (args[0].equals("mixed")) {
                mixed(store, registry, args[2], Integer.parseInt(args[3]));
            } else {
                endless(store, registry, new Random(Long.parseLong(args[2])));
            }
        }
    }

    private static void mixed(Store store, ModelRegistry registry, String worker, int operations) throws Exception {
        System.out.println("ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        int increments = 0;
        int registrations = 0;
        int moves = 0;
        for (int op = 0; op < operations; op++) {
            switch (op % 3) {
                case 0 -> {
                    increment(store);
                    increments++;
                }
                case 1 -> {
                    registry.register(NewModelVersion.of(MODEL).tag("worker", worker).tag("op", Integer.toString(op))
                            .build());
                    registrations++;
                }
                default -> {
                    moveChampion(registry, worker + "-" + op);
                    moves++;
                }
            }
        }
        System.out.println("done " + increments + " " + registrations + " " + moves);
        System.out.flush();
    }

    private static void increment(Store store) {
        while (true) {
            Optional<StoredDocument> current = store.read(COUNTERS, "hits");
            long value = current.map(d -> Long.parseLong(d.json().replaceAll("\\D", ""))).orElse(0L);
            try {
                store.write(COUNTERS, "hits", "{\"value\":" + (value + 1) + "}",
                        current.map(StoredDocument::revision).orElse(Store.MUST_NOT_EXIST));
                return;
            } catch (RevisionConflictException e) {
                // Another JVM incremented first: read again.
            }
        }
    }

    private static void moveChampion(ModelRegistry registry, String why) {
        while (true) {
            int latest = registry.versions(MODEL).size();
            int current = registry.aliases(MODEL).getOrDefault("champion", AliasMoveRequest.UNASSIGNED);
            try {
                registry.moveAlias(AliasMoveRequest.of(MODEL, "champion", Math.max(1, latest)).expectingFrom(current)
                        .withOverride("fleet-test", why));
                return;
            } catch (AliasConflictException e) {
                // Moved by another JVM meanwhile: decide again.
            }
        }
    }

    private static void endless(Store store, ModelRegistry registry, Random random) throws Exception {
        Path scratch = Files.createTempDirectory("fleet-worker");
        try {
            for (long round = 0; ; round++) {
                store.put("runs", "run-" + random.nextInt(8), "{\"round\":" + round + "}");
                byte[] weights = new byte[random.nextInt(3 * PostgresArtifactStore.CHUNK_SIZE)];
                random.nextBytes(weights);
                Path file = Files.write(scratch.resolve("weights.bin"), weights);
                ModelVersion version = registry.register(NewModelVersion.of("rain").file("model.bin", file).build());
                registry.moveAlias(AliasMoveRequest.of("rain", "champion", version.version())
                        .withOverride("kill-test", "round " + round));
                if (round == 0) {
                    System.out.println("ready");
                    System.out.flush();
                }
            }
        } finally {
            try (var files = Files.walk(scratch)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
