package io.github.mlhighway.lifecycle.spring.actuate;

import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.slo.AlertState;
import io.github.mlhighway.lifecycle.slo.Severity;
import io.github.mlhighway.lifecycle.spring.autoconfigure.LifecycleProperties.PageAlertHealth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The {@code lifecycle} health contributor: whether any SLO of the runtime has a page alert firing. With
 * {@link PageAlertHealth#REPORT} (the default) the status stays UP and the firing alerts are listed in the details,
 * so a burning budget does not make an orchestrator restart healthy instances; with {@link PageAlertHealth#DOWN}
 * the status is DOWN while a page fires. Details: {@code pageAlerts} and {@code ticketAlerts} ({@code slo/tier}),
 * {@code openIncidents}, {@code pageAlertsMake}.
 *
 * @since 0.1
 */
public class LifecycleHealthIndicator implements HealthIndicator {

    private final Lifecycle lifecycle;
    private final PageAlertHealth mode;

    /**
     * The indicator.
     *
     * @param lifecycle the runtime
     * @param mode      what a firing page alert does to the status
     */
    public LifecycleHealthIndicator(Lifecycle lifecycle, PageAlertHealth mode) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    @Override
    public Health health() {
        List<String> pages = new ArrayList<>();
        List<String> tickets = new ArrayList<>();
        for (SloTracker tracker : lifecycle.slos().trackers()) {
            for (AlertState alert : tracker.alerts()) {
                if (alert.isAlerting()) {
                    String name = tracker.slo().name() + "/" + alert.tier().id();
                    (alert.severity() == Severity.PAGE ? pages : tickets).add(name);
                }
            }
        }
        Health.Builder health = pages.isEmpty() || mode == PageAlertHealth.REPORT ? Health.up() : Health.down();
        return health.withDetail("pageAlerts", pages)
                .withDetail("ticketAlerts", tickets)
                .withDetail("openIncidents", lifecycle.incidents().openIncidents().size())
                .withDetail("pageAlertsMake", mode == PageAlertHealth.DOWN ? "DOWN" : "UP (reported only)")
                .build();
    }
}
