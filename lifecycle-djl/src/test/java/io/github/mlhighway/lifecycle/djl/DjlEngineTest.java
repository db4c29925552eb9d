package io.github.mlhighway.lifecycle.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DjlEngineTest {

    @Test
    void the_offline_pytorch_engine_loads_and_computes() {
        Engine engine = DjlEngine.requireOfflinePyTorch();

        assertThat(engine.getEngineName()).isEqualTo("PyTorch");
        assertThat(System.getProperty(DjlEngine.OFFLINE_PROPERTY)).isEqualTo("true");
        try (NDManager manager = engine.newBaseManager()) {
            NDArray a = manager.create(new float[] {1f, 2f, 3f});
            assertThat(a.mul(2).sum().getFloat()).isEqualTo(12f);
        }
    }

    @Test
    void the_native_library_is_found_on_the_classpath() {
        assertThat(DjlEngine.requireNativeLibrary()).startsWith("2.7.1").contains("cpu");
    }

    @Test
    void an_unwritable_cache_directory_is_a_clear_error(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");

        assertThatThrownBy(() -> DjlEngine.requireWritable(file.resolve("pytorch")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not writable")
                .hasMessageContaining("ENGINE_CACHE_DIR");
    }
}
