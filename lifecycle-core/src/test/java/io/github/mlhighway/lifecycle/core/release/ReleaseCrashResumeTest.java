package io.github.mlhighway.lifecycle.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.release.ReleaseEventType;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A controller that dies after its journal write reached the store but before it published the new plan: the
 * controller reopened on the same store publishes the journaled plan and appends nothing twice.
 */
class ReleaseCrashResumeTest {

    private static final String RELEASE = "rain-v3";
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final SimClock clock = new SimClock(START);
    private final SimulatedTraffic traffic = new SimulatedTraffic(clock, 42, "shadow");

    @TempDir
    Path directory;

    private static ReleaseConfig config() {
        return ReleaseConfig.canary(RELEASE, "rain@2", "rain@3").build();
    }

    private static int candidateShare(ReleaseController release) {
        return ((ReleaseTrafficPlan) release.plan()).candidateWeight();
    }

    /**
     * Stands for the death of the process. An {@link Error}, so that nothing in the controller handles it: the
     * code after the write (state, plan, listeners) does not run, as it would not in a killed process.
     */
    static final class ProcessDeath extends Error {
        ProcessDeath() {
            super("the process died right after the journal write");
        }
    }

    /** A store whose writes reach the delegate, after which the "process" can be made to die. */
    static final class DyingStore implements Store {
        private final Store delegate;
        private final Runnable afterWrite;
        private volatile boolean armed;

        DyingStore(Store delegate, Runnable afterWrite) {
            this.delegate = delegate;
            this.afterWrite = afterWrite;
        }

        void dieAfterNextWrite() {
            armed = true;
        }

        @Override
        public Optional<StoredDocument> read(String collection, String key) {
            return delegate.read(collection, key);
        }

        @Override
        public StoredDocument write(String collection, String key, String json, long expectedRevision) {
            StoredDocument written = delegate.write(collection, key, json, expectedRevision);
            if (armed) {
                afterWrite.run();
            }
            return written;
        }

        @Override
        public List<String> keys(String collection) {
            return delegate.keys(collection);
        }

        @Override
        public boolean delete(String collection, String key) {
            return delegate.delete(collection, key);
        }
    }

    @Test
    void aControllerThatDiedBetweenTheJournalWriteAndThePlanPublishIsResumedWithoutASecondEntry() {
        Store disk = Stores.inMemory(clock);
        DyingStore dying = new DyingStore(disk, () -> {
            throw new ProcessDeath();
        });
        ReleaseController first = ReleaseController.builder(config(), dying, traffic, clock).open();
        traffic.serve(first.plan(), 10_000);
        clock.advance(Duration.ofMinutes(1));
        dying.dieAfterNextWrite();

        assertThatThrownBy(first::tick).isInstanceOf(ProcessDeath.class);

        ReleaseJournal.Document journaled = ReleaseJournal.read(disk, RELEASE).orElseThrow();
        assertThat(journaled.state().stepIndex()).as("journaled").isEqualTo(1);
        assertThat(candidateShare(first)).as("never published by the dead process").isEqualTo(5);

        ReleaseController second = ReleaseController.builder(config(), disk, traffic, clock).open();

        assertThat(second.state()).isEqualTo(journaled.state());
        assertThat(candidateShare(second)).isEqualTo(25);
        assertThat(ReleaseJournal.read(disk, RELEASE).orElseThrow().entries()).isEqualTo(journaled.entries());
        second.tick(); // the same instant: the analysis that was journaled is not run again
        assertThat(ReleaseJournal.read(disk, RELEASE).orElseThrow().entries()).isEqualTo(journaled.entries());
        assertThat(journaled.entries()).extracting(JournalEntry::type).containsExactly(ReleaseEventType.STARTED,
                ReleaseEventType.STEP_ADVANCED, ReleaseEventType.ANALYSIS, ReleaseEventType.STEP_ADVANCED);
    }

    /**
     * The same, with a real {@code kill -9}: a child JVM journals the step change on a directory store, says so,
     * and waits; the test kills it before it can publish, then reopens the release from the directory.
     */
    @Test
    @Timeout(60)
    void aChildProcessKilledAfterTheJournalWriteIsResumedFromTheDirectoryStore() throws Exception {
        Path root = directory.resolve("store");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ChildProcess.class.getName(), root.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals(ChildProcess.WRITTEN));
            assertThat(line).as("the child reached the point after the write").isEqualTo(ChildProcess.WRITTEN);
            child.destroyForcibly(); // SIGKILL on Unix
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        Store disk = Stores.directory(root, clock);
        ReleaseJournal.Document journaled = ReleaseJournal.read(disk, RELEASE).orElseThrow();
        clock.set(START.plus(Duration.ofMinutes(1)));
        ReleaseController reopened = ReleaseController.builder(config(), disk, traffic, clock).open();

        assertThat(journaled.state().stepIndex()).isEqualTo(1);
        assertThat(reopened.state()).isEqualTo(journaled.state());
        assertThat(candidateShare(reopened)).isEqualTo(25);
        reopened.tick();
        assertThat(ReleaseJournal.read(disk, RELEASE).orElseThrow().entries()).isEqualTo(journaled.entries());
    }

    /** The child of the kill test: opens the release, journals one step change, and blocks before publishing. */
    static final class ChildProcess {
        static final String WRITTEN = "journal written";

        public static void main(String[] args) throws InterruptedException {
            SimClock clock = new SimClock(START);
            SimulatedTraffic traffic = new SimulatedTraffic(clock, 42, "shadow");
            DyingStore store = new DyingStore(Stores.directory(Path.of(args[0]), clock), () -> {
                System.out.println(WRITTEN);
                System.out.flush();
                try {
                    Thread.sleep(Long.MAX_VALUE); // killed here, between the write and the publish
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            ReleaseController release = ReleaseController.builder(config(), store, traffic, clock).open();
            traffic.serve(release.plan(), 10_000);
            clock.advance(Duration.ofMinutes(1));
            store.dieAfterNextWrite();
            release.tick();
            System.out.println("published " + candidateShare(release) + "%"); // never reached
        }
    }
}
