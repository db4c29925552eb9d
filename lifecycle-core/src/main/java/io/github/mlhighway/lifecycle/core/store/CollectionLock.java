package io.github.mlhighway.lifecycle.core.store;

import io.github.mlhighway.lifecycle.store.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Exclusive access to one collection directory of a {@link DirectoryStore}, held from {@link #acquire} to
 * {@link #close}. Within the JVM, writers are serialised by a process-wide lock keyed by the real path of the
 * directory, so every store instance on that directory (whatever path it was opened with) shares it; across
 * processes, by an OS file lock on the directory's {@value #LOCK_FILE} file, taken only after the in-process
 * lock (the JDK refuses two file locks on one file from one JVM).
 */
final class CollectionLock implements AutoCloseable {

    /** The name of the lock file in each collection directory. */
    static final String LOCK_FILE = ".lock";

    /** One lock per real collection directory; entries are few (one per collection) and never removed. */
    private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private final ReentrantLock lock;
    private final FileChannel channel;

    private CollectionLock(ReentrantLock lock, FileChannel channel) {
        this.lock = lock;
        this.channel = channel;
    }

    /**
     * Blocks until this thread holds the directory, in this process and across processes.
     *
     * @param directory an existing collection directory
     * @return the held lock; close it to release
     * @throws IOException    if the directory cannot be resolved or its lock file cannot be opened or locked
     * @throws StoreException if other code in this JVM holds a file lock on the lock file
     */
    static CollectionLock acquire(Path directory) throws IOException {
        Path real = directory.toRealPath();
        ReentrantLock lock = LOCKS.computeIfAbsent(real, d -> new ReentrantLock());
        lock.lock();
        Path lockFile = real.resolve(LOCK_FILE);
        FileChannel channel = null;
        try {
            BasicFileAttributes existing = SafeFiles.attributes(lockFile).orElse(null);
            if (existing != null && !existing.isRegularFile()) {
                throw new StoreException("Cannot lock " + lockFile + ": it is " + SafeFiles.kind(lockFile, existing)
                        + ", not the regular file the store creates; it is not followed (remove it)");
            }
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            channel.lock();
            return new CollectionLock(lock, channel);
        } catch (OverlappingFileLockException e) {
            closeAfterFailure(channel, lock);
            throw new StoreException("Cannot lock " + lockFile + ": code outside DirectoryStore in this JVM holds"
                    + " a file lock on it", e);
        } catch (IOException | RuntimeException | Error e) {
            closeAfterFailure(channel, lock);
            throw e;
        }
    }

    /** Releases the file lock (by closing its channel) and then the in-process lock. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            lock.unlock();
        }
    }

    private static void closeAfterFailure(@Nullable FileChannel channel, ReentrantLock lock) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // Already failing; the original exception is the one to report.
        } finally {
            lock.unlock();
        }
    }
}
