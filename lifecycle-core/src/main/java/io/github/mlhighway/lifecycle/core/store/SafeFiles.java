package io.github.mlhighway.lifecycle.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;

/**
 * File access of the directory store that never follows a symbolic link and never opens anything but a regular
 * file: a document or artifact replaced by a link (to {@code /dev/zero}, to a file outside the store) or by a FIFO
 * is refused instead of read, so it can neither hang a reader nor make it read what lies outside the store. Every
 * path is checked with {@code lstat} before it is opened, and opened with {@code O_NOFOLLOW}; the directories
 * between the store root and the file are checked too. (A file swapped for a FIFO in the instant between the check
 * and the open is the one case left; only code that may write into the store can do that.)
 */
final class SafeFiles {

    private SafeFiles() {
    }

    /** A path inside the store is not what the store writes there: a link, a FIFO, a device, a directory. */
    static final class NotRegularException extends FileSystemException {

        private static final long serialVersionUID = 1L;

        private final String kind;

        NotRegularException(Path file, String kind) {
            super(file.toString(), null, "is " + kind);
            this.kind = kind;
        }

        /** @return what the path is instead, e.g. {@code a symbolic link to /dev/zero} */
        String kind() {
            return kind;
        }
    }

    /**
     * The attributes of a path itself (a link is not followed), or empty if nothing is there.
     *
     * @param path the path
     * @return its attributes
     * @throws IOException if they cannot be read
     */
    static Optional<BasicFileAttributes> attributes(Path path) throws IOException {
        try {
            return Optional.of(Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * What a path is, for a message: {@code a regular file}, {@code a directory}, {@code a symbolic link to X},
     * {@code a FIFO, device or socket}.
     *
     * @param path       the path
     * @param attributes its attributes, read without following links
     * @return the description
     */
    static String kind(Path path, BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            try {
                return "a symbolic link to " + Files.readSymbolicLink(path);
            } catch (IOException e) {
                return "a symbolic link";
            }
        }
        if (attributes.isDirectory()) {
            return "a directory";
        }
        if (attributes.isRegularFile()) {
            return "a regular file";
        }
        return "a FIFO, device or socket (not a regular file)";
    }

    /**
     * Requires that every directory from below {@code root} down to {@code directory} that exists is a real
     * directory, not a link or a file. Directories that do not exist yet pass.
     *
     * @param root      the store root (itself may be a link: the user chose it)
     * @param directory a directory at or below the root
     * @throws NotRegularException if one of them is a link or not a directory
     * @throws IOException         if one cannot be examined
     */
    static void requireRealDirectories(Path root, Path directory) throws IOException {
        if (!directory.startsWith(root) || directory.equals(root)) {
            return;
        }
        Path current = root;
        for (Path name : root.relativize(directory)) {
            current = current.resolve(name);
            Optional<BasicFileAttributes> attributes = attributes(current);
            if (attributes.isEmpty()) {
                return;
            }
            if (!attributes.get().isDirectory() || attributes.get().isSymbolicLink()) {
                throw new NotRegularException(current, kind(current, attributes.get()));
            }
        }
    }

    /**
     * Opens a regular file for reading without following a link.
     *
     * @param root the store root, whose subdirectories down to the file are checked as well
     * @param file the file
     * @return the stream
     * @throws NoSuchFileException if there is no file
     * @throws NotRegularException if the file or a directory above it is not what the store writes there
     * @throws IOException         if it cannot be opened
     */
    static InputStream open(Path root, Path file) throws IOException {
        requireRealDirectories(root, Objects.requireNonNull(file.getParent(), () -> file + " has no directory"));
        BasicFileAttributes attributes = attributes(file).orElseThrow(() -> new NoSuchFileException(file.toString()));
        if (!attributes.isRegularFile()) {
            throw new NotRegularException(file, kind(file, attributes));
        }
        try {
            return Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (FileSystemException e) {
            if (Files.isSymbolicLink(file)) {   // replaced by a link since the check: ELOOP
                throw new NotRegularException(file, "a symbolic link");
            }
            throw e;
        }
    }

    /**
     * Reads a regular file as UTF-8 without following a link.
     *
     * @param root the store root
     * @param file the file
     * @return its text
     * @throws NoSuchFileException if there is no file
     * @throws NotRegularException if it is not a regular file
     * @throws IOException         if it cannot be read
     */
    static String readString(Path root, Path file) throws IOException {
        try (InputStream in = open(root, file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
