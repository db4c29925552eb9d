package io.github.mlhighway.lifecycle.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.testkit.postgres.PostgresExtension;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's modules work on the module path, and their {@code module-info} descriptors hide the internals: a
 * small consumer module is compiled against them with {@code javac --module-path} and run with {@code java
 * --module-path ... --module}, while the tests of every module keep running on the classpath.
 */
class ModulePathTest {

    private static final String BASE = "io.github.mlhighway.lifecycle";
    private static final List<String> LIBRARY = List.of(BASE + ".api", BASE + ".core", BASE + ".djl",
            BASE + ".testkit", BASE + ".jdbc", BASE + ".cli");
    private static final String INTERNAL_CLASS = BASE + ".core.slo.internal.BucketRing";

    /** Every module found on this test's classpath, by name. */
    private static Map<String, Path> modules;

    @TempDir
    Path dir;

    @BeforeAll
    static void findModules() {
        modules = new LinkedHashMap<>();
        for (String entry : testClassPath()) {
            Path path = Path.of(entry);
            if (!Files.exists(path)) {
                continue;
            }
            try {
                for (ModuleReference ref : ModuleFinder.of(path).findAll()) {
                    modules.putIfAbsent(ref.descriptor().name(), path);
                }
            } catch (FindException | SecurityException notAModule) {
                // a jar whose automatic name cannot be derived: nothing of ours needs it
            }
        }
        for (String name : LIBRARY) {
            assertThat(modules).as("module %s (a jar or target/classes with module-info.class) on the classpath", name)
                    .containsKey(name);
        }
    }

    @Test
    void everyLibraryModuleResolvesOnTheModulePathAndTheJdbcStorePlugsInThroughProvides() throws Exception {
        ModuleFinder finder = ModuleFinder.of(modulePath(LIBRARY).toArray(Path[]::new));
        for (String name : LIBRARY) {
            ModuleDescriptor descriptor = finder.find(name).orElseThrow().descriptor();
            assertThat(descriptor.isAutomatic()).as("%s has a module-info", name).isFalse();
            assertThat(descriptor.exports()).as("%s exports no internal package", name)
                    .noneMatch(e -> e.source().contains(".internal"));
        }
        Configuration config = ModuleLayer.boot().configuration().resolveAndBind(finder, ModuleFinder.of(), LIBRARY);
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(config, ClassLoader.getPlatformClassLoader());
        Class<?> spi = layer.findLoader(BASE + ".core").loadClass(BASE + ".core.store.StoreProvider");
        List<String> providers = ServiceLoader.load(layer, spi).stream().map(p -> p.type().getName()).toList();
        assertThat(providers).contains(BASE + ".jdbc.PostgresStoreProvider");
    }

    @Test
    void aConsumerModuleRunsTheQuickStartApiOnTheModulePathAndCannotReachAnInternalClass() throws Exception {
        Path src = write("consumer", """
                module consumer {
                    requires io.github.mlhighway.lifecycle.core;
                }
                """, """
                package consumer;

                import io.github.mlhighway.lifecycle.core.pipeline.Pipeline;
                import io.github.mlhighway.lifecycle.core.pipeline.RunResult;
                import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
                import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
                import io.github.mlhighway.lifecycle.core.time.SimulatedClock;
                import io.github.mlhighway.lifecycle.registry.ModelVersion;
                import io.github.mlhighway.lifecycle.registry.NewModelVersion;
                import io.github.mlhighway.lifecycle.slo.Slo;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.time.Duration;
                import java.time.Instant;

                public final class Main {
                    public static void main(String[] args) throws Exception {
                        Path store = Path.of(args[0]);
                        SimulatedClock clock = SimulatedClock.at(Instant.parse("2015-01-01T00:00:00Z"));
                        try (Lifecycle lifecycle = Lifecycle.builder().clock(clock).store(store).build()) {
                            clock.drive(lifecycle);
                            Pipeline<Integer, Path> training = Pipeline.start("double", Integer.class)
                                    .then("fit", Path.class, (factor, run) -> Files.writeString(
                                            Files.createDirectories(Path.of(args[1])).resolve(run.runId() + ".txt"),
                                            Integer.toString(factor)))
                                    .runSlo(Slo.ratio("training.succeeds").objective(0.9).build())
                                    .build();
                            RunResult<Path> run = lifecycle.run(training, "train-1", 2);
                            ModelVersion v1 = lifecycle.registry().register(NewModelVersion.of("double")
                                    .file("factor.txt", run.outputOrThrow()).idempotencyKey("train-1").build());
                            int factor = Integer.parseInt(Files.readString(
                                    lifecycle.registry().load(v1.ref()).file("factor.txt")));
                            GuardedModel<Integer, Integer> service = lifecycle.serving("double", Integer.class,
                                    Integer.class).version(v1.ref().toString(), x -> x * factor).fallback(x -> 0).build();
                            System.out.println("predicted " + service.predict("r1", "user-1", 21) + " with " + v1.ref());
                            clock.advance(Duration.ofMinutes(5));
                        }
                        try (Lifecycle again = Lifecycle.builder().store(store).build()) {
                            System.out.println("versions " + again.registry().versionNumbers("double"));
                        }
                        try {
                            Class<?> internal = Class.forName(args[2]);
                            internal.getDeclaredConstructors()[0].newInstance();
                            System.out.println("internal class reachable");
                        } catch (IllegalAccessException expected) {
                            System.out.println("internal class hidden: " + expected.getMessage());
                        }
                    }
                }
                """);
        Path classes = dir.resolve("consumer-classes");
        String compiled = javac(src, classes, modulePath(List.of(BASE + ".core")));
        assertThat(compiled).as("javac output").isEmpty();

        List<Path> path = new ArrayList<>(modulePath(List.of(BASE + ".core")));
        path.add(classes);
        String output = runConsumer(path, dir.resolve("store").toString(), dir.resolve("work").toString(),
                INTERNAL_CLASS);
        assertThat(output).contains("predicted 42 with double@1", "versions [1]", "internal class hidden: ",
                "module " + BASE + ".core does not export " + BASE + ".core.slo.internal to module consumer");
    }

    @Test
    void aConsumerModuleOpensAPostgresStoreOnTheModulePathAndFlywayFindsTheMigrations() throws Exception {
        // Needs a real PostgreSQL: skipped without one, a failure under CI=true (PostgresExtension.server()).
        String url = PostgresExtension.server().newDatabase();
        Path src = write("postgres-consumer", """
                module consumer {
                    requires io.github.mlhighway.lifecycle.core;
                }
                """, """
                package consumer;

                import io.github.mlhighway.lifecycle.core.store.Stores;
                import io.github.mlhighway.lifecycle.store.Store;

                public final class Main {
                    public static void main(String[] args) {
                        try (Store store = Stores.open(args[0])) {
                            store.write("notes", "first", "{\\"n\\":1}", Store.MUST_NOT_EXIST);
                            System.out.println("store " + store.getClass().getName() + " in "
                                    + store.getClass().getModule().getName());
                            System.out.println("read " + store.read("notes", "first").orElseThrow().json());
                        }
                    }
                }
                """);
        List<String> roots = List.of(BASE + ".core");
        Path classes = dir.resolve("postgres-consumer-classes");
        assertThat(javac(src, classes, modulePath(roots))).as("javac output").isEmpty();

        // What a build tool puts on the module path for an application that depends on lifecycle-jdbc: the jdbc
        // module and what it requires, and Flyway's PostgreSQL plugin, which nothing requires (Flyway finds it
        // as a service). The consumer itself requires only the core: the store is found through `provides`.
        List<Path> path = new ArrayList<>(modulePath(List.of(BASE + ".core", BASE + ".jdbc",
                "flyway.database.postgresql")));
        path.add(classes);
        String output = runConsumer(path, url);
        assertThat(output).contains("store " + BASE + ".jdbc.PostgresStore in " + BASE + ".jdbc",
                "read {\"n\":1}");
    }

    @Test
    void aConsumerThatImportsAnInternalPackageDoesNotCompile() throws Exception {
        Path src = write("intruder", """
                module intruder {
                    requires io.github.mlhighway.lifecycle.core;
                }
                """, """
                package consumer;

                import io.github.mlhighway.lifecycle.core.slo.internal.BucketRing;

                public final class Main {
                    public static void main(String[] args) {
                        System.out.println(BucketRing.class);
                    }
                }
                """);
        String compiled = javac(src, dir.resolve("intruder-classes"), modulePath(List.of(BASE + ".core")));
        assertThat(compiled).contains("package " + BASE + ".core.slo.internal is not visible",
                "(package " + BASE + ".core.slo.internal is declared in module " + BASE
                        + ".core, which does not export it)");
    }

    /** Runs {@code consumer/consumer.Main} on the module path; returns what it printed, once it ended with 0. */
    private static String runConsumer(List<Path> modulePath, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaLauncher(), "--module-path", join(modulePath),
                "--module", "consumer/consumer.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        process.getInputStream().transferTo(out);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the consumer ends").isTrue();
        String output = out.toString(StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** The consumer's module-info and its Main class. */
    private Path write(String name, String moduleInfo, String main) throws IOException {
        Path src = dir.resolve(name + "-src");
        Files.createDirectories(src.resolve("consumer"));
        Files.writeString(src.resolve("module-info.java"), moduleInfo);
        Files.writeString(src.resolve("consumer/Main.java"), main);
        return src;
    }

    /** Compiles a module; returns what javac printed (empty on success without warnings). */
    private static String javac(Path src, Path out, List<Path> modulePath) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        // An in-process javac would default its class path to this JVM's, where the library's classes are too.
        Path noClassPath = Files.createDirectories(out.resolveSibling(out.getFileName() + "-no-class-path"));
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--module-path", join(modulePath),
                "--class-path", noClassPath.toString(), "-Xlint:-requires-automatic"));
        try (var files = Files.walk(src)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        StringWriter printed = new StringWriter();
        javac.run(null, new PrintWriterStream(printed), new PrintWriterStream(printed), args.toArray(String[]::new));
        return printed.toString();
    }

    /** The named modules and everything they require (not statically), as found on the classpath. */
    private static List<Path> modulePath(List<String> roots) {
        Set<Path> path = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (!seen.add(name)) {
                continue;
            }
            Path location = modules.get(name);
            if (location == null) {
                continue;   // a JDK module
            }
            path.add(location);
            ModuleDescriptor descriptor = ModuleFinder.of(location).find(name).orElseThrow().descriptor();
            for (ModuleDescriptor.Requires r : descriptor.requires()) {
                if (!r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)) {
                    pending.add(r.name());
                }
            }
            if (descriptor.isAutomatic()) {
                // an automatic module declares nothing: take the explicit modules its jar's classes need
                automaticNeeds(name).ifPresent(pending::add);
            }
        }
        return new ArrayList<>(path);
    }

    /** DataSketches (an automatic module) reads its memory library, an explicit module nobody else requires. */
    private static Optional<String> automaticNeeds(String name) {
        return name.equals("datasketches.java") ? Optional.of("org.apache.datasketches.memory") : Optional.empty();
    }

    private static List<String> testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        String path = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        return List.of(path.split(File.pathSeparator));
    }

    private static String join(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static String javaLauncher() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A writer that javac can print to. */
    private static final class PrintWriterStream extends java.io.OutputStream {
        private final PrintWriter target;

        PrintWriterStream(StringWriter target) {
            this.target = new PrintWriter(target, true);
        }

        @Override
        public void write(int b) {
            target.write(b);
            target.flush();
        }
    }
}
