package io.github.mlhighway.lifecycle.core.store;

import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoreException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Factories for the built-in stores.
 *
 * @since 0.1
 */
public final class Stores {

    /** A URL-like location: a scheme of two or more characters and a colon (so {@code C:\\x} stays a path). */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*", Pattern.DOTALL);
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)([?&;](?:password|pass|pwd|sslpassword)=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@?#]*?):[^/@?#]*@");

    private Stores() {
    }

    /**
     * Opens the store a location names, timestamps from the UTC system clock; see {@link #open(String, Clock)}.
     *
     * @param location a directory path or a store URL
     * @return the store, which the caller closes
     */
    public static Store open(String location) {
        return open(location, Clock.systemUTC());
    }

    /**
     * Opens the store a location names: a URL that a {@link StoreProvider} on the class path supports (e.g.
     * {@code jdbc:postgresql://host:5432/db?user=lifecycle}, with {@code lifecycle-jdbc}), or else a directory
     * path, opened as a {@link DirectoryStore} (created if absent). The artifacts of the store are
     * {@link #artifactsOf(Store)}.
     *
     * @param location a directory path or a store URL
     * @param clock    the clock for document timestamps
     * @return the store, which the caller closes
     * @throws StoreException if the location is a URL no provider supports (the message names the module to add),
     *                        or the store cannot be opened
     */
    public static Store open(String location, Clock clock) {
        String trimmed = requireLocation(location);
        for (StoreProvider provider : providers()) {
            if (provider.supports(trimmed)) {
                return provider.open(trimmed, clock);
            }
        }
        if (isUrl(trimmed)) {
            throw unsupported(trimmed);
        }
        return directory(Path.of(trimmed), clock);
    }

    /**
     * Opens the store a location names for reading only where the kind of store allows it: a directory path is
     * opened with {@link #readOnlyDirectory(Path)} (it must exist, nothing is created); a URL is opened as by
     * {@link #open(String, Clock)}.
     *
     * @param location a directory path or a store URL
     * @return the store, which the caller closes
     * @throws StoreException if the directory does not exist or the URL cannot be opened
     */
    public static Store openExisting(String location) {
        String trimmed = requireLocation(location);
        for (StoreProvider provider : providers()) {
            if (provider.supports(trimmed)) {
                return provider.open(trimmed, Clock.systemUTC());
            }
        }
        if (isUrl(trimmed)) {
            throw unsupported(trimmed);
        }
        return readOnlyDirectory(Path.of(trimmed));
    }

    /**
     * Where the artifacts of a store live: a directory store's artifact area, or the artifacts a
     * {@link StoreWithArtifacts} carries.
     *
     * @param store a store
     * @return its artifact repository
     * @throws IllegalArgumentException if the store has no artifact area of its own (e.g. one in memory)
     */
    public static ArtifactRepository artifactsOf(Store store) {
        if (store instanceof DirectoryStore directory) {
            return ArtifactStore.under(directory.root());
        }
        if (store instanceof StoreWithArtifacts withArtifacts) {
            return withArtifacts.artifacts();
        }
        throw new IllegalArgumentException("Store " + store + " has no artifact area of its own; pass an "
                + "ArtifactRepository explicitly");
    }

    /**
     * Whether a location is a URL (a scheme such as {@code jdbc:}) rather than a directory path.
     *
     * @param location a location
     * @return true for a URL
     */
    public static boolean isUrl(String location) {
        return SCHEME.matcher(location.trim()).matches() && !location.trim().startsWith("file:");
    }

    /**
     * A location with every password removed, for messages and logs: the {@code password} (and similar) query
     * parameters and the password of a {@code user:password@host} part become {@code ***}.
     *
     * @param location a location
     * @return the same location without secrets
     */
    public static @Nullable String redact(String location) {
        if (location == null) {
            return null;
        }
        String redacted = PASSWORD_PARAMETER.matcher(location).replaceAll("$1***");
        return USER_INFO.matcher(redacted).replaceAll("$1:***@");
    }

    private static String requireLocation(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("A store location is a directory path or a URL such as "
                    + "jdbc:postgresql://host:5432/db; it was " + (location == null ? "null" : "blank"));
        }
        return location.trim();
    }

    private static List<StoreProvider> providers() {
        List<StoreProvider> providers = new ArrayList<>();
        ServiceLoader.load(StoreProvider.class, Stores.class.getClassLoader()).forEach(providers::add);
        if (Thread.currentThread().getContextClassLoader() != null
                && Thread.currentThread().getContextClassLoader() != Stores.class.getClassLoader()) {
            for (StoreProvider provider : ServiceLoader.load(StoreProvider.class)) {
                if (providers.stream().noneMatch(p -> p.getClass().equals(provider.getClass()))) {
                    providers.add(provider);
                }
            }
        }
        return providers;
    }

    private static StoreException unsupported(String location) {
        String hint = location.startsWith("jdbc:postgresql:")
                ? "add the module io.github.mlhighway:lifecycle-jdbc to the class path"
                : "the built-in stores are a directory path and, with the module io.github.mlhighway:lifecycle-jdbc "
                        + "on the class path, jdbc:postgresql:// URLs";
        return new StoreException("No store provider on the class path opens '" + redact(location) + "': " + hint);
    }

    /**
     * The embedded directory store, created if absent, timestamps from the UTC system clock.
     *
     * @param root the directory
     * @return the store
     */
    public static DirectoryStore directory(Path root) {
        return new DirectoryStore(root, Clock.systemUTC());
    }

    /**
     * The embedded directory store with an injected clock for its timestamps.
     *
     * @param root  the directory
     * @param clock the clock
     * @return the store
     */
    public static DirectoryStore directory(Path root, Clock clock) {
        return new DirectoryStore(root, clock);
    }

    /**
     * An existing directory store opened only for reading: nothing is created, the directory need not be
     * writable (e.g. a copy made read-only with {@code chmod -R a-w}), no lock is taken, and
     * {@link DirectoryStore#write write} and {@link DirectoryStore#delete delete} throw a {@link StoreException}.
     *
     * @param root the directory
     * @return the store
     * @throws StoreException if the directory does not exist or is not a directory
     */
    public static DirectoryStore readOnlyDirectory(Path root) {
        return new DirectoryStore(root, Clock.systemUTC(), true);
    }

    /**
     * A store in memory.
     *
     * @param clock the clock for timestamps
     * @return the store
     */
    public static Store inMemory(Clock clock) {
        return new InMemoryStore(clock);
    }
}
