package io.github.mlhighway.lifecycle.core.slo.openslo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A YAML node with its path, reading typed values and reporting what it finds wrong. */
final class SpecNode {

    private final JsonNode value;
    private final String path;
    private final ProblemCollector problems;

    SpecNode(@Nullable JsonNode value, String path, ProblemCollector problems) {
        this.value = value == null ? MissingNode.getInstance() : value;
        this.path = path;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    JsonNode value() {
        return value;
    }

    ProblemCollector problems() {
        return problems;
    }

    boolean isPresent() {
        return !value.isMissingNode() && !value.isNull();
    }

    SpecNode field(String name) {
        JsonNode child = value.isObject() ? value.get(name) : null;
        return new SpecNode(child, path.isEmpty() ? name : path + "." + name, problems);
    }

    void problem(String message) {
        problems.problem(path, message);
    }

    void warning(String message) {
        problems.warning(path, message);
    }

    /** Whether this is a mapping; reports a problem when it is present but something else. */
    boolean isObject(String expected) {
        if (!isPresent()) {
            return false;
        }
        if (!value.isObject()) {
            problem("found " + describe(value) + ", expected " + expected);
            return false;
        }
        return true;
    }

    /** Reports a problem unless this is a mapping. */
    boolean requireObject(String expected) {
        if (!isPresent()) {
            problem("missing, expected " + expected);
            return false;
        }
        return isObject(expected);
    }

    void allowOnly(Collection<String> names) {
        if (!value.isObject()) {
            return;
        }
        Iterator<String> fields = value.fieldNames();
        while (fields.hasNext()) {
            String name = fields.next();
            if (!names.contains(name)) {
                field(name).problem("unknown field '" + name + "', expected one of " + names);
            }
        }
    }

    @Nullable String text(String expected) {
        if (!isPresent()) {
            return null;
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        problem("found " + describe(value) + ", expected " + expected);
        return null;
    }

    @Nullable String requiredText(String expected) {
        if (!isPresent()) {
            problem("missing, expected " + expected);
            return null;
        }
        String text = text(expected);
        if (text != null && text.isBlank()) {
            problem("found an empty value, expected " + expected);
            return null;
        }
        return text;
    }

    @Nullable Double number(String expected) {
        if (!isPresent()) {
            return null;
        }
        if (value.isNumber() && !Double.isFinite(value.doubleValue())) {
            problem("found " + describe(value) + ", expected " + expected + " (a finite number)");
            return null;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        problem("found " + describe(value) + ", expected " + expected);
        return null;
    }

    @Nullable Integer integer(String expected) {
        if (!isPresent()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        problem("found " + describe(value) + ", expected " + expected);
        return null;
    }

    @Nullable Boolean bool(String expected) {
        if (!isPresent()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        problem("found " + describe(value) + ", expected " + expected);
        return null;
    }

    /** The elements of a list; absent or null is an empty list, anything else a problem. */
    List<SpecNode> elements(String expected) {
        List<SpecNode> elements = new ArrayList<>();
        if (!isPresent()) {
            return elements;
        }
        if (!value.isArray()) {
            problem("found " + describe(value) + ", expected " + expected);
            return elements;
        }
        for (int i = 0; i < value.size(); i++) {
            elements.add(new SpecNode(value.get(i), path + "[" + i + "]", problems));
        }
        return elements;
    }

    static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isTextual()) {
            return quote(node.asText());
        }
        if (node.isNull() || node.isMissingNode()) {
            return "nothing";
        }
        return quote(node.asText().toLowerCase(Locale.ROOT)).replace("'", "");
    }

    /** The longest text echoed in a message; longer text is cut, saying how long it was. */
    static final int MAX_ECHO = 100;

    /**
     * Text as a message echoes it: in single quotes, control characters escaped ({@code \n}, {@code \u0000}),
     * cut after {@value #MAX_ECHO} characters with its length said.
     */
    static String quote(@Nullable String text) {
        if (text == null) {
            return "nothing";
        }
        StringBuilder quoted = new StringBuilder("'");
        int end = Math.min(text.length(), MAX_ECHO);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        quoted.append('\'');
        if (text.length() > MAX_ECHO) {
            quoted.append("... (").append(text.length()).append(" characters)");
        }
        return quoted.toString();
    }
}
