package io.github.mlhighway.lifecycle.testkit.junit;

import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import io.github.mlhighway.lifecycle.core.store.ArtifactStore;
import io.github.mlhighway.lifecycle.core.store.DirectoryStore;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives each test its own Lifecycle environment, created lazily on first use:
 *
 * <ul>
 *   <li>{@link TestClock}: a fresh clock at {@link TestClock#DEFAULT_START};</li>
 *   <li>{@link DirectoryStore} (also resolvable as {@link Store}): the embedded store in a temporary directory,
 *       with timestamps from the test clock;</li>
 *   <li>{@link SloRegistry}: a registry on the test clock, already {@linkplain TestClock#drive(SloRegistry)
 *       driven} by it, so every {@code clock.advance(...)} ticks its windows;</li>
 *   <li>{@link ModelRegistry}: a model registry on the temporary store, artifacts in its artifact area;</li>
 *   <li>{@link Lifecycle}: the runtime on the test clock and the temporary store, already
 *       {@linkplain TestClock#drive(Lifecycle) driven} by the clock, so every {@code clock.advance(...)} ticks SLOs,
 *       models, releases, incidents and retraining. A method that declares a {@code Lifecycle} gets the runtime's
 *       own SLO and model registries for its {@code SloRegistry} and {@code ModelRegistry} parameters.</li>
 * </ul>
 *
 * Within one test every parameter of the same type is the same object, in the test method and in its
 * {@code @BeforeEach}/{@code @AfterEach} methods. After each test the SLO registry and the store are closed
 * and the temporary directory is deleted. Use it with {@link LifecycleTest @LifecycleTest} or
 * {@code @ExtendWith(LifecycleExtension.class)}.
 *
 * <p>Parameters of {@code @BeforeAll}/{@code @AfterAll} methods (or of a constructor, depending on the JUnit
 * version) are resolved in the class's context: they live for the whole class and are cleaned up after it.
 *
 * @since 0.1
 */
public final class LifecycleExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LifecycleExtension.class);
    private static final String KEY = "resources";
    private static final Set<Class<?>> SUPPORTED = Set.of(TestClock.class, Store.class, DirectoryStore.class,
            SloRegistry.class, ModelRegistry.class, Lifecycle.class);

    /** Creates the extension; JUnit does this for {@code @ExtendWith}. */
    public LifecycleExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return SUPPORTED.contains(parameterContext.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        Resources resources = resources(extensionContext);
        if (type == TestClock.class) {
            return resources.clock();
        } else if (type == Store.class || type == DirectoryStore.class) {
            return resources.store();
        } else if (type == Lifecycle.class) {
            return resources.lifecycle();
        } else if (type == SloRegistry.class) {
            return declaresLifecycle(parameterContext) ? resources.lifecycle().slos() : resources.sloRegistry();
        } else if (type == ModelRegistry.class) {
            return declaresLifecycle(parameterContext) ? resources.lifecycle().registry() : resources.modelRegistry();
        }
        throw new ParameterResolutionException("LifecycleExtension cannot resolve " + type.getName());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Resources resources = context.getStore(NAMESPACE).remove(KEY, Resources.class);
        if (resources != null) {
            resources.close();
        }
    }

    private static boolean declaresLifecycle(ParameterContext parameterContext) {
        return Arrays.asList(parameterContext.getDeclaringExecutable().getParameterTypes()).contains(Lifecycle.class);
    }

    private static Resources resources(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(KEY, key -> new Resources(), Resources.class);
    }

    /**
     * Deletes a directory and everything in it; does nothing when it does not exist.
     *
     * @param root the directory
     * @throws UncheckedIOException if something cannot be deleted
     */
    static void deleteRecursively(@Nullable Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    if (exc != null) {
                        throw exc;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the test store directory " + root, e);
        }
    }

    /** The lazily created objects of one test; closed by {@link #afterEach} or when JUnit closes the store. */
    static final class Resources implements AutoCloseable {
        private @Nullable TestClock clock;
        private @Nullable Path directory;
        private @Nullable DirectoryStore store;
        private @Nullable SloRegistry sloRegistry;
        private @Nullable ModelRegistry modelRegistry;
        private @Nullable Lifecycle lifecycle;
        private boolean closed;

        synchronized TestClock clock() {
            requireOpen();
            if (clock == null) {
                clock = TestClock.create();
            }
            return clock;
        }

        synchronized DirectoryStore store() {
            requireOpen();
            if (store == null) {
                try {
                    directory = Files.createTempDirectory("lifecycle-test-store-");
                } catch (IOException e) {
                    throw new ParameterResolutionException("Could not create a temporary store directory", e);
                }
                store = Stores.directory(directory, clock());
            }
            return store;
        }

        synchronized SloRegistry sloRegistry() {
            requireOpen();
            if (sloRegistry == null) {
                sloRegistry = SloRegistry.create(clock());
                clock().drive(sloRegistry);
            }
            return sloRegistry;
        }

        synchronized ModelRegistry modelRegistry() {
            requireOpen();
            if (modelRegistry == null) {
                DirectoryStore documents = store();
                modelRegistry = ModelRegistries.on(documents, ArtifactStore.under(documents.root()), clock());
            }
            return modelRegistry;
        }

        synchronized Lifecycle lifecycle() {
            requireOpen();
            if (lifecycle == null) {
                lifecycle = Lifecycle.builder().clock(clock()).store(store()).build();
                clock().drive(lifecycle);
            }
            return lifecycle;
        }

        private void requireOpen() {
            if (closed) {
                throw new IllegalStateException("The Lifecycle test resources were already cleaned up");
            }
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            RuntimeException failure = null;
            try {
                if (lifecycle != null) {
                    lifecycle.close();
                }
            } catch (RuntimeException e) {
                failure = e;
            }
            try {
                if (sloRegistry != null) {
                    sloRegistry.close();
                }
            } catch (RuntimeException e) {
                failure = add(failure, e);
            }
            try {
                if (store != null) {
                    store.close();
                }
            } catch (RuntimeException e) {
                failure = add(failure, e);
            }
            try {
                deleteRecursively(directory);
            } catch (RuntimeException e) {
                failure = add(failure, e);
            }
            if (failure != null) {
                throw failure;
            }
        }

        private static RuntimeException add(@Nullable RuntimeException first, RuntimeException next) {
            if (first == null) {
                return next;
            }
            first.addSuppressed(next);
            return first;
        }
    }
}
