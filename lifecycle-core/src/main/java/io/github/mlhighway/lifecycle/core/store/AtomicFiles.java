package io.github.mlhighway.lifecycle.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a whole file so that a reader or a crash sees the old content or the new, never a part: the bytes go to a
 * temporary dot-file in the same directory, are fsynced, and the file is atomically renamed over the target; then
 * the directory is fsynced. For files people open (reports, postmortems), not for store documents, which
 * {@link DirectoryStore} writes under its own locks. On POSIX file systems the file is {@link #SHARED}
 * ({@code rw-r--r--}) whatever the process umask, as these files are meant to be shared. A target that exists and
 * is not a regular file (a device such as {@code /dev/full}, a FIFO, a directory, a symbolic link) is refused, never
 * replaced.
 *
 * @since 0.1
 */
public final class AtomicFiles {

    /** The permissions of written files on POSIX file systems: readable by everyone, writable by the owner. */
    public static final Set<PosixFilePermission> SHARED =
            Set.copyOf(PosixFilePermissions.fromString("rw-r--r--"));

    private AtomicFiles() {
    }

    /**
     * Writes text as UTF-8.
     *
     * @param target the file, replaced if present; its directory is created if absent
     * @param text   the whole content
     * @return the absolute, normalized target
     * @throws UncheckedIOException when the file cannot be written (the old content, if any, is left as it was)
     */
    public static Path writeString(Path target, String text) {
        return write(target, Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes bytes.
     *
     * @param target the file, replaced if present; its directory is created if absent
     * @param bytes  the whole content
     * @return the absolute, normalized target
     * @throws UncheckedIOException when the file cannot be written (the old content, if any, is left as it was)
     */
    public static Path write(Path target, byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        Path file = Objects.requireNonNull(target, "target").toAbsolutePath().normalize();
        Path directory = file.getParent();
        Path temp = null;
        try {
            Optional<BasicFileAttributes> existing = SafeFiles.attributes(file);
            if (existing.isPresent() && !existing.get().isRegularFile()) {
                throw new IOException("it exists and is " + SafeFiles.kind(file, existing.get())
                        + "; only a regular file is replaced (choose another file name)");
            }
            Files.createDirectories(directory);
            temp = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(temp, SHARED);   // createTempFile makes rw-------
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            fsyncDirectory(Objects.requireNonNull(directory, "the file was just moved into it"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temp file stays; it is a dot-file that nothing reads
                }
            }
        }
    }

    private static void fsyncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory for fsync; the rename itself is still atomic there.
        }
    }
}
