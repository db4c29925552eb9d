package io.github.mlhighway.lifecycle.core.slo.openslo;

import io.github.mlhighway.lifecycle.slo.SloSpecException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads OpenSLO files into engine SLOs in one call: reads every file, then converts them together, and reports
 * the problems of all files at once.
 *
 * <pre>{@code
 * OpenSloConversion loaded = OpenSlo.load(List.of(sloFile), ConversionOptions.DEFAULTS);
 * loaded.slos().forEach(lifecycle::slo);   // track every objective of the file
 * }</pre>
 *
 * @since 0.1
 */
public final class OpenSlo {

    private OpenSlo() {
    }

    /**
     * Reads and converts the files with {@link ConversionOptions#DEFAULTS}.
     *
     * @param files OpenSLO YAML files
     * @return the SLOs and warnings
     * @throws SloSpecException listing every problem of every file
     */
    public static OpenSloConversion load(List<Path> files) {
        return load(files, ConversionOptions.DEFAULTS);
    }

    /**
     * Reads and converts the files.
     *
     * @param files   OpenSLO YAML files
     * @param options naming and default alerting
     * @return the SLOs and warnings
     * @throws SloSpecException listing every problem of every file
     * @throws java.io.UncheckedIOException if a file cannot be read
     */
    public static OpenSloConversion load(List<Path> files, ConversionOptions options) {
        OpenSloReader reader = new OpenSloReader();
        List<OpenSloFile> read = new ArrayList<>();
        List<SloSpecException.Problem> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                read.add(reader.read(file));
            } catch (SloSpecException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new SloSpecException(problems);
        }
        return new OpenSloConverter(options).convert(read);
    }
}
