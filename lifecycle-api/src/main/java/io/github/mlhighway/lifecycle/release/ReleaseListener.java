package io.github.mlhighway.lifecycle.release;

/**
 * Hears what happens to a release (step advanced, paused, promoted, rolled back ...). Called on the thread that
 * drives the release, after the change is journaled and the traffic plan published; an exception thrown by a
 * listener is logged and does not undo anything.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ReleaseListener {

    /**
     * Receives one event.
     *
     * @param event the event
     */
    void onEvent(ReleaseEvent event);
}
