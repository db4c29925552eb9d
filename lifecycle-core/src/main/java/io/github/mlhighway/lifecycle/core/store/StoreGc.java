package io.github.mlhighway.lifecycle.core.store;

import io.github.mlhighway.lifecycle.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Removes what crashes leave in a {@link DirectoryStore} directory: temporary dot-files ({@code .*.tmp}) of
 * interrupted writes and orphan artifacts, which no document's {@code artifacts} array names (a writer killed after
 * storing a version's files and before writing the version). Safe while writers run:
 * <ul>
 *   <li>Only left-overs at least {@code minimumAge} old are removed, by their modification time against the injected
 *   clock ({@link #DEFAULT_MINIMUM_AGE}, one hour, by default). A live temporary file is being written, so its time
 *   is recent; an artifact's time is when it was last stored, since {@link ArtifactStore#put} renames even over an
 *   identical file. So a registration whose files were stored less than {@code minimumAge} ago and whose version
 *   document is not written yet keeps them. <b>The threshold must be longer than any registration takes</b> from its
 *   first file to its version document; with {@code 0} use gc only when no writer runs.</li>
 *   <li>Documents are read after the artifacts are listed, so a version written before the listing protects its
 *   files; each file's age is checked again right before it is deleted.</li>
 *   <li>No artifact is removed while some document cannot be read (corrupt, a link, a FIFO) or the artifact area is
 *   not a plain directory: that document's references are unknown. Fix what {@code store check} reports first.</li>
 *   <li>Nothing is followed: a link is deleted as a link.</li>
 * </ul>
 * Documents are never removed.
 *
 * @since 0.1
 */
public final class StoreGc {

    /** How old a left-over must be before gc removes it, unless told otherwise. */
    public static final Duration DEFAULT_MINIMUM_AGE = Duration.ofHours(1);

    private StoreGc() {
    }

    /**
     * What one gc run did.
     *
     * @param root               the store directory
     * @param removedTemporary   the temporary files removed
     * @param removedOrphans     the orphan artifacts removed
     * @param keptOrphansBecause empty, or why no orphan artifact was removed (documents that cannot be read)
     */
    public record Result(Path root, List<Path> removedTemporary, List<Path> removedOrphans,
                         Optional<String> keptOrphansBecause) {

        /** Copies the lists. */
        public Result {
            removedTemporary = List.copyOf(removedTemporary);
            removedOrphans = List.copyOf(removedOrphans);
        }

        /**
         * A one-line summary.
         *
         * @return e.g. {@code removed 2 temporary files and 1 orphan artifact from /data}
         */
        public String summary() {
            return "removed " + removedTemporary.size() + " temporary file" + (removedTemporary.size() == 1 ? "" : "s")
                    + " and " + removedOrphans.size() + " orphan artifact" + (removedOrphans.size() == 1 ? "" : "s")
                    + " from " + root + keptOrphansBecause.map(why -> "; kept every orphan artifact: " + why)
                    .orElse("");
        }
    }

    /**
     * Removes the stale left-overs of a store.
     *
     * @param root       the store directory
     * @param clock      the time ages are measured at
     * @param minimumAge how old a left-over must be to be removed
     * @return what was removed
     * @throws IllegalArgumentException if the directory does not exist or the age is negative
     * @throws StoreException           if a directory cannot be listed or a file cannot be deleted
     */
    public static Result run(Path root, Clock clock, Duration minimumAge) {
        StoreCheck check = StoreCheck.scan(root, clock, minimumAge);
        List<Path> temporary = new ArrayList<>();
        for (Path file : check.staleTemporaryFiles()) {
            if (deleteIfStillStale(file, check.now(), minimumAge)) {
                temporary.add(file);
            }
        }
        List<Path> orphans = new ArrayList<>();
        Optional<String> kept = Optional.empty();
        if (check.unreadableDocuments()) {
            kept = Optional.of("some documents or directories of the store cannot be read, so what they reference is"
                    + " unknown; run `lifecycle store check` and fix its problems first");
        } else {
            for (Path file : check.staleOrphans()) {
                if (deleteIfStillStale(file, check.now(), minimumAge)) {
                    orphans.add(file);
                }
            }
        }
        return new Result(check.root(), temporary, orphans, kept);
    }

    private static boolean deleteIfStillStale(Path file, Instant now, Duration minimumAge) {
        try {
            Optional<BasicFileAttributes> attributes = SafeFiles.attributes(file);
            if (attributes.isEmpty() || attributes.get().isDirectory()) {
                return false;
            }
            Duration age = Duration.between(attributes.get().lastModifiedTime().toInstant(), now);
            if (age.compareTo(minimumAge) < 0) {
                return false;   // written again since the scan
            }
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StoreException("Cannot remove " + file + ": " + e.getMessage(), e);
        }
    }
}
