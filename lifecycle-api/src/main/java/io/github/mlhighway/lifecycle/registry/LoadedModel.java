package io.github.mlhighway.lifecycle.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A model version whose every artifact was verified against its SHA-256 when it was loaded, with the files.
 *
 * <p><b>Use the bytes safely.</b> The verification happened when {@link ModelRegistry#load} returned; the files
 * are still the registry's shared, content-addressed copies, and a file changed after that check (by another
 * process, a faulty disk, an attacker with write access) would be read unverified through {@link #file(String)}
 * or {@link #files()}. To be sure that what you use is what was registered, read through {@link #open(String)},
 * which hashes while reading and throws at the end of the stream on a mismatch, or make a private copy with
 * {@link #copyTo(Path)}, which keeps only files whose copied bytes verified, and load from that:
 *
 * <pre>{@code
 * LoadedModel champion = registry.load(ModelRef.parse("rain:champion"));
 * LoadedModel local = champion.copyTo(Files.createTempDirectory("rain"));   // verified private copy
 * Path modelDirectory = local.file("model.pt").getParent();                 // load your engine from here
 * try (InputStream weights = champion.open("model.pt")) {                   // or read through a verifying stream
 *     weights.transferTo(OutputStream.nullOutputStream());                  // throws at the end on a mismatch
 * }
 * }</pre>
 *
 * @param version the version's metadata
 * @param files   the files, by artifact name (read-only). Verified at load time only: see the note above on the
 *                time-of-check/time-of-use limit of paths
 * @since 0.1
 */
public record LoadedModel(ModelVersion version, Map<String, Path> files) {

    /** Copies the components. */
    public LoadedModel {
        Objects.requireNonNull(version, "version");
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /**
     * The file of an artifact. It matched its digest when the model was loaded, but nothing stops it from
     * changing afterwards: prefer {@link #open(String)} or {@link #copyTo(Path)} when that matters.
     *
     * @param name the artifact's name
     * @return the file
     * @throws IllegalArgumentException naming the artifacts there are, if there is none by that name
     */
    public Path file(String name) {
        Path file = files.get(name);
        if (file == null) {
            throw new IllegalArgumentException("Model " + version.ref() + " has no artifact "
                    + io.github.mlhighway.lifecycle.text.Quoted.name(name) + "; it has "
                    + files.keySet());
        }
        return file;
    }

    /**
     * Opens an artifact for reading with verification as it is read: the stream hashes every byte it returns
     * and throws an {@link ArtifactIntegrityException} when it reaches the end if the bytes do not match the
     * recorded SHA-256 and size. Treat the bytes as untrusted until the end has been reached without an
     * exception.
     *
     * @param name the artifact's name
     * @return a stream the caller closes
     * @throws IllegalArgumentException    if there is no artifact by that name
     * @throws ArtifactIntegrityException if the file is missing
     * @throws UncheckedIOException        if the file cannot be opened
     */
    public InputStream open(String name) {
        Path file = file(name);
        ArtifactRef ref = ref(name);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ArtifactIntegrityException(file, ref.sha256(), "nothing readable", file
                    + " is no longer a regular file (a link, FIFO or directory replaced it); it was not opened");
        }
        try {
            return new VerifyingInputStream(Files.newInputStream(file, StandardOpenOption.READ,
                    LinkOption.NOFOLLOW_LINKS), file, ref.sha256(), ref.size());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ArtifactIntegrityException(file, ref.sha256(), "missing", "no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open artifact " + file + " of model " + version.ref() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Copies every artifact into a directory, hashing the bytes as they are copied, and keeps a copy only if its
     * bytes match the recorded SHA-256 and size; the copy is then private to the caller and is exactly what was
     * registered. Artifact {@code a/b.txt} goes to {@code directory/a/b.txt}. If any artifact fails, every copy
     * this call made is deleted and nothing is left behind.
     *
     * @param directory where to copy (created if missing); files of the same names are replaced
     * @return the same version with the copies as its files
     * @throws ArtifactIntegrityException naming the file and both digests if an artifact does not match
     * @throws UncheckedIOException        if a file cannot be read or written
     */
    public LoadedModel copyTo(Path directory) {
        Path base = directory.toAbsolutePath().normalize();
        Map<String, Path> copies = new LinkedHashMap<>();
        List<Path> written = new ArrayList<>();
        boolean done = false;
        try {
            for (String name : files.keySet()) {
                Path target = base.resolve(name).normalize();
                if (!target.startsWith(base) || target.equals(base)) {
                    throw new IllegalArgumentException("Artifact name '" + name + "' of model " + version.ref()
                            + " would leave " + base);
                }
                Files.createDirectories(target.getParent());
                Path temp = Files.createTempFile(target.getParent(), ".", ".tmp");
                written.add(temp);
                try (InputStream in = open(name); OutputStream out = Files.newOutputStream(temp)) {
                    in.transferTo(out);
                }
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                written.add(target);
                copies.put(name, target);
            }
            done = true;
            return new LoadedModel(version, copies);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy model " + version.ref() + " to " + base + ": "
                    + e.getMessage(), e);
        } finally {
            if (!done) {
                for (Path path : written) {
                    try {
                        Files.deleteIfExists(path);
                    } catch (IOException ignored) {
                        // Best effort: the failure being reported matters more.
                    }
                }
            }
        }
    }

    private ArtifactRef ref(String name) {
        return version.artifact(name).orElseThrow(() -> new IllegalStateException("Model " + version.ref()
                + " has a file '" + name + "' but no recorded artifact of that name, so it cannot be verified"));
    }
}
