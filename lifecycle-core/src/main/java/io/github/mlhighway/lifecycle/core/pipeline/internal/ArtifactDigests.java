package io.github.mlhighway.lifecycle.core.pipeline.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The SHA-256 of files as a model registry names them: a regular file under its file name, a directory as every
 * regular file under it, named by its path relative to the directory with {@code /} separators (as
 * {@code NewModelVersion.Builder.directory} names them). A verdict whose subject is these digests is evidence for
 * a version registered from the same bytes.
 *
 * @since 0.1
 */
public final class ArtifactDigests {

    private ArtifactDigests() {
    }

    /**
     * The digests of a file or of every file under a directory.
     *
     * @param path a regular file or a directory
     * @return name to lowercase hex SHA-256, sorted by name; empty when the path is neither or holds no file
     * @throws UncheckedIOException if a directory cannot be listed or a file cannot be read
     */
    public static Map<String, String> of(Path path) {
        Map<String, String> digests = new TreeMap<>();
        if (Files.isRegularFile(path)) {
            digests.put(path.getFileName().toString(), Digests.sha256(path));
        } else if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.walk(path)) {
                files.filter(Files::isRegularFile).sorted().forEach(file -> digests.put(path.relativize(file)
                        .toString().replace(path.getFileSystem().getSeparator(), "/"), Digests.sha256(file)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + path + " to digest its files: " + e.getMessage(), e);
            }
        }
        return digests;
    }
}
