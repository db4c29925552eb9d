package io.github.mlhighway.lifecycle.core.pipeline;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.lineage.CodeVersion;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.pipeline.PipelineEvent;
import io.github.mlhighway.lifecycle.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A fake clock, a sleeper that advances it, an in-memory store and an event log, for pipeline tests. */
final class PipelineFixture {

    final SimClock clock = SimClock.atDefault();
    final Store store = Stores.inMemory(clock);
    final List<Duration> sleeps = new ArrayList<>();
    final List<PipelineEvent> events = new ArrayList<>();

    PipelineRunner runner() {
        return runner(store);
    }

    PipelineRunner runner(Store on) {
        return PipelineRunner.builder(on).clock(clock).random(new Random(42))
                .sleeper(duration -> {
                    sleeps.add(duration);
                    clock.advance(duration);
                })
                .listener(events::add)
                .codeVersion(new CodeVersion("0123456789abcdef0123456789abcdef01234567", CodeVersion.GIT))
                .environment(Map.of("java.version", "17"))
                .build();
    }

    List<String> eventNames() {
        return events.stream().map(event -> event.getClass().getSimpleName()).toList();
    }
}
