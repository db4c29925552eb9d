package io.github.mlhighway.lifecycle.cli;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reading fields that picocli injects. Such a field is null from construction until picocli fills it in while
 * building the command line ({@code @Spec}) or parsing the arguments (a required option or positional parameter);
 * when picocli calls the command it is set, so a null here means the command was run without picocli.
 */
final class Picocli {

    private Picocli() {
    }

    /**
     * The value picocli injected.
     *
     * @param value the field
     * @param what  what it holds, for the message: {@code "@Spec"}, an option or a parameter label
     * @param <T>   its type
     * @return the value
     * @throws NullPointerException when it was not injected
     */
    static <T> T injected(@Nullable T value, String what) {
        return Objects.requireNonNull(value,
                () -> what + " was not set: the command runs through picocli's CommandLine, which sets it");
    }
}
