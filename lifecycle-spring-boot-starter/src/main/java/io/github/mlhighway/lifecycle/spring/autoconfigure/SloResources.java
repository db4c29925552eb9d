package io.github.mlhighway.lifecycle.spring.autoconfigure;

import io.github.mlhighway.lifecycle.core.slo.openslo.OpenSloConverter;
import io.github.mlhighway.lifecycle.core.slo.openslo.OpenSloFile;
import io.github.mlhighway.lifecycle.core.slo.openslo.OpenSloReader;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.slo.SloSpecException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Reads the OpenSLO files that {@code lifecycle.slos} names (Spring resource locations and patterns, so
 * {@code classpath:} files inside a jar work) with core's {@link OpenSloReader} and {@link OpenSloConverter}.
 */
final class SloResources {

    static final String PROPERTY = "lifecycle.slos";
    private static final String NOTHING_THERE = "no readable OpenSLO file found there (expected e.g. "
            + "classpath:slo/*.yaml)";

    private SloResources() {
    }

    /**
     * Reads and converts every file of every location, all together (so references across files resolve).
     *
     * @param locations the configured locations
     * @param resolver  the application's resource resolver
     * @return the SLOs, in file order
     * @throws LifecycleConfigurationException naming {@value #PROPERTY} when a location matches no file, a file
     *                                         cannot be read, or a spec is invalid (every problem listed)
     */
    static List<Slo> load(List<String> locations, ResourcePatternResolver resolver) {
        OpenSloReader reader = new OpenSloReader();
        List<OpenSloFile> files = new ArrayList<>();
        List<SloSpecException.Problem> problems = new ArrayList<>();
        for (int i = 0; i < locations.size(); i++) {
            String location = locations.get(i).trim();
            for (Resource resource : resolve(location, i, resolver)) {
                try {
                    files.add(reader.read(read(resource, location, i), resource.getDescription()));
                } catch (SloSpecException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(locations, new SloSpecException(problems));
        }
        if (files.isEmpty()) {
            return List.of();
        }
        try {
            return new OpenSloConverter().convert(files).slos();
        } catch (SloSpecException e) {
            throw invalid(locations, e);
        }
    }

    private static Resource[] resolve(String location, int index, ResourcePatternResolver resolver) {
        Resource[] resources;
        try {
            resources = resolver.getResources(location);
        } catch (java.io.FileNotFoundException e) {
            throw new LifecycleConfigurationException(property(index), location, NOTHING_THERE + " (" + e.getMessage()
                    + ")", e);
        } catch (IOException | RuntimeException e) {
            throw new LifecycleConfigurationException(property(index), location, "cannot list the files it names: "
                    + e.getMessage(), e);
        }
        List<Resource> existing = new ArrayList<>();
        for (Resource resource : resources) {
            if (resource.exists() && resource.isReadable()) {
                existing.add(resource);
            } else if (resource.exists()) {
                throw new LifecycleConfigurationException(property(index), location, resource.getDescription()
                        + " is not readable", null);
            }
        }
        if (existing.isEmpty()) {
            throw new LifecycleConfigurationException(property(index), location, NOTHING_THERE, null);
        }
        return existing.toArray(Resource[]::new);
    }

    private static String read(Resource resource, String location, int index) {
        try (InputStream in = resource.getInputStream()) {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(in.readAllBytes())).toString();
        } catch (CharacterCodingException e) {
            throw new LifecycleConfigurationException(property(index), location, resource.getDescription()
                    + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw new LifecycleConfigurationException(property(index), location, "cannot read "
                    + resource.getDescription() + ": " + e.getMessage(), e);
        }
    }

    private static LifecycleConfigurationException invalid(List<String> locations, SloSpecException e) {
        String problems = e.problems().stream().map(SloResources::describe).collect(Collectors.joining("; "));
        return new LifecycleConfigurationException(PROPERTY, String.join(",", locations), "invalid OpenSLO: "
                + problems, e);
    }

    private static String describe(SloSpecException.Problem problem) {
        return problem.toString();
    }

    private static String property(int index) {
        return PROPERTY + "[" + index + "]";
    }
}
