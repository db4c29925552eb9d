package io.github.mlhighway.lifecycle.spring.autoconfigure;

import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.core.store.ArtifactStore;
import io.github.mlhighway.lifecycle.core.store.DirectoryStore;
import io.github.mlhighway.lifecycle.core.store.StoreWithArtifacts;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.jspecify.annotations.Nullable;

/** Builds the runtime from {@link LifecycleProperties}, naming the property whenever a value is refused. */
final class LifecycleFactory {

    private final LifecycleProperties properties;
    private final ResourcePatternResolver resources;

    LifecycleFactory(LifecycleProperties properties, ResourcePatternResolver resources) {
        this.properties = properties;
        this.resources = resources;
    }

    /**
     * Builds (does not start) the runtime: store, intervals, customizers, then the SLOs of the OpenSLO files
     * (restoring their saved state) and the policy preset over them.
     */
    Lifecycle build(Clock clock, List<LifecycleBuilderCustomizer> customizers) {
        List<Slo> slos = SloResources.load(properties.getSlos(), resources);
        Lifecycle.Builder builder = Lifecycle.builder().clock(clock);
        Store store = StoreLocations.open(properties.getStore().getLocation(), clock);
        builder.store(store);
        String artifacts = properties.getStore().getArtifacts();
        if (artifacts != null && !artifacts.isBlank()) {
            set("lifecycle.store.artifacts", artifacts, b -> b.artifacts(ArtifactStore.under(
                    StoreLocations.directory(artifacts))), builder);
        } else if (!(store instanceof DirectoryStore) && !(store instanceof StoreWithArtifacts)) {
            builder.artifacts(ArtifactStore.under(temporaryArtifacts(store)));   // a store that holds no artifacts
        }
        set("lifecycle.tick-interval", properties.getTickInterval(), b -> b.tickInterval(
                properties.getTickInterval()), builder);
        set("lifecycle.incident-interval", properties.getIncidentInterval(), b -> b.incidentInterval(
                properties.getIncidentInterval()), builder);
        Duration report = properties.getReportInterval();
        if (report != null && report.isZero()) {
            builder.noAutomaticReport();
        } else {
            set("lifecycle.report-interval", report, b -> b.reportInterval(report), builder);
        }
        builder.incidentsFromAlerts(properties.isIncidentsFromAlerts());
        customizers.forEach(customizer -> customizer.customize(builder));
        Lifecycle lifecycle = builder.build();
        try {
            List<SloTracker> trackers = register(lifecycle, slos);
            properties.getPolicy().getPreset().install(lifecycle, watched(lifecycle, trackers));
            return lifecycle;
        } catch (RuntimeException e) {
            lifecycle.close();
            throw e;
        }
    }

    /**
     * A temporary artifact directory for the in-memory store; any other store that holds no artifacts of its own
     * (neither a directory nor a {@link StoreWithArtifacts} such as PostgreSQL) needs the property.
     */
    private Path temporaryArtifacts(Store store) {
        if (!StoreLocations.MEMORY.equals(properties.getStore().getLocation())) {
            throw new LifecycleConfigurationException("lifecycle.store.artifacts", null, "required when "
                    + StoreLocations.PROPERTY + " is not a directory (it is " + store.getClass().getSimpleName()
                    + "): give the directory model artifacts go to", null);
        }
        try {
            Path directory = Files.createTempDirectory("lifecycle-artifacts-");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary artifact directory for the in-memory store", e);
        }
    }

    private List<SloTracker> register(Lifecycle lifecycle, List<Slo> slos) {
        List<SloTracker> trackers = new ArrayList<>();
        for (Slo slo : slos) {
            try {
                trackers.add(lifecycle.slo(slo));
            } catch (IllegalArgumentException e) {
                throw new LifecycleConfigurationException(SloResources.PROPERTY, String.join(",",
                        properties.getSlos()), "SLO '" + slo.name() + "': " + e.getMessage(), e);
            }
        }
        return trackers;
    }

    private List<SloTracker> watched(Lifecycle lifecycle, List<SloTracker> configured) {
        List<String> names = properties.getPolicy().getSlos();
        if (names == null || names.isEmpty()) {
            return configured;
        }
        List<SloTracker> watched = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            int index = i;
            watched.add(lifecycle.slos().find(name).orElseThrow(() -> new LifecycleConfigurationException(
                    "lifecycle.policy.slos[" + index + "]", name, "no SLO of that name is defined by "
                    + SloResources.PROPERTY + " (defined: " + configured.stream().map(t -> t.slo().name()).toList()
                    + ")", null)));
        }
        return watched;
    }

    private static void set(String property, @Nullable Object value, Consumer<Lifecycle.Builder> apply,
                            Lifecycle.Builder builder) {
        try {
            apply.accept(builder);
        } catch (RuntimeException e) {
            if (e instanceof LifecycleConfigurationException configuration) {
                throw configuration;
            }
            // a message-less exception must not turn into a NullPointerException here
            throw new LifecycleConfigurationException(property, value,
                    Objects.requireNonNullElse(e.getMessage(), e.getClass().getName()), e);
        }
    }
}
