package io.github.mlhighway.lifecycle.samples.weather;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.store.Store;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollectionSnapshotTest {

    private final Store store = Stores.inMemory(Clock.systemUTC());

    @Test
    void theFirstStartTakesTheSnapshotAndARestartPutsTheCollectionsBackAsTheyWere() {
        store.put("incidents", "INC-1", "{\"status\":\"OPEN\"}");
        store.put("other", "kept", "{}");

        assertThat(CollectionSnapshot.restoreOrTake(store, "serve", List.of("incidents"))).isFalse();
        store.put("incidents", "INC-1", "{\"status\":\"CLOSED\"}");      // the crashed attempt changed one,
        store.put("incidents", "INC-2", "{\"status\":\"OPEN\"}");        // added one,
        store.put("other", "kept", "{\"changed\":true}");                // and touched a collection not covered

        assertThat(CollectionSnapshot.restoreOrTake(store, "serve", List.of("incidents"))).isTrue();

        assertThat(store.keys("incidents")).containsExactly("INC-1");
        assertThat(store.read("incidents", "INC-1").orElseThrow().json()).isEqualTo("{\"status\":\"OPEN\"}");
        assertThat(store.read("other", "kept").orElseThrow().json()).isEqualTo("{\"changed\":true}");
    }

    @Test
    void eachStageHasItsOwnSnapshot() {
        CollectionSnapshot.restoreOrTake(store, "serve-seattle", List.of("incidents"));
        store.put("incidents", "INC-1", "{}");

        assertThat(CollectionSnapshot.restoreOrTake(store, "serve-new-york", List.of("incidents"))).isFalse();
        assertThat(store.keys("incidents")).containsExactly("INC-1");
    }
}
