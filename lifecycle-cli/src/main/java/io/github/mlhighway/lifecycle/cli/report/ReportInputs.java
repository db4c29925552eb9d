package io.github.mlhighway.lifecycle.cli.report;

import io.github.mlhighway.lifecycle.core.incident.IncidentManager;
import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.core.release.JournalEntry;
import io.github.mlhighway.lifecycle.core.release.ReleaseJournal;
import io.github.mlhighway.lifecycle.core.release.ReleaseState;
import io.github.mlhighway.lifecycle.core.report.ReportData;
import io.github.mlhighway.lifecycle.core.store.ArtifactStore;
import io.github.mlhighway.lifecycle.core.store.DirectoryStore;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.incident.Incident;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Everything the report shows, read from one store: the recorder's series ({@link ReportData}), every release
 * journal (collection {@value ReleaseJournal#COLLECTION}), every incident (collection
 * {@value IncidentManager#DEFAULT_COLLECTION}, read through an {@link IncidentManager}) and the registry's models.
 * A section that cannot be read is left empty and its problem is listed, so one bad document never hides the rest.
 *
 * @param storeLabel how the store is named in the header, e.g. its path
 * @param data       the recorder's series
 * @param releases   one entry per release journal, by release id
 * @param incidents  every incident, oldest first
 * @param models     one entry per registered model, by name
 * @param problems   sentences about what could not be read; empty when everything could
 * @since 0.1
 */
public record ReportInputs(String storeLabel, ReportData data, List<Release> releases, List<Incident> incidents,
                           List<ModelSummary> models, List<String> problems) {

    /** Copies the components. */
    public ReportInputs {
        Objects.requireNonNull(storeLabel, "storeLabel");
        Objects.requireNonNull(data, "data");
        releases = List.copyOf(releases);
        incidents = List.copyOf(incidents);
        models = List.copyOf(models);
        problems = List.copyOf(problems);
    }

    /**
     * One release and its journal.
     *
     * @param releaseId the release
     * @param state     its state after the last entry (the phase is the outcome once terminal)
     * @param entries   its journal entries, oldest first
     */
    public record Release(String releaseId, ReleaseState state, List<JournalEntry> entries) {

        /** Copies the entries. */
        public Release {
            Objects.requireNonNull(releaseId, "releaseId");
            Objects.requireNonNull(state, "state");
            entries = List.copyOf(entries);
        }
    }

    /**
     * One registered model.
     *
     * @param model    the model name
     * @param aliases  alias to version number
     * @param versions its versions, oldest first
     */
    public record ModelSummary(String model, Map<String, Integer> aliases, List<ModelVersion> versions) {

        /** Copies the components. */
        public ModelSummary {
            Objects.requireNonNull(model, "model");
            aliases = Map.copyOf(aliases);
            versions = List.copyOf(versions);
        }
    }

    /**
     * Reads a store directory without creating or changing anything in it. The store is opened read-only
     * ({@link Stores#readOnlyDirectory}), so the directory need not be writable.
     *
     * @param storeDirectory the store directory
     * @param clock          the clock the registry and incident reader are built with (nothing is written)
     * @return the inputs
     * @throws IllegalArgumentException if the directory does not exist or holds no lifecycle store documents
     * @throws StoreException           if the store cannot be opened
     */
    public static ReportInputs load(Path storeDirectory, Clock clock) {
        requireStore(storeDirectory);
        Store store = Stores.readOnlyDirectory(storeDirectory);
        ModelRegistry registry = ModelRegistries.on(store, ArtifactStore.under(storeDirectory), clock);
        return from(store, storeDirectory.toAbsolutePath().normalize().toString(), registry, clock);
    }

    /**
     * Reads any store (e.g. an in-memory one in a test or an embedding application).
     *
     * @param store    the store
     * @param label    how the store is named in the header
     * @param registry the registry on that store, or null to leave the registry section empty
     * @param clock    the clock the incident reader is built with (nothing is written)
     * @return the inputs
     */
    public static ReportInputs from(Store store, String label, ModelRegistry registry, Clock clock) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        List<String> problems = new ArrayList<>();
        ReportData data = ReportData.empty();
        try {
            data = ReportData.read(store);
        } catch (RuntimeException e) {
            problems.add("report series: " + e.getMessage());
        }
        List<Release> releases = new ArrayList<>();
        try {
            for (String id : store.keys(ReleaseJournal.COLLECTION)) {
                try {
                    ReleaseJournal.read(store, id).ifPresent(doc -> releases.add(new Release(id, doc.state(),
                            doc.entries())));
                } catch (RuntimeException e) {
                    problems.add("release journal " + id + ": " + e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            problems.add("release journals: " + e.getMessage());
        }
        List<Incident> incidents = new ArrayList<>();
        try {
            incidents.addAll(IncidentManager.builder(store, clock).build().all());
        } catch (RuntimeException e) {
            problems.add("incidents: " + e.getMessage());
        }
        List<ModelSummary> models = new ArrayList<>();
        if (registry != null) {
            try {
                for (String model : registry.models()) {
                    models.add(new ModelSummary(model, registry.aliases(model), registry.versions(model)));
                }
            } catch (RuntimeException e) {
                problems.add("registry: " + e.getMessage());
            }
        }
        return new ReportInputs(label, data, releases, incidents, models, problems);
    }

    /**
     * Checks that a directory is a lifecycle store: it exists and some collection directory in it holds a
     * document in the store's envelope format.
     *
     * @param directory the directory
     * @throws IllegalArgumentException saying what is wrong
     */
    static void requireStore(Path directory) {
        Objects.requireNonNull(directory, "directory");
        if (!Files.exists(directory)) {
            throw new IllegalArgumentException("store directory " + directory + " does not exist");
        }
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + " is not a directory");
        }
        try (Stream<Path> collections = Files.list(directory)) {
            boolean anyDocument = collections.filter(Files::isDirectory).anyMatch(ReportInputs::holdsDocument);
            if (!anyDocument) {
                throw new IllegalArgumentException(directory + " is not a lifecycle store: no collection in it "
                        + "holds a '" + DirectoryStore.FORMAT + "' document");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    private static boolean holdsDocument(Path collection) {
        try (Stream<Path> files = Files.list(collection)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
                    .limit(20).anyMatch(ReportInputs::isEnvelope);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isEnvelope(Path file) {
        try {
            byte[] head = new byte[512];
            int read;
            try (var in = Files.newInputStream(file)) {
                read = in.readNBytes(head, 0, head.length);
            }
            return new String(head, 0, read, java.nio.charset.StandardCharsets.UTF_8)
                    .contains("\"" + DirectoryStore.FORMAT + "\"");
        } catch (IOException e) {
            return false;
        }
    }
}
