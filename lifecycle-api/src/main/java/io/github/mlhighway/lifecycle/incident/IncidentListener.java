package io.github.mlhighway.lifecycle.incident;

/**
 * Told about every event appended to an incident, after it was stored (including {@code OPENED} and
 * {@code CLOSED}). Called on the thread that reported the event; keep it short and do not throw (exceptions are
 * logged and ignored).
 *
 * @since 0.1
 */
@FunctionalInterface
public interface IncidentListener {

    /**
     * An event was appended.
     *
     * @param incident the incident after the event
     * @param event    the event
     */
    void onEvent(Incident incident, IncidentEvent event);
}
