package io.github.mlhighway.lifecycle.core.lineage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The version of the code a run executed.
 *
 * @param version a git commit, an {@code Implementation-Version}, or {@code unknown}
 * @param source  {@code git}, {@code manifest} or {@code unknown}
 * @since 0.1
 */
public record CodeVersion(String version, String source) {

    /** Source of a version read from git. */
    public static final String GIT = "git";
    /** Source of a version read from a jar manifest. */
    public static final String MANIFEST = "manifest";
    /** Source when nothing was found. */
    public static final String UNKNOWN = "unknown";

    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");
    private static final long GIT_TIMEOUT_SECONDS = 5;

    /** Validates the components. */
    public CodeVersion {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(source, "source");
    }

    /**
     * Detects the version: {@code git rev-parse HEAD} when a {@code .git} is found in {@code directory} or above
     * it (and git runs), else the {@code Implementation-Version} of the manifest of {@code anchor}'s jar, else
     * {@code unknown}. Never throws for a missing git.
     *
     * @param directory where to start looking for {@code .git}, usually the working directory
     * @param anchor    a class of the application, for the manifest fallback
     * @return the version
     */
    public static CodeVersion detect(Path directory, Class<?> anchor) {
        Optional<String> commit = findGitRoot(directory).flatMap(CodeVersion::gitHead);
        if (commit.isPresent()) {
            return new CodeVersion(commit.get(), GIT);
        }
        String implementation = anchor.getPackage() == null ? null : anchor.getPackage().getImplementationVersion();
        return implementation != null ? new CodeVersion(implementation, MANIFEST)
                : new CodeVersion(UNKNOWN, UNKNOWN);
    }

    /**
     * The nearest directory at or above {@code directory} that holds a {@code .git} directory or file.
     *
     * @param directory where to start
     * @return the repository root, if any
     */
    public static Optional<Path> findGitRoot(Path directory) {
        for (Path dir = directory.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> gitHead(Path root) {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").directory(root.toFile())
                    .redirectErrorStream(true).start();
            git.getOutputStream().close();
            if (!git.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.exitValue() == 0 && COMMIT.matcher(out).matches() ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
