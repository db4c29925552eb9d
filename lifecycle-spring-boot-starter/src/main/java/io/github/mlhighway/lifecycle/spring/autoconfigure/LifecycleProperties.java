package io.github.mlhighway.lifecycle.spring.autoconfigure;

import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.jspecify.annotations.Nullable;

/**
 * The {@code lifecycle.*} properties the starter builds the {@link Lifecycle} runtime from. Every property has a
 * default, so an application that adds the starter and nothing else gets a runtime on a {@code lifecycle-data}
 * directory, ticking every second, without SLOs.
 *
 * <pre>{@code
 * lifecycle:
 *   store:
 *     location: /var/lib/forecast/lifecycle   # a directory (created if absent)
 *   slos: classpath:slo/*.yaml                # OpenSLO files, Spring resource patterns
 *   tick-interval: 1s
 *   policy:
 *     preset: sre-workbook                    # or none
 *   health:
 *     page-alerts: report                     # or down
 * }</pre>
 *
 * @since 0.1
 */
@ConfigurationProperties(prefix = "lifecycle")
public class LifecycleProperties {

    /** The default store location: a directory relative to the working directory. */
    public static final String DEFAULT_STORE_LOCATION = "lifecycle-data";

    /** Whether the starter configures a Lifecycle runtime at all. */
    private boolean enabled = true;

    /** Where the runtime keeps its state. */
    private final Store store = new Store();

    /**
     * OpenSLO files whose SLOs the runtime tracks, as Spring resource locations or patterns (e.g.
     * {@code classpath:slo/*.yaml}, {@code file:/etc/forecast/slo/*.yaml}). A pattern that matches nothing is an
     * error.
     */
    private List<String> slos = new ArrayList<>();

    /** How often the runtime ticks SLOs, models, releases and incidents. */
    private Duration tickInterval = Lifecycle.DEFAULT_TICK_INTERVAL;

    /** How often SLO alerts are handed to the incident manager. */
    private Duration incidentInterval = Lifecycle.DEFAULT_INCIDENT_INTERVAL;

    /** How often every SLO's budget is recorded for the report series; 0 records nothing by itself. */
    private Duration reportInterval = Lifecycle.DEFAULT_REPORT_INTERVAL;

    /** Whether page alerts of the runtime's SLOs open incidents. */
    private boolean incidentsFromAlerts = true;

    /** The error-budget policy every release asks before a promotion. */
    private final Policy policy = new Policy();

    /** Micrometer binding of the runtime's SLO meters. */
    private final Metrics metrics = new Metrics();

    /** The health indicator. */
    private final Health health = new Health();

    /** Request SLIs recorded from Spring's HTTP server observations. */
    private final Requests requests = new Requests();

    /** @return whether the starter configures a runtime */
    public boolean isEnabled() {
        return enabled;
    }

    /** @param enabled whether the starter configures a runtime */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** @return the store settings */
    public Store getStore() {
        return store;
    }

    /** @return the OpenSLO resource locations */
    public List<String> getSlos() {
        return slos;
    }

    /** @param slos the OpenSLO resource locations */
    public void setSlos(List<String> slos) {
        this.slos = slos;
    }

    /** @return the tick interval */
    public Duration getTickInterval() {
        return tickInterval;
    }

    /** @param tickInterval the tick interval */
    public void setTickInterval(Duration tickInterval) {
        this.tickInterval = tickInterval;
    }

    /** @return the incident interval */
    public Duration getIncidentInterval() {
        return incidentInterval;
    }

    /** @param incidentInterval the incident interval */
    public void setIncidentInterval(Duration incidentInterval) {
        this.incidentInterval = incidentInterval;
    }

    /** @return the report interval, zero for none */
    public Duration getReportInterval() {
        return reportInterval;
    }

    /** @param reportInterval the report interval, zero for none */
    public void setReportInterval(Duration reportInterval) {
        this.reportInterval = reportInterval;
    }

    /** @return whether page alerts open incidents */
    public boolean isIncidentsFromAlerts() {
        return incidentsFromAlerts;
    }

    /** @param incidentsFromAlerts whether page alerts open incidents */
    public void setIncidentsFromAlerts(boolean incidentsFromAlerts) {
        this.incidentsFromAlerts = incidentsFromAlerts;
    }

    /** @return the policy settings */
    public Policy getPolicy() {
        return policy;
    }

    /** @return the metrics settings */
    public Metrics getMetrics() {
        return metrics;
    }

    /** @return the health settings */
    public Health getHealth() {
        return health;
    }

    /** @return the request SLI settings */
    public Requests getRequests() {
        return requests;
    }

    /** Where the runtime keeps runs, registry, SLO state, release journals and incidents. */
    public static class Store {

        /**
         * The store: a directory (absolute, or relative to the working directory; {@code file:} URLs too), created
         * if absent. {@code memory:} keeps everything in memory (lost on shutdown).
         */
        private String location = DEFAULT_STORE_LOCATION;

        /**
         * Where model artifacts go when the store is not a directory (default: the directory store's own artifact
         * area; for {@code memory:} a temporary directory).
         */
        private @Nullable String artifacts;

        /** @return the store location */
        public String getLocation() {
            return location;
        }

        /** @param location the store location */
        public void setLocation(String location) {
            this.location = location;
        }

        /** @return the artifact directory, or null for the default */
        public @Nullable String getArtifacts() {
            return artifacts;
        }

        /** @param artifacts the artifact directory, or null for the default */
        public void setArtifacts(@Nullable String artifacts) {
            this.artifacts = artifacts;
        }
    }

    /** The error-budget policy installed on the runtime. */
    public static class Policy {

        /** Which policy to install over the watched SLOs. */
        private PolicyPreset preset = PolicyPreset.SRE_WORKBOOK;

        /** The SLOs (by name) whose budgets decide; default every SLO read from {@code lifecycle.slos}. */
        private List<String> slos = new ArrayList<>();

        /** @return the preset */
        public PolicyPreset getPreset() {
            return preset;
        }

        /** @param preset the preset */
        public void setPreset(PolicyPreset preset) {
            this.preset = preset;
        }

        /** @return the watched SLO names, empty for all configured SLOs */
        public List<String> getSlos() {
            return slos;
        }

        /** @param slos the watched SLO names */
        public void setSlos(List<String> slos) {
            this.slos = slos;
        }
    }

    /** Micrometer binding. */
    public static class Metrics {

        /** Whether the runtime's SLO meters are bound to the application's MeterRegistry (when there is one). */
        private boolean enabled = true;

        /** @return whether meters are bound */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether meters are bound */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** The {@code lifecycle} health indicator. */
    public static class Health {

        /** What a firing page alert does to the health status. */
        private PageAlertHealth pageAlerts = PageAlertHealth.REPORT;

        /** @return what a firing page alert does */
        public PageAlertHealth getPageAlerts() {
            return pageAlerts;
        }

        /** @param pageAlerts what a firing page alert does */
        public void setPageAlerts(PageAlertHealth pageAlerts) {
            this.pageAlerts = pageAlerts;
        }
    }

    /** What a firing page alert does to the {@code lifecycle} health status. */
    public enum PageAlertHealth {
        /** Status stays UP; the firing pages are listed in the details. */
        REPORT,
        /** Status is DOWN while any page alert fires. */
        DOWN
    }

    /** Request SLIs from Spring's HTTP server observations, without code. */
    public static class Requests {

        /** The endpoints whose requests are recorded, each into SLOs of the runtime. */
        private List<RequestEndpoint> endpoints = new ArrayList<>();

        /** @return the endpoints */
        public List<RequestEndpoint> getEndpoints() {
            return endpoints;
        }

        /** @param endpoints the endpoints */
        public void setEndpoints(List<RequestEndpoint> endpoints) {
            this.endpoints = endpoints;
        }
    }

    /** One endpoint whose requests are recorded into SLOs. */
    public static class RequestEndpoint {

        /** The request mapping's path pattern, as Spring's {@code http.server.requests} uri tag shows it. */
        private @Nullable String path;

        /** The HTTP method (e.g. GET); empty for every method. */
        private @Nullable String method;

        /** A ratio SLO (by name) that counts a request good unless it failed with an exception or a 5xx status. */
        private @Nullable String availabilitySlo;

        /** A threshold SLO (by name) that is given each request's latency in milliseconds. */
        private @Nullable String latencySlo;

        /** @return the path pattern, or null when not configured (start-up then fails naming the property) */
        public @Nullable String getPath() {
            return path;
        }

        /** @param path the path pattern */
        public void setPath(@Nullable String path) {
            this.path = path;
        }

        /** @return the method, or null for every method */
        public @Nullable String getMethod() {
            return method;
        }

        /** @param method the method */
        public void setMethod(@Nullable String method) {
            this.method = method;
        }

        /** @return the availability SLO name, or null */
        public @Nullable String getAvailabilitySlo() {
            return availabilitySlo;
        }

        /** @param availabilitySlo the availability SLO name */
        public void setAvailabilitySlo(@Nullable String availabilitySlo) {
            this.availabilitySlo = availabilitySlo;
        }

        /** @return the latency SLO name, or null */
        public @Nullable String getLatencySlo() {
            return latencySlo;
        }

        /** @param latencySlo the latency SLO name */
        public void setLatencySlo(@Nullable String latencySlo) {
            this.latencySlo = latencySlo;
        }
    }
}
