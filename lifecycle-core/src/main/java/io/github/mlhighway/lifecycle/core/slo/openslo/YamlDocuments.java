package io.github.mlhighway.lifecycle.core.slo.openslo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mlhighway.lifecycle.slo.SloSpecException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Splits YAML text into documents and reads each into a tree, remembering the line of every path.
 *
 * <p>Built on SnakeYAML's node graph (not Jackson's token stream, which reads an alias as the anchor's name):
 * <ul>
 *   <li>Aliases ({@code *name}) are resolved to a copy of the anchored node. The copies are bounded: at most
 *       {@value #MAX_ALIASES_FOR_COLLECTIONS} aliases of mappings or lists per file and at most {@value
 *       #MAX_ALIAS_NODES} nodes added by aliases in all, so a "billion laughs" file is refused, not expanded;
 *       a recursive alias is refused. Merge keys ({@code <<}) are refused.</li>
 *   <li>Plain scalars are typed as YAML 1.2's core schema types them: {@code true}/{@code false} (not
 *       {@code yes}/{@code no}), decimal, {@code 0x} and {@code 0o} integers, decimal floats, {@code .inf} and
 *       {@code .nan}; quoted scalars and {@code !!str} are text.</li>
 *   <li>Limits, checked before the tree is built: at most {@value #MAX_CHARS} characters, nesting at most
 *       {@value #MAX_DEPTH} deep, and no run of non-blank characters longer than {@value #MAX_WORD} (SnakeYAML
 *       scans a long unbroken scalar in quadratic time; with this bound parsing stays linear in the size).</li>
 *   <li>A document whose root is a list is read as one document per element, as the OpenSLO SDK reads it.</li>
 * </ul>
 */
final class YamlDocuments {

    /** The most characters a YAML text may have. */
    static final int MAX_CHARS = 4 * 1024 * 1024;
    /** The longest run of non-blank characters (a word) a YAML text may have. */
    static final int MAX_WORD = 64 * 1024;
    /** The deepest nesting of mappings and lists. */
    static final int MAX_DEPTH = 64;
    /** The most aliases of mappings or lists in one text. */
    static final int MAX_ALIASES_FOR_COLLECTIONS = 1000;
    /** The most nodes aliases may add to the trees of one text. */
    static final int MAX_ALIAS_NODES = 10_000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern OCTAL = Pattern.compile("0o[0-7]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern INFINITY = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
    private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");

    /**
     * One document: its tree and the line of each path in it.
     *
     * @param root  the tree
     * @param lines the line (from 1) of each path
     */
    record Document(JsonNode root, Map<String, Integer> lines) {
    }

    private YamlDocuments() {
    }

    /**
     * Parses the text.
     *
     * @param text   YAML text
     * @param source the name used in problem messages
     * @return the documents in order, empty documents left out
     * @throws SloSpecException naming the line of the first problem that stops reading
     */
    static List<Document> parse(String text, String source) {
        checkSize(text, source);
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CHARS);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setMaxAliasesForCollections(MAX_ALIASES_FOR_COLLECTIONS);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(true);
        Yaml yaml = new Yaml(options);
        List<Document> documents = new ArrayList<>();
        Builder builder = new Builder(source);
        try {
            for (Node root : yaml.composeAll(new StringReader(text))) {
                if (root == null || isNull(root)) {
                    continue;
                }
                if (root instanceof SequenceNode list) {
                    for (Node element : list.getValue()) {
                        documents.add(builder.document(element));
                    }
                } else {
                    documents.add(builder.document(root));
                }
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? source : source + ":" + (mark.getLine() + 1);
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            throw new SloSpecException(where, "(file)",
                    "not valid YAML: " + firstLine(Objects.requireNonNull(problem)) + context);
        } catch (YAMLException e) {
            throw new SloSpecException(source, "(file)",
                    "not valid YAML: " + firstLine(String.valueOf(e.getMessage())));
        }
        return documents;
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Refuses a text too long, or with a word so long that scanning it would take quadratic time. */
    private static void checkSize(String text, String source) {
        if (text.length() > MAX_CHARS) {
            throw new SloSpecException(source, "(file)", "found " + text.length() + " characters, expected at most "
                    + MAX_CHARS + " (" + (MAX_CHARS / 1024 / 1024) + " MiB) in one OpenSLO file");
        }
        int line = 1;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                run = 0;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                run = 0;
            } else if (++run > MAX_WORD) {
                throw new SloSpecException(source + ":" + line, "(file)", "found a word (characters without a space) "
                        + "longer than " + MAX_WORD + " characters, expected shorter values");
            }
        }
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
                && NULL.matcher(scalar.getValue()).matches();
    }

    /** Builds trees from nodes, counting what aliases add. */
    private static final class Builder {

        private final String source;
        private final IdentityHashMap<Node, Boolean> open = new IdentityHashMap<>();
        private final IdentityHashMap<Node, Boolean> seen = new IdentityHashMap<>();
        private int aliasNodes;

        Builder(String source) {
            this.source = source;
        }

        Document document(Node root) {
            Map<String, Integer> lines = new HashMap<>();
            return new Document(build(root, "", lines, false), lines);
        }

        private JsonNode build(Node node, String path, Map<String, Integer> lines, boolean viaAlias) {
            lines.putIfAbsent(path, line(node));
            boolean alias = viaAlias || seen.containsKey(node);
            if (alias && ++aliasNodes > MAX_ALIAS_NODES) {
                throw new SloSpecException(source + ":" + line(node), display(path),
                        "found aliases that expand to more than " + MAX_ALIAS_NODES + " nodes, expected the "
                                + "document written out (a file that expands this much is refused, not expanded)");
            }
            if (!(node instanceof ScalarNode)) {
                if (open.containsKey(node)) {
                    throw new SloSpecException(source + ":" + line(node), display(path),
                            "found a recursive alias (a node that contains itself), expected a finite document");
                }
                seen.put(node, Boolean.TRUE);
                open.put(node, Boolean.TRUE);
            }
            try {
                if (node instanceof MappingNode mapping) {
                    return mapping(mapping, path, lines, alias);
                }
                if (node instanceof SequenceNode sequence) {
                    ArrayNode array = NODES.arrayNode();
                    int index = 0;
                    for (Node element : sequence.getValue()) {
                        array.add(build(element, path + "[" + index++ + "]", lines, alias));
                    }
                    return array;
                }
                return scalar((ScalarNode) node);
            } finally {
                open.remove(node);
            }
        }

        private ObjectNode mapping(MappingNode mapping, String path, Map<String, Integer> lines, boolean alias) {
            ObjectNode object = NODES.objectNode();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                String at = source + ":" + line(keyNode);
                if (!(keyNode instanceof ScalarNode key)) {
                    throw new SloSpecException(at, display(path),
                            "found a mapping or list as a key, expected text keys");
                }
                String name = key.getValue();
                String child = path.isEmpty() ? name : path + "." + name;
                if (key.getTag().equals(Tag.MERGE) && key.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN) {
                    throw new SloSpecException(at, display(child),
                            "found a YAML merge key '<<', expected the fields written "
                            + "out (OpenSLO readers do not merge)");
                }
                if (object.has(name)) {
                    throw new SloSpecException(at, display(child),
                            "found field " + SpecNode.quote(name) + " twice, expected each field "
                            + "once");
                }
                lines.put(child, line(keyNode));
                object.set(name, build(tuple.getValueNode(), child, lines, alias));
            }
            return object;
        }
    }

    /** A scalar typed by the YAML 1.2 core schema (plain scalars only; quoted ones and {@code !!str} are text). */
    static JsonNode scalar(ScalarNode node) {
        String value = node.getValue();
        boolean plain = node.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
        // SnakeYAML tags a plain scalar by YAML 1.1; text that YAML 1.2 would type can only be !!str.
        boolean explicitText = plain && node.getTag().equals(Tag.STR) && typed(value);
        if (!plain || explicitText) {
            return NODES.textNode(value);
        }
        if (NULL.matcher(value).matches()) {
            return NODES.nullNode();
        }
        if (BOOL.matcher(value).matches()) {
            return NODES.booleanNode(value.charAt(0) == 't' || value.charAt(0) == 'T');
        }
        if (INT.matcher(value).matches()) {
            return NODES.numberNode(new BigInteger(value));
        }
        if (HEX.matcher(value).matches()) {
            return NODES.numberNode(new BigInteger(value.substring(2), 16));
        }
        if (OCTAL.matcher(value).matches()) {
            return NODES.numberNode(new BigInteger(value.substring(2), 8));
        }
        if (FLOAT.matcher(value).matches()) {
            double number = Double.parseDouble(value);
            return Double.isFinite(number) ? NODES.numberNode(number) : NODES.numberNode(new BigDecimal(value));
        }
        if (INFINITY.matcher(value).matches()) {
            return NODES.numberNode(value.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        if (NAN.matcher(value).matches()) {
            return NODES.numberNode(Double.NaN);
        }
        return NODES.textNode(value);
    }

    /** Whether the core schema would type a plain scalar as something other than text. */
    private static boolean typed(String value) {
        return NULL.matcher(value).matches() || BOOL.matcher(value).matches() || INT.matcher(value).matches()
                || HEX.matcher(value).matches() || OCTAL.matcher(value).matches() || FLOAT.matcher(value).matches()
                || INFINITY.matcher(value).matches() || NAN.matcher(value).matches();
    }

    /** A path as problems show it: {@code (document)} for the root, {@code ''} for an empty key. */
    private static String display(String path) {
        return path.isEmpty() ? "(document)" : path.endsWith(".") || path.startsWith(".") || path.contains("..")
                ? path.replace("..", ".''.").replaceAll("\\.$", ".''").replaceAll("^\\.", "''.") : path;
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
