package io.github.mlhighway.lifecycle.core.serving;

/**
 * Receives the drift of every closed serving window (on the thread that ticks the guarded model).
 *
 * @since 0.1
 */
@FunctionalInterface
public interface DriftListener {

    /**
     * Called once per closed window that profiled at least the minimum number of rows.
     *
     * @param event the window's drift
     */
    void onWindow(DriftEvent event);
}
