package io.github.mlhighway.lifecycle.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version shown by {@code --version}: the Maven project version, filtered into a resource at build time. */
final class VersionProvider implements IVersionProvider {

    /**
     * The version lines.
     *
     * @return {@code lifecycle <version>} and the Java runtime
     */
    @Override
    public String[] getVersion() {
        return new String[] {"lifecycle " + version(), "Java " + System.getProperty("java.version")};
    }

    /**
     * The Lifecycle version.
     *
     * @return e.g. {@code 0.1.0-SNAPSHOT}, or {@code dev} when the resource is missing
     */
    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "dev");
            return version.contains("${") ? "dev" : version;
        } catch (IOException e) {
            return "dev";
        }
    }
}
