import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Counts the public top-level types a module shows its users, from its compiled classes and module descriptor.
 *
 * <p>Run it on compiled modules (after {@code mvn -o -q compile}), from the repository root:
 * <pre>
 * java tools/ExportedTypes.java lifecycle-api lifecycle-core lifecycle-djl lifecycle-testkit lifecycle-jdbc lifecycle-cli
 * </pre>
 * For each module directory it reads {@code target/classes}: with a {@code module-info.class}, a type counts as
 * exported when it is public, top-level and in a package the descriptor exports to everyone; qualified exports
 * (to named modules of ours) are counted apart. Without a descriptor (a plain classpath jar) every package counts as
 * exported, as it is for a classpath user ({@code --classpath} ignores the descriptors to count that view).
 * {@code --packages} also lists the count per package.
 */
public final class ExportedTypes {

    private static final int ACC_PUBLIC = 0x0001;

    private ExportedTypes() {
    }

    public static void main(String[] args) throws IOException {
        boolean perPackage = false;
        boolean classpath = false;
        List<Path> modules = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--packages")) {
                perPackage = true;
            } else if (arg.equals("--classpath")) {
                classpath = true;
            } else {
                modules.add(Path.of(arg));
            }
        }
        if (modules.isEmpty()) {
            System.err.println("usage: java tools/ExportedTypes.java [--packages] [--classpath] MODULE_DIR...");
            System.exit(2);
        }
        System.out.printf("%-28s %-40s %8s %10s %9s %9s%n", "module", "name", "exported", "qualified", "hidden",
                "public");
        int total = 0;
        for (Path module : modules) {
            Path classes = module.resolve("target/classes");
            if (!Files.isDirectory(classes)) {
                throw new IllegalArgumentException("No compiled classes in " + classes + ": run mvn -o -q compile");
            }
            Map<String, Integer> publicTypes = publicTopLevelTypesByPackage(classes);
            ModuleDescriptor descriptor = !classpath && Files.exists(classes.resolve("module-info.class"))
                    ? ModuleFinder.of(classes).findAll().stream().findFirst().map(ModuleReference::descriptor)
                            .orElseThrow()
                    : null;
            Set<String> exported = new TreeSet<>();
            Set<String> qualified = new TreeSet<>();
            if (descriptor == null) {
                exported.addAll(publicTypes.keySet());
            } else {
                for (ModuleDescriptor.Exports e : descriptor.exports()) {
                    (e.isQualified() ? qualified : exported).add(e.source());
                }
            }
            int ex = 0;
            int q = 0;
            int all = 0;
            for (Map.Entry<String, Integer> p : publicTypes.entrySet()) {
                all += p.getValue();
                if (exported.contains(p.getKey())) {
                    ex += p.getValue();
                } else if (qualified.contains(p.getKey())) {
                    q += p.getValue();
                }
            }
            total += ex;
            System.out.printf("%-28s %-40s %8d %10d %9d %9d%n", module.getFileName(),
                    descriptor == null ? "(no module-info)" : descriptor.name(), ex, q, all - ex - q, all);
            if (perPackage) {
                for (Map.Entry<String, Integer> p : publicTypes.entrySet()) {
                    String state = exported.contains(p.getKey()) ? "exported"
                            : qualified.contains(p.getKey()) ? "qualified" : "hidden";
                    System.out.printf("    %-64s %-9s %4d%n", p.getKey(), state, p.getValue());
                }
            }
        }
        System.out.printf("%-28s %-40s %8d%n", "total", "", total);
    }

    /** Public top-level types per package (nested types, package-info and module-info left out). */
    private static Map<String, Integer> publicTopLevelTypesByPackage(Path classes) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList());
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.contains("$") || name.equals("module-info.class") || name.equals("package-info.class")) {
                continue;
            }
            String pkg = classes.relativize(file.getParent()).toString().replace(file.getFileSystem()
                    .getSeparator(), ".");
            counts.merge(pkg, 0, Integer::sum);
            if ((accessFlags(file) & ACC_PUBLIC) != 0) {
                counts.merge(pkg, 1, Integer::sum);
            }
        }
        counts.values().removeIf(c -> c == 0);
        return counts;
    }

    /** The class's access flags: the u2 after the constant pool (JVMS 4.1). */
    private static int accessFlags(Path classFile) throws IOException {
        try (InputStream raw = Files.newInputStream(classFile); DataInputStream in = new DataInputStream(raw)) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException("Not a class file: " + classFile);
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> in.skipBytes(in.readUnsignedShort());          // Utf8
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);     // Integer, Float, refs, NameAndType, dynamic
                    case 5, 6 -> {                                           // Long, Double take two slots
                        in.skipBytes(8);
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> in.skipBytes(2);                // Class, String, MethodType, Module, Package
                    case 15 -> in.skipBytes(3);                              // MethodHandle
                    default -> throw new IOException("Unknown constant pool tag " + tag + " in " + classFile);
                }
            }
            return in.readUnsignedShort();
        }
    }
}
