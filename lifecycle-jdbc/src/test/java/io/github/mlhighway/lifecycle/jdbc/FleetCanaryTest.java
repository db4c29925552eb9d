package io.github.mlhighway.lifecycle.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.release.JournalEntry;
import io.github.mlhighway.lifecycle.core.release.ReleaseConfig;
import io.github.mlhighway.lifecycle.core.release.fleet.FleetCohortStats;
import io.github.mlhighway.lifecycle.core.release.ReleaseJournal;
import io.github.mlhighway.lifecycle.core.release.fleet.LeaseState;
import io.github.mlhighway.lifecycle.core.release.fleet.ReleaseLease;
import io.github.mlhighway.lifecycle.release.CohortStats;
import io.github.mlhighway.lifecycle.release.ReleaseEventType;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import io.github.mlhighway.lifecycle.testkit.postgres.PostgresExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Three JVMs serve one canary against a real PostgreSQL ({@link CanaryReplica}): the one holding the lease drives
 * it, every one follows the journaled plan through the store's change notification. Measured and printed (never
 * asserted): the plan propagation time (the leader's journal write to each replica's plan switch) and the takeover
 * time after a {@code kill -9} of the leader.
 */
@ExtendWith(PostgresExtension.class)
class FleetCanaryTest {

    private static final int REPLICAS = 3;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(60);

    private final List<Replica> replicas = new ArrayList<>();
    private String url;

    @AfterEach
    void killTheReplicasAndPrintTheJournal() {
        replicas.forEach(Replica::kill);
        if (url != null) {
            StringBuilder text = new StringBuilder("journal of " + CanaryReplica.RELEASE + ":\n");
            try (PostgresStore store = PostgresStore.open(url, TestClock.create())) {
                ReleaseJournal.read(store, CanaryReplica.RELEASE).ifPresent(doc -> doc.entries().forEach(e -> text
                        .append("  ").append(e.at()).append(' ').append(e.type()).append(' ').append(e.stepIndex())
                        .append(": ").append(e.message()).append('\n')));
                text.append("lease: ").append(ReleaseLease.read(store, CanaryReplica.RELEASE).orElse(null));
            }
            System.out.println(text);
        }
    }

    @Test
    @Timeout(value = 100, unit = TimeUnit.SECONDS)
    void aHealthyCandidateIsPromotedAndEveryReplicaEndsOnTheNewPlanRoutingEveryKeyAlike() throws Exception {
        String url = startFleet("healthy");

        for (Replica replica : replicas) {
            assertThat(replica.await(line -> line.startsWith("done "), RELEASE_TIMEOUT)).startsWith("done PROMOTED");
            assertThat(replica.lastPlan()).startsWith("plan PROMOTED");
        }
        assertEveryReplicaRoutedAlikeAtEveryStep();
        assertThat(steps(url)).containsExactly(0, 1, 2);
        assertThat(types(url)).containsOnlyOnce(ReleaseEventType.STARTED, ReleaseEventType.PROMOTED);
        assertTheFleetsSumsAreTheRequestsSent(url);
        report("healthy canary");
    }

    @Test
    @Timeout(value = 100, unit = TimeUnit.SECONDS)
    void aFailingCandidateIsRolledBackAndEveryReplicaIsBackOnTheBaseline() throws Exception {
        String url = startFleet("failing");

        String baselineDigest = null;
        for (Replica replica : replicas) {
            assertThat(replica.await(line -> line.startsWith("done "), RELEASE_TIMEOUT))
                    .startsWith("done ROLLED_BACK");
            String last = replica.lastPlan();
            assertThat(last).startsWith("plan ROLLED_BACK");
            assertThat(last.split(" ")[3]).as("the candidate's share").isEqualTo("0");
            String digest = last.split(" ")[4];
            assertThat(baselineDigest == null || baselineDigest.equals(digest)).isTrue();
            baselineDigest = digest;
        }
        assertEveryReplicaRoutedAlikeAtEveryStep();
        assertThat(types(url)).containsOnlyOnce(ReleaseEventType.ROLLED_BACK).doesNotContain(
                ReleaseEventType.PROMOTED);
        assertTheFleetsSumsAreTheRequestsSent(url);
        report("failing canary");
    }

    @Test
    @Timeout(value = 100, unit = TimeUnit.SECONDS)
    void theLeaderKilledMidReleaseIsReplacedAndAnotherJvmFinishesTheReleaseFromTheSameStep() throws Exception {
        String url = startFleet("healthy");
        Replica leader = null;
        while (leader == null) {
            for (Replica replica : replicas) {
                if (replica.find(line -> line.startsWith("journal STEP_ADVANCED 1 ")).isPresent()) {
                    leader = replica;
                }
            }
            Thread.sleep(10);
            assertThat(replicas.get(0).elapsed()).as("step 1 reached").isLessThan(RELEASE_TIMEOUT.toMillis());
        }
        long killedAt = System.currentTimeMillis();
        leader.kill(); // SIGKILL: no lease release, no shutdown hook
        List<Replica> survivors = new ArrayList<>(replicas);
        survivors.remove(leader);

        String takeover = null;
        Replica successor = null;
        while (takeover == null) {
            for (Replica replica : survivors) {
                Optional<String> lead = replica.find(line -> line.startsWith("lead true "));
                if (lead.isPresent()) {
                    takeover = lead.get();
                    successor = replica;
                }
            }
            Thread.sleep(10);
            assertThat(System.currentTimeMillis() - killedAt).as("taken over").isLessThan(30_000);
        }
        long takeoverMillis = Long.parseLong(takeover.split(" ")[2]) - killedAt;
        assertThat(takeover).contains("resumed at step 1");
        for (Replica replica : survivors) {
            assertThat(replica.await(line -> line.startsWith("done "), RELEASE_TIMEOUT)).startsWith("done PROMOTED");
        }
        assertThat(steps(url)).as("every step once: the successor continued at step 1").containsExactly(0, 1, 2);
        try (PostgresStore store = PostgresStore.open(url, TestClock.create())) {
            LeaseState lease = ReleaseLease.read(store, CanaryReplica.RELEASE).orElseThrow();
            assertThat(lease.finished()).isTrue();
            assertThat(lease.epoch()).isGreaterThanOrEqualTo(2);
        }
        System.out.printf("fleet canary, kill -9 of the leader %s at step 1: %s took over %d ms after the kill "
                + "(lease ttl %d ms, renewal every %d ms, runtime tick 100 ms)%n", leader.name, successor.name,
                takeoverMillis, CanaryReplica.LEASE_TTL.toMillis(), CanaryReplica.RENEW.toMillis());
        report("canary with the leader killed");
    }

    /** Starts three replicas on a new database, waits until each is ready, then lets them go at once. */
    private String startFleet(String scenario) throws Exception {
        url = PostgresExtension.server().newDatabase();
        PostgresStore.open(url, TestClock.create()).close(); // migrate once, before the race
        for (int i = 0; i < REPLICAS; i++) {
            replicas.add(Replica.start(url, "replica-" + (char) ('a' + i), scenario));
        }
        for (Replica replica : replicas) {
            assertThat(replica.await("ready"::equals, START_TIMEOUT)).isEqualTo("ready");
        }
        for (Replica replica : replicas) {
            replica.go();
        }
        return url;
    }

    /**
     * Once every replica stopped serving and wrote its final count report: the fleet's summed counts are exactly
     * the requests the replicas sent, and the analyses' per-interval sums add up to the release's totals.
     */
    private void assertTheFleetsSumsAreTheRequestsSent(String url) throws InterruptedException {
        long sent = 0;
        for (Replica replica : replicas) {
            sent += Long.parseLong(replica.await(line -> line.startsWith("sent "), RELEASE_TIMEOUT).split(" ")[1]);
            replica.await("closed"::equals, RELEASE_TIMEOUT);
        }
        try (PostgresStore store = PostgresStore.open(url, TestClock.create())) {
            ReleaseConfig config = CanaryReplica.config();
            FleetCohortStats fleet = FleetCohortStats.source(store, CanaryReplica.RELEASE, TestClock.create());
            long counted = fleet.totals(config.baselineCohort()).orElseThrow().requests()
                    + fleet.totals(config.candidateCohort()).orElseThrow().requests();
            assertThat(counted).as("the fleet's summed counts").isEqualTo(sent);

            ReleaseJournal.Document journal = ReleaseJournal.read(store, CanaryReplica.RELEASE).orElseThrow();
            StringBuilder intervals = new StringBuilder();
            long analysed = 0;
            for (JournalEntry entry : journal.entries()) {
                boolean analysis = entry.type() == ReleaseEventType.ANALYSIS && entry.verdict() != null
                        && !entry.verdict().gate().startsWith("ab-test");
                boolean page = entry.type() == ReleaseEventType.ROLLED_BACK && entry.message().startsWith("page");
                if (analysis || page) {
                    long requests = entry.stats().stream().mapToLong(CohortStats::requests).sum();
                    analysed += requests;
                    intervals.append(String.format("  %s (%s, then at step %d): %s%n", entry.type(),
                            entry.verdict() == null ? "page" : entry.verdict().outcome(), entry.stepIndex(),
                            entry.stats().stream().map(e -> e.cohort() + " " + e.requests() + " requests, "
                                    + e.errors() + " errors in " + e.window().toMillis() + " ms").toList()));
                }
            }
            long journaled = journal.state().baselineTotals().requests() + journal.state().candidateTotals().requests();
            assertThat(analysed).as("the per-interval sums add up to the release's totals").isEqualTo(journaled);
            assertThat(journaled).as("analysed until the release ended, at most what was sent").isLessThanOrEqualTo(
                    sent);
            System.out.printf("fleet counts: %d requests sent by %d replicas = %d in the fleet's summed counts; %d "
                    + "analysed in %s interval(s) until the release ended:%n%s", sent, REPLICAS, counted, journaled,
                    intervals.toString().lines().count(), intervals);
        }
    }

    /** At every plan a replica switched to (phase, step, share), every replica that switched to it agrees. */
    private void assertEveryReplicaRoutedAlikeAtEveryStep() {
        Map<String, Set<String>> digests = new HashMap<>();
        for (Replica replica : replicas) {
            for (String line : replica.lines("plan ")) {
                String[] f = line.split(" ");
                digests.computeIfAbsent(f[1] + " " + f[2] + " " + f[3], k -> new HashSet<>()).add(f[4]);
            }
        }
        assertThat(digests).isNotEmpty();
        digests.forEach((plan, seen) -> assertThat(seen).as("key assignments at %s", plan).hasSize(1));
    }

    /** Prints each replica's plan switches with their lag behind the journal write. */
    private void report(String what) {
        List<Long> lags = new ArrayList<>();
        StringBuilder lines = new StringBuilder();
        for (Replica replica : replicas) {
            for (String line : replica.lines("plan ")) {
                String[] f = line.split(" ");
                long lag = Long.parseLong(f[6]) - Long.parseLong(f[5]);
                lags.add(lag);
                lines.append(String.format("  %s: %s %s (%s%%) %d ms after the journal write%n", replica.name, f[1],
                        f[2], f[3], lag));
            }
            replica.find(line -> line.startsWith("lead true ")).ifPresent(l -> lines.append("  ").append(replica.name)
                    .append(" led: ").append(l.substring(l.indexOf(' ', 10) + 1)).append('\n'));
        }
        lags.sort(Long::compare);
        System.out.printf("%s, %d JVMs on PostgreSQL: plan propagation (journal write -> plan switch) over %d "
                + "switches: median %d ms, max %d ms%n%s", what, REPLICAS, lags.size(),
                lags.isEmpty() ? -1 : lags.get(lags.size() / 2), lags.isEmpty() ? -1 : lags.get(lags.size() - 1),
                lines);
    }

    private static List<Integer> steps(String url) {
        List<Integer> steps = new ArrayList<>();
        for (JournalEntry entry : journal(url)) {
            if (entry.type() == ReleaseEventType.STEP_ADVANCED) {
                steps.add(entry.stepIndex());
            }
        }
        return steps;
    }

    private static List<ReleaseEventType> types(String url) {
        return journal(url).stream().map(JournalEntry::type).toList();
    }

    private static List<JournalEntry> journal(String url) {
        try (PostgresStore store = PostgresStore.open(url, TestClock.create())) {
            return ReleaseJournal.read(store, CanaryReplica.RELEASE).orElseThrow().entries();
        }
    }

    /** One replica JVM and the lines it printed. */
    private static final class Replica {
        final String name;
        final Process process;
        final List<String> output = new CopyOnWriteArrayList<>();
        final long startedAt = System.currentTimeMillis();

        private Replica(String name, Process process) {
            this.name = name;
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        output.add(line);
                    }
                } catch (IOException e) {
                    output.add("reader failed: " + e);
                }
            }, "replica-output-" + name);
            reader.setDaemon(true);
            reader.start();
        }

        static Replica start(String url, String name, String scenario) throws IOException {
            return new Replica(name, ChildJvms.start("canary", url, name, scenario));
        }

        void go() throws IOException {
            OutputStream in = process.getOutputStream();
            in.write('\n');
            in.flush();
        }

        long elapsed() {
            return System.currentTimeMillis() - startedAt;
        }

        Optional<String> find(Predicate<String> wanted) {
            return output.stream().filter(wanted).findFirst();
        }

        List<String> lines(String prefix) {
            return output.stream().filter(line -> line.startsWith(prefix)).toList();
        }

        String lastPlan() {
            List<String> plans = lines("plan ");
            assertThat(plans).as("%s's plan switches", name).isNotEmpty();
            return plans.get(plans.size() - 1);
        }

        String await(Predicate<String> wanted, Duration timeout) throws InterruptedException {
            long deadline = System.currentTimeMillis() + timeout.toMillis();
            while (System.currentTimeMillis() < deadline) {
                Optional<String> found = find(wanted);
                if (found.isPresent()) {
                    return found.get();
                }
                if (!process.isAlive() && sleepThen(() -> find(wanted).isEmpty())) {
                    throw new AssertionError(name + " exited with " + process.exitValue() + " before printing the "
                            + "awaited line; it printed " + output);
                }
                Thread.sleep(20);
            }
            throw new AssertionError(name + " did not print the awaited line within " + timeout + "; it printed "
                    + output);
        }

        private static boolean sleepThen(java.util.function.BooleanSupplier check) throws InterruptedException {
            Thread.sleep(300); // the reader may still be draining the pipe
            return check.getAsBoolean();
        }

        void kill() {
            process.destroyForcibly();
            try {
                process.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
