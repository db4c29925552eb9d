package io.github.mlhighway.lifecycle.core.pipeline;

import io.github.mlhighway.lifecycle.pipeline.PipelineEvent;
import io.github.mlhighway.lifecycle.pipeline.PipelineListener;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers events to listeners; builds an event only when someone listens; a throwing listener is logged. */
final class Events {

    private static final Logger LOG = LoggerFactory.getLogger(Events.class);

    private final List<PipelineListener> listeners;

    Events(List<PipelineListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    void emit(Supplier<? extends PipelineEvent> event) {
        if (listeners.isEmpty()) {
            return;
        }
        PipelineEvent built = event.get();
        for (PipelineListener listener : listeners) {
            try {
                listener.onEvent(built);
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("Pipeline listener {} failed on {}; the run goes on", listener, built, e);
            }
        }
    }
}
