package io.github.mlhighway.lifecycle.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.core.store.DirectoryStore;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@LifecycleTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleExtensionTest {

    private static Path firstTestsStoreRoot;
    private static TestClock firstTestsClock;
    private static SloRegistry firstTestsRegistry;

    private TestClock clockFromBeforeEach;

    @BeforeEach
    void rememberTheClock(TestClock clock) {
        clockFromBeforeEach = clock;
    }

    @Test
    @Order(1)
    void aTestGetsAClockAtTheDefaultStartAndAStoreInATemporaryDirectory(TestClock clock, DirectoryStore store) {
        assertThat(clock.instant()).isEqualTo(TestClock.DEFAULT_START);
        assertThat(store.root()).isDirectory();
        store.put("notes", "first", "{\"n\":1}");
        assertThat(store.read("notes", "first").orElseThrow().writtenAt()).isEqualTo(TestClock.DEFAULT_START);
        clock.advance(Duration.ofDays(3));
        firstTestsStoreRoot = store.root();
        firstTestsClock = clock;
    }

    @Test
    @Order(2)
    void theNextTestGetsAFreshClockAndStoreAndThePreviousDirectoryIsGone(TestClock clock, Store store) {
        assertThat(firstTestsStoreRoot).doesNotExist();
        assertThat(clock).isNotSameAs(firstTestsClock);
        assertThat(clock.instant()).isEqualTo(TestClock.DEFAULT_START);
        assertThat(store.read("notes", "first")).isEmpty();
    }

    @Test
    @Order(3)
    void theSameTypeIsTheSameObjectWithinATestAndItsBeforeEach(TestClock clock, TestClock again, Store store,
            DirectoryStore directoryStore) {
        assertThat(clock).isSameAs(again).isSameAs(clockFromBeforeEach);
        assertThat(store).isSameAs(directoryStore);
    }

    @Test
    @Order(4)
    void theSloRegistryReadsTheTestClockAndIsDrivenByIt(TestClock clock, SloRegistry slos) {
        assertThat(slos.clock()).isSameAs(clock);
        SloTracker api = slos.register(Slo.ratio("api").objective(0.99).rollingWindow(Duration.ofHours(1))
                .build());

        api.record(false);
        clock.advance(Duration.ofMinutes(50));
        api.record(true);
        clock.advance(Duration.ofMinutes(20)); // the bad event has left the hour window

        assertThat(api.budget().eligible()).isEqualTo(1);
        assertThat(api.budget().bad()).isZero();
        firstTestsRegistry = slos;
    }

    @Test
    @Order(5)
    void eachTestGetsItsOwnSloRegistry(SloRegistry slos) {
        assertThat(slos).isNotSameAs(firstTestsRegistry);
        assertThat(slos.trackers()).isEmpty();
    }

    @Test
    @Order(6)
    void theModelRegistryKeepsItsVersionsInTheTemporaryStore(ModelRegistry registry, DirectoryStore store,
            TestClock clock) {
        clock.advance(Duration.ofHours(1));
        ModelVersion version = registry.register(NewModelVersion.of("churn").metric("auc", 0.91).build());

        assertThat(version.version()).isEqualTo(1);
        assertThat(version.createdAt()).isEqualTo(Instant.parse("2026-01-01T01:00:00Z"));
        assertThat(registry.models()).containsExactly("churn");
        assertThat(store.collections()).isNotEmpty();
        firstTestsStoreRoot = store.root();
    }

    @Test
    @Order(7)
    void cleaningUpClosesTheRegistryDeletesTheDirectoryAndIsIdempotent() {
        LifecycleExtension.Resources resources = new LifecycleExtension.Resources();
        DirectoryStore store = resources.store();
        store.put("notes", "n", "{}");
        Path root = store.root();

        resources.close();
        resources.close();

        assertThat(root).doesNotExist();
        assertThatThrownBy(resources::clock).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already cleaned up");
    }

    @AfterAll
    static void everyStoreDirectoryWasDeleted() {
        assertThat(firstTestsStoreRoot).doesNotExist();
    }
}
