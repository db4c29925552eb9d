package io.github.mlhighway.lifecycle.djl;

import ai.djl.engine.Engine;
import ai.djl.util.Utils;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Start-up checks for the offline PyTorch CPU engine.
 *
 * <p>Lifecycle never lets DJL download anything: the PyTorch natives come from the
 * {@code ai.djl.pytorch:pytorch-native-cpu} classifier jar on the classpath, and DJL is run with
 * {@value #OFFLINE_PROPERTY}{@code =true}. DJL still extracts those natives once into its engine cache directory
 * ({@code ENGINE_CACHE_DIR}, else {@code DJL_CACHE_DIR}, else {@code ~/.djl.ai}), which must therefore be
 * writable. {@link #requireOfflinePyTorch()} checks all of this <em>before</em> the engine loads, and turns each
 * failure into an {@link IllegalStateException} that says what is missing and how to fix it.
 *
 * <pre>{@code
 * Engine engine = DjlEngine.requireOfflinePyTorch();
 * }</pre>
 *
 * @since 0.1
 */
public final class DjlEngine {

    /** The DJL engine name this adapter runs on. */
    public static final String ENGINE_NAME = "PyTorch";
    /** The DJL system property that forbids downloads (of natives, models and data). */
    public static final String OFFLINE_PROPERTY = "ai.djl.offline";
    /** The classpath resource that the pytorch-native classifier jar contributes. */
    public static final String NATIVE_PROPERTIES = "native/lib/pytorch.properties";

    private DjlEngine() {
    }

    /**
     * Makes sure DJL runs offline, that the PyTorch natives are on the classpath and that the engine cache
     * directory is writable, then loads the PyTorch engine.
     *
     * <p>If {@value #OFFLINE_PROPERTY} is unset, it is set to {@code true} (a JVM-wide system property; DJL reads it
     * when the engine loads, so call this before anything else touches DJL). If it is set to anything else, this
     * method fails rather than override an explicit choice. Idempotent and safe to call more than once.
     *
     * @return the loaded PyTorch engine
     * @throws IllegalStateException when offline mode is switched off, the natives are missing, the cache directory
     *                               is not writable, or the engine fails to load; the message says how to fix it
     */
    public static Engine requireOfflinePyTorch() {
        requireOfflineMode();
        String nativeVersion = requireNativeLibrary();
        requireWritable(Utils.getEngineCacheDir(ENGINE_NAME.toLowerCase(java.util.Locale.ROOT)));
        try {
            return Engine.getEngine(ENGINE_NAME);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new IllegalStateException("The DJL PyTorch engine failed to load (natives " + nativeVersion
                    + " from the classpath, offline mode). Check that pytorch-jni matches pytorch-native-cpu and"
                    + " that its classifier is this platform's: " + e, e);
        }
    }

    static synchronized void requireOfflineMode() {
        String offline = System.getProperty(OFFLINE_PROPERTY);
        if (offline == null) {
            System.setProperty(OFFLINE_PROPERTY, "true");
        } else if (!Boolean.parseBoolean(offline)) {
            throw new IllegalStateException(OFFLINE_PROPERTY + " is set to '" + offline
                    + "'; Lifecycle never lets DJL download natives or models. Remove the property or set -D"
                    + OFFLINE_PROPERTY + "=true.");
        }
    }

    static String requireNativeLibrary() {
        URL url = DjlEngine.class.getClassLoader().getResource(NATIVE_PROPERTIES);
        if (url == null) {
            throw new IllegalStateException("The PyTorch native library is not on the classpath (no "
                    + NATIVE_PROPERTIES + "). lifecycle-djl leaves the platform to the application: add ai.djl.pytorch:pytorch-native-cpu"
                    + " 2.7.1 (or the pytorch-native-cuXXX build for your CUDA) with your platform's classifier (e.g."
                    + " linux-x86_64, linux-aarch64, osx-aarch64, win-x86_64) in runtime scope; with " + OFFLINE_PROPERTY
                    + "=true DJL will not download it.");
        }
        Properties properties = new Properties();
        try (InputStream in = url.openStream()) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + url + ": " + e.getMessage(), e);
        }
        return properties.getProperty("version", "?") + "-" + properties.getProperty("flavor", "?") + "-"
                + properties.getProperty("classifier", "?");
    }

    static void requireWritable(Path cacheDir) {
        try {
            Files.createDirectories(cacheDir);
            Path probe = Files.createTempFile(cacheDir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new IllegalStateException("The DJL engine cache directory " + cacheDir
                    + " is not writable; DJL extracts the PyTorch natives there. Make it writable, or point the"
                    + " environment variable or system property ENGINE_CACHE_DIR (or DJL_CACHE_DIR) at a writable"
                    + " directory: " + e, e);
        }
    }
}
