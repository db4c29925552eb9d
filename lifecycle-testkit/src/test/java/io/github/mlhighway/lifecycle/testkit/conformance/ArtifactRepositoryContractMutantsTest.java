package io.github.mlhighway.lifecycle.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.store.ArtifactRepository;
import io.github.mlhighway.lifecycle.core.store.ArtifactStore;
import io.github.mlhighway.lifecycle.core.store.StoredArtifact;
import io.github.mlhighway.lifecycle.registry.ArtifactRef;
import io.github.mlhighway.lifecycle.store.StoreException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ArtifactRepositoryContract} fails every broken repository below, each breaking one rule of the
 * {@link ArtifactRepository} javadoc, in the test that asserts that rule; and passes the directory
 * {@link ArtifactStore} they wrap. A mutant the kit lets through fails this build.
 */
class ArtifactRepositoryContractMutantsTest {

    private static final int MIB = 1024 * 1024;

    static Stream<Arguments> mutants() {
        return Stream.of(
                // content addressing
                kill(UppercaseDigests.class, "putNamesTheBytesByTheirSha256AndSize"),
                kill(MiscountsTheSize.class, "putNamesTheBytesByTheirSha256AndSize"),
                kill(RefusesEmptyArtifacts.class, "putNamesTheBytesByTheirSha256AndSize"),
                // read back
                kill(SignedSingleByteReads.class, "aStoredArtifactReadsBackByItsDigest"),
                kill(VerifiedReturnsAnEmptyCopy.class, "aStoredArtifactReadsBackByItsDigest"),
                // large artifacts and streaming
                kill(StoresOnlyTheFirstRead.class, "largeArtifactsStreamInAndOutWhole"),
                kill(ReadsTheWholeInputIntoMemory.class, "artifactsAreStreamedNotHeldAsOneArray"),
                kill(OpenLoadsTheWholeArtifact.class, "artifactsAreStreamedNotHeldAsOneArray"),
                // missing artifacts
                kill(ContainsIsAlwaysTrue.class, "aMissingArtifactIsAnIntegrityFailureAtOnce"),
                kill(OpenOfAMissingArtifactIsEmpty.class, "aMissingArtifactIsAnIntegrityFailureAtOnce"),
                kill(MissingIsAPlainStoreException.class, "aMissingArtifactIsAnIntegrityFailureAtOnce"),
                kill(VerifiedOfAMissingArtifactReturnsItsPath.class, "aMissingArtifactIsAnIntegrityFailureAtOnce"),
                // digest strings
                kill(AcceptsUppercaseDigests.class, "malformedDigestsAreRefused"),
                kill(ResolvesAnyName.class, "malformedDigestsAreRefused"),
                kill(NullDigestIsANullPointer.class, "malformedDigestsAreRefused"),
                // verification on every read
                kill(OpenDoesNotVerify.class, "tamperedBytesAreDetectedOnEveryRead"),
                kill(VerifiedDoesNotHash.class, "tamperedBytesAreDetectedOnEveryRead"),
                kill(VerifiesOnlyTheFirstTime.class, "tamperedBytesAreDetectedOnEveryRead"),
                kill(OpenIgnoresTheExpectedSize.class, "aWrongExpectedSizeIsAnIntegrityFailure"),
                kill(VerifiedIgnoresTheExpectedSize.class, "aWrongExpectedSizeIsAnIntegrityFailure"),
                // idempotent put and listing
                kill(ListsEveryPut.class, "puttingTheSameBytesAgainStoresThemOnce"),
                kill(SecondPutOfTheSameBytesFails.class, "puttingTheSameBytesAgainStoresThemOnce"),
                kill(DigestsInPutOrder.class, "digestsListEveryArtifactOnceSorted"),
                // failed writes
                kill(StoresWhatItReadBeforeTheInputFailed.class, "aFailedWriteLeavesNoArtifact"),
                kill(KeepsThePartOfAFailedWrite.class, "aFailedWriteLeavesNoArtifact"),
                kill(FailedInputIsNotAStoreException.class, "aFailedWriteLeavesNoArtifact"),
                kill(MissingSourceFileIsStoredAsEmpty.class, "aFailedWriteLeavesNoArtifact"),
                // thread safety
                kill(OneTemporaryFileForAllPuts.class, "concurrentPutsOfTheSameAndDifferentBytesAreSafe",
                        "readersNeverSeeAPartialArtifactWhileItIsRewritten"),
                kill(RewritesInPlace.class, "readersNeverSeeAPartialArtifactWhileItIsRewritten"),
                // durability
                kill(ForgetsEverythingOnReopen.class, "artifactsSurviveAReopen"));
    }

    private static Arguments kill(Class<? extends ArtifactRepositoryContract> mutant, String... tests) {
        return Arguments.of(mutant.getSimpleName(), mutant, Set.of(tests));
    }

    @ParameterizedTest(name = "the kit kills {0}")
    @MethodSource("mutants")
    void theKitFailsTheMutantInTheTestOfItsRule(String name, Class<? extends ArtifactRepositoryContract> mutant,
                                                Set<String> rule) {
        KitRun run = KitRun.of(mutant);
        System.out.println("ArtifactRepositoryContract kills " + name + " in " + run.failures().keySet());

        assertThat(run.count()).as("tests run against %s", name).isEqualTo(14);
        assertThat(run.failures().keySet()).as("tests of the kit that failed %s: %s", name, run.failures())
                .containsAnyElementsOf(rule);
    }

    @Test
    void theKitPassesTheDirectoryStoreTheMutantsWrap() {
        KitRun run = KitRun.of(Reference.class);

        assertThat(run.failures()).isEmpty();
        assertThat(run.aborted()).isEmpty();
    }

    @Test
    void aRepositoryThatIsNotDurableSkipsOnlyTheDurabilityTest() {
        KitRun run = KitRun.of(NotDurable.class);

        assertThat(run.failures()).isEmpty();
        assertThat(run.aborted()).containsExactly("artifactsSurviveAReopen");
    }

    /** The kit's subclass for a mutant: the directory store under a temporary root, wrapped. */
    @org.junit.jupiter.api.extension.ExtendWith(RunOnlyThroughKitRun.class)
    abstract static class Mutant extends ArtifactRepositoryContract {
        @TempDir
        Path root;

        ArtifactRepository wrap(ArtifactStore real) {
            return new Forwarding(real);
        }

        @Override
        protected ArtifactRepository newRepository() {
            return wrap(ArtifactStore.under(root));
        }

        @Override
        protected ArtifactRepository reopen(ArtifactRepository repository) {
            return wrap(ArtifactStore.under(root));
        }

        /** Smaller than the default, so that thirty mutants run in reasonable time; still three chunks. */
        @Override
        protected long largeArtifactSize() {
            return 3L * MIB + 13;
        }
    }

    static class Reference extends Mutant {
    }

    static class NotDurable extends Mutant {
        @Override
        protected ArtifactRepository reopen(ArtifactRepository repository) {
            return null;
        }
    }

    /** Forwards to the directory store; {@code put(Path)} goes through {@code put(InputStream)}. */
    static class Forwarding implements ArtifactRepository {
        final ArtifactStore real;

        Forwarding(ArtifactStore real) {
            this.real = real;
        }

        @Override
        public StoredArtifact put(InputStream in) {
            return real.put(in);
        }

        @Override
        public StoredArtifact put(Path file) {
            if (!Files.isRegularFile(file)) {
                throw new StoreException("Cannot read artifact source " + file + ": not a regular file");
            }
            return ArtifactRepository.super.put(file);
        }

        @Override
        public boolean contains(String sha256) {
            return real.contains(sha256);
        }

        @Override
        public InputStream open(String sha256, long expectedSize) {
            return real.open(sha256, expectedSize);
        }

        @Override
        public Path verified(String sha256, long expectedSize) {
            return real.verified(sha256, expectedSize);
        }

        @Override
        public List<String> digests() {
            return real.digests();
        }
    }

    // --- content addressing

    static class UppercaseDigests extends Mutant {
        @Override
        ArtifactRepository wrap(ArtifactStore real) {
            return new Forwarding(real) {
                @Override
                public StoredArtifact put(InputStream in) {
                    StoredArtifact stored = super.put(in);
                    return new StoredArtifact(stored.sha256().toUpperCase(Locale.ROOT), stored.size());
                }
            };
        }
    }

    /** Reports the size within the last mebibyte, as a counter of the current chunk would. */
    static class MiscountsTheSize extends Mutant {
        @Override
        ArtifactRepository wrap(ArtifactStore real) {
            return new Forwarding(real) {
                @Override
                public StoredArtifact put(InputStream in) {
                    StoredArtifact stored = super.put(in);
                    return new StoredArtifact(stored.sha256(), stored.size() % MIB);
                }
            };
        }
    }

    static class RefusesEmptyArtifacts extends Mutant {
        @Override
        ArtifactRepository wrap(ArtifactStore real) {
            return new Forwarding(real) {
                @Override
                public StoredArtifact put(InputStream in) {
                    StoredArtifact stored = super.put(in);
                    if (stored.size() == 0) {
                        throw new StoreException("Refusing to store an empty artifact");
                    }
                    return stored;
                }
            };
        }
    }

    // --- read back

    /** A single-byte read that returns the signed byte: 0xff reads as the end of the stream. */
    static class SignedSingleByteReads extends Mutant {
        @Override
        ArtifactRepository wrap(ArtifactStore real) {
            return new Forwarding(real) {
                @Override
                public InputStream open(String sha256, long expectedSize) {
                    return new FilterInputStream(super.open(sha256, expectedSize)) {
                        @Override
                        public int read() throws IOException {
                            byte[] one = new byte[1];
                            int n = in.read(one, 0, 1);
                            return n < 0 ? -1 : one[0];
                        }
                    };
                }
            };
        }
    }

    /** Returns a copy of the artifact in a fresh file that was never filled. */
    static class VerifiedReturnsAnEmptyCopy extends Mutant {
        @Override
        ArtifactRepository wrap(ArtifactStore real) {
            return new Forwarding(real) {
                @Override
                public Path verified(String sha256, long expectedSize) {
                    super.verified(sha256, expectedSize);
                    try {
                        return Files.createTempFile(real.directory().getParent(), "copy-", "");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        }
    }

    // --- large artifacts and streaming

    /** Stores the bytes of one read of up to a mebibyte: the rest of a larger artifact is dropped. */
    static class StoresOnlyTheFirstRead extends Mutant {
        @Override
        ArtifactRepository wrap(ArtifactStore real) {
            return new Forwarding(real) {
                @Override
                public StoredArtifact put(InputStream in) {
                    byte[] buffer = new byte[MIB];
                    try {
                        int n = in.read(buffer);
                        return super.put(new ByteArrayInputStream(buffer, 0, Math.max(0, n)));
                    } catch (IOException e) {
                        throw new StoreException("Cannot read the artifact: " + e.getMessage(), e);
                    }
                }
            };
        }
    }

    static class ReadsTheWholeInputIntoMemory extends Mutant {
        @Override
        ArtifactRepository wrap(ArtifactStore real) {
            return new Forwarding(real) {
                @Override
                public StoredArtifact put(InputStream in) {
                    try {
                        return super.put(new ByteArrayInputStream(in.readAllBytes()));
                    } catch (IOException e) {
                        throw new StoreException("Cannot read the artifact: " + e.getMessage(), e);
                    }
                }
            };
        }
    }

    /** Verifies the whole artifact at open and hands out an in-memory copy. */
    static class OpenLoadsTheWholeArtifact extends Mutant {
        @Override
        ArtifactRepository wrap(ArtifactStore real) {
            return new Forwarding(real) {
                @Override
                public InputStream open(String sha256, long expectedSize) {
                    try (InputStream in = super.open(sha256, expectedSize)) {
                        return new ByteArrayInputStream(in.readAllBytes());
                    } catch (IOException e) {
                        throw new StoreException("Cannot read " + sha256 + ": " + e.getMessage(), e);
                    }
                }
            };
        }
    }

    // --- missing artifacts

    static class ContainsIsAlwaysTrue extends Mutant {
        @Override
        ArtifactRepository wrap(ArtifactStore real) {
            return new Forwarding(real) {
                @Override
                public boolean contains(String sha256) {
                    real.file(sha256);   // still refuses malformed digests
                    return true;
                }
            };
        }
    }

    static class OpenOfAMissingArtifactIsEmpty extends Mutant {
        @Override
        ArtifactRepository wrap(ArtifactStore real) {
            return new Forwarding(real) {
                @Override
                public InputStream open(String sha256, long expectedSize) {
                    return real.contains(sha256) ? super.open(sha256, expectedSize) : InputStream.nullInputStream();
                }
            };
        }
    }

    static class MissingIsAPlainStoreException extends Mutant {
        @Override
        ArtifactRepository wrap(ArtifactStore real) {
            return new Forwarding(real) {
                @Override
                public InputStream open(String sha256, long expectedSize) {
                    requirePresent(real, sha256);
                    return super.open(sha256, expectedSize);
                }

                @Override
                public Path verified(String sha256, long expectedSize) {
                    requirePresent(real, sha256);
                    return super.verified(sha256, expectedSize);
                }
            };
        }

        private static void requirePresent(ArtifactStore real, String sha256) {
            if (!real.contains(sha256)) {
                throw new StoreException("No artifact " + sha256);
            }
        }
    }

    static class VerifiedOfAMissingArtifactReturnsItsPath extends Mutant {
        @Override
        ArtifactRepository wrap(ArtifactStore real) {
            return new Forwarding(real) {
                @Override
                public Path verified(String sha256, long expectedSize) {
                    return real.contains(sha256) ? super.verified(sha256, expectedSize) : real.file(sha256);
                }
            };
        }
    }

    // --- digest strings

    static class AcceptsUppercaseDigests extends Mutant {
        @Override
        ArtifactRepository wrap(ArtifactStore real) {
            return new Forwarding(real) {
                @Override
                public boolean contains(String sha256) {
                    return super.contains(lower(sha256));
                }

                @Override
                public InputStream open(String sha256, long expectedSize) {
                    return super.open(lower(sha256), expectedSize);
                }

                @Override
                public Path verified(String sha256, long expectedSize) {
                    return super.verified(lower(sha256), expectedSize);
                }
            };
        }

        private static String lower(String text) {
            return text == null ? null : text.toLowerCase(Locale.ROOT);
        }
    }

    /** Looks up a name that is not a digest as a path under its directory (a path traversal). */
    static class ResolvesAnyName extends Mutant {
        @Override
        ArtifactRepository wrap(ArtifactStore real) {
            return new Forwarding(real) {
                @Override
                public boolean contains(String sha256) {
                    return ArtifactRef.isSha256(sha256) ? super.contains(sha256)
                            : Files.isRegularFile(real.directory().resolve(String.valueOf(sha256)));
                }
            };
        }
    }

    static class NullDigestIsANullPointer extends Mutant {
        @Override
        ArtifactRepository wrap(ArtifactStore real) {
            return new Forwarding(real) {
                @Override
                public boolean contains(String sha256) {
                    return super.contains(Objects.requireNonNull(sha256, "sha256"));
                }

                @Override
                public InputStream open(String sha256, long expectedSize) {
                    return super.open(Objects.requireNonNull(sha256, "sha256"), expectedSize);
                }

                @Override
                public Path verified(String sha256, long expectedSize) {
                    return super.verified(Objects.requireNonNull(sha256, "sha256"), expectedSize);
                }
            };
        }
    }

    // --- verification on every read

    /** Hands out the file's bytes without hashing them. */
    static class OpenDoesNotVerify extends Mutant {
        @Override
        ArtifactRepository wrap(ArtifactStore real) {
            return new Forwarding(real) {
                @Override
                public InputStream open(String sha256, long expectedSize) {
                    if (!real.contains(sha256)) {
                        return super.open(sha256, expectedSize);
                    }
                    try {
                        return Files.newInputStream(real.file(sha256));
                    } catch (IOException e) {
                        throw new StoreException("Cannot open " + sha256, e);
                    }
                }
            };
        }
    }

    /** Returns the file when it exists, without hashing it. */
    static class VerifiedDoesNotHash extends Mutant {
        @Override
        ArtifactRepository wrap(ArtifactStore real) {
            return new Forwarding(real) {
                @Override
                public Path verified(String sha256, long expectedSize) {
                    return real.contains(sha256) ? real.file(sha256) : super.verified(sha256, expectedSize);
                }
            };
        }
    }

    /** Remembers which artifacts passed verification and trusts them from then on. */
    static class VerifiesOnlyTheFirstTime extends Mutant {
        @Override
        ArtifactRepository wrap(ArtifactStore real) {
            Set<String> trusted = ConcurrentHashMap.newKeySet();
            return new Forwarding(real) {
                @Override
                public InputStream open(String sha256, long expectedSize) {
                    if (trusted.contains(sha256)) {
                        try {
                            return Files.newInputStream(real.file(sha256));
                        } catch (IOException e) {
                            throw new StoreException("Cannot open " + sha256, e);
                        }
                    }
                    return super.open(sha256, expectedSize);
                }

                @Override
                public Path verified(String sha256, long expectedSize) {
                    if (trusted.contains(sha256)) {
                        return real.file(sha256);
                    }
                    Path file = super.verified(sha256, expectedSize);
                    trusted.add(sha256);
                    return file;
                }
            };
        }
    }

    static class OpenIgnoresTheExpectedSize extends Mutant {
        @Override
        ArtifactRepository wrap(ArtifactStore real) {
            return new Forwarding(real) {
                @Override
                public InputStream open(String sha256, long expectedSize) {
                    return super.open(sha256, -1);
                }
            };
        }
    }

    static class VerifiedIgnoresTheExpectedSize extends Mutant {
        @Override
        ArtifactRepository wrap(ArtifactStore real) {
            return new Forwarding(real) {
                @Override
                public Path verified(String sha256, long expectedSize) {
                    return super.verified(sha256, -1);
                }
            };
        }
    }

    // --- idempotent put and listing

    /** Lists one entry per put, so bytes put twice are listed twice. */
    static class ListsEveryPut extends Mutant {
        @Override
        ArtifactRepository wrap(ArtifactStore real) {
            List<String> puts = new CopyOnWriteArrayList<>(real.digests());
            return new Forwarding(real) {
                @Override
                public StoredArtifact put(InputStream in) {
                    StoredArtifact stored = super.put(in);
                    puts.add(stored.sha256());
                    return stored;
                }

                @Override
                public List<String> digests() {
                    List<String> listed = new ArrayList<>(puts);
                    listed.sort(null);
                    return listed;
                }
            };
        }
    }

    /** Refuses bytes that are already stored, as a create-new write would. */
    static class SecondPutOfTheSameBytesFails extends Mutant {
        @Override
        ArtifactRepository wrap(ArtifactStore real) {
            return new Forwarding(real) {
                @Override
                public synchronized StoredArtifact put(InputStream in) {
                    List<String> before = real.digests();
                    StoredArtifact stored = super.put(in);
                    if (before.contains(stored.sha256())) {
                        throw new StoreException("Artifact " + stored.sha256() + " exists already");
                    }
                    return stored;
                }
            };
        }
    }

    static class DigestsInPutOrder extends Mutant {
        @Override
        ArtifactRepository wrap(ArtifactStore real) {
            Set<String> order = java.util.Collections.synchronizedSet(new LinkedHashSet<>(real.digests()));
            return new Forwarding(real) {
                @Override
                public StoredArtifact put(InputStream in) {
                    StoredArtifact stored = super.put(in);
                    order.add(stored.sha256());
                    return stored;
                }

                @Override
                public List<String> digests() {
                    synchronized (order) {
                        return new ArrayList<>(order);
                    }
                }
            };
        }
    }

    // --- failed writes

    /** Takes a failing input for its end, and stores what it read. */
    static class StoresWhatItReadBeforeTheInputFailed extends Mutant {
        @Override
        ArtifactRepository wrap(ArtifactStore real) {
            return new Forwarding(real) {
                @Override
                public StoredArtifact put(InputStream in) {
                    return super.put(new FilterInputStream(in) {
                        @Override
                        public int read(byte[] buffer, int offset, int length) {
                            try {
                                return in.read(buffer, offset, length);
                            } catch (IOException e) {
                                return -1;
                            }
                        }
                    });
                }
            };
        }
    }

    /** Keeps the bytes of a failed upload as an artifact of their own. */
    static class KeepsThePartOfAFailedWrite extends Mutant {
        @Override
        ArtifactRepository wrap(ArtifactStore real) {
            return new Forwarding(real) {
                @Override
                public StoredArtifact put(InputStream in) {
                    ByteArrayOutputStream seen = new ByteArrayOutputStream();
                    try {
                        return super.put(new FilterInputStream(in) {
                            @Override
                            public int read(byte[] buffer, int offset, int length) throws IOException {
                                int n = in.read(buffer, offset, length);
                                if (n > 0) {
                                    seen.write(buffer, offset, n);
                                }
                                return n;
                            }
                        });
                    } catch (StoreException e) {
                        super.put(new ByteArrayInputStream(seen.toByteArray()));
                        throw e;
                    }
                }
            };
        }
    }

    /** Lets the input's failure out as an UncheckedIOException instead of a StoreException. */
    static class FailedInputIsNotAStoreException extends Mutant {
        @Override
        ArtifactRepository wrap(ArtifactStore real) {
            return new Forwarding(real) {
                @Override
                public StoredArtifact put(InputStream in) {
                    return super.put(new FilterInputStream(in) {
                        @Override
                        public int read(byte[] buffer, int offset, int length) {
                            try {
                                return in.read(buffer, offset, length);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    });
                }
            };
        }
    }

    static class MissingSourceFileIsStoredAsEmpty extends Mutant {
        @Override
        ArtifactRepository wrap(ArtifactStore real) {
            return new Forwarding(real) {
                @Override
                public StoredArtifact put(Path file) {
                    return Files.exists(file) ? super.put(file) : put(InputStream.nullInputStream());
                }
            };
        }
    }

    // --- thread safety

    /**
     * Writes every upload to the same temporary file, fsynced, and renames it to its digest: two puts at once write
     * over each other's bytes or rename each other's file.
     */
    static class OneTemporaryFileForAllPuts extends Mutant {
        @Override
        ArtifactRepository wrap(ArtifactStore real) {
            return new Forwarding(real) {
                @Override
                public StoredArtifact put(InputStream in) {
                    try {
                        Files.createDirectories(real.directory());
                        Path temp = real.directory().resolve(".upload.tmp");
                        MessageDigest digest = MessageDigest.getInstance("SHA-256");
                        long size = 0;
                        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                            byte[] buffer = new byte[16 * 1024];
                            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                                digest.update(buffer, 0, n);
                                channel.write(ByteBuffer.wrap(buffer, 0, n));
                                size += n;
                            }
                            channel.force(true);
                        }
                        String sha256 = HexFormat.of().formatHex(digest.digest());
                        Path target = real.file(sha256);
                        Files.createDirectories(target.getParent());
                        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                        return new StoredArtifact(sha256, size);
                    } catch (IOException | java.security.NoSuchAlgorithmException e) {
                        throw new StoreException("Cannot write artifact: " + e.getMessage(), e);
                    }
                }
            };
        }
    }

    /** Stages the upload, then copies it over the artifact's file in place: a reader can see it half written. */
    static class RewritesInPlace extends Mutant {
        @Override
        ArtifactRepository wrap(ArtifactStore real) {
            return new Forwarding(real) {
                @Override
                public StoredArtifact put(InputStream in) {
                    try {
                        Files.createDirectories(real.directory());
                        Path staging = Files.createTempDirectory(real.directory().getParent(), "staging");
                        StoredArtifact stored = ArtifactStore.under(staging).put(in);
                        Path target = real.file(stored.sha256());
                        Files.createDirectories(target.getParent());
                        try (InputStream from = Files.newInputStream(ArtifactStore.under(staging).file(stored.sha256()));
                             OutputStream to = Files.newOutputStream(target)) {
                            byte[] buffer = new byte[8 * 1024];
                            for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
                                to.write(buffer, 0, n);
                            }
                        }
                        return stored;
                    } catch (IOException e) {
                        throw new StoreException("Cannot write artifact: " + e.getMessage(), e);
                    }
                }
            };
        }
    }

    // --- durability

    /** Keeps its artifacts somewhere a new instance does not look. */
    static class ForgetsEverythingOnReopen extends Mutant {
        @Override
        protected ArtifactRepository reopen(ArtifactRepository repository) {
            return wrap(ArtifactStore.under(root.resolve("elsewhere")));
        }
    }
}
