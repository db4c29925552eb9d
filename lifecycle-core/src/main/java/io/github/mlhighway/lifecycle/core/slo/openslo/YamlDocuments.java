package io.github.mlhighway.lifecycle.core.slo.openslo;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.mlhighway.lifecycle.slo.SloSpecException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits YAML text into documents and reads each into a tree, remembering the line of every path (Jackson's
 * trees forget locations, so the tree is built here from the token stream).
 */
final class YamlDocuments {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One document: its tree and the line of each path in it. */
    record Document(JsonNode root, Map<String, Integer> lines) {
    }

    private YamlDocuments() {
    }

    static List<Document> parse(String text, String source) {
        List<Document> documents = new ArrayList<>();
        try (JsonParser parser = YAML.createParser(text)) {
            while (parser.nextToken() != null) {
                Map<String, Integer> lines = new HashMap<>();
                JsonNode root = read(parser, "", lines);
                if (!root.isNull()) {
                    documents.add(new Document(root, lines));
                }
            }
        } catch (IOException e) {
            String where = source;
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException processing
                    && processing.getLocation() != null) {
                where = source + ":" + processing.getLocation().getLineNr();
            }
            String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException processing
                    ? processing.getOriginalMessage() : e.getMessage();
            throw new SloSpecException(where, "(file)", "not valid YAML: " + message);
        }
        return documents;
    }

    private static JsonNode read(JsonParser parser, String path, Map<String, Integer> lines) throws IOException {
        JsonToken token = parser.currentToken();
        lines.putIfAbsent(path, line(parser.currentTokenLocation()));
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    String child = path.isEmpty() ? name : path + "." + name;
                    int line = line(parser.currentTokenLocation());
                    parser.nextToken();
                    lines.put(child, line);
                    if (object.has(name)) {
                        throw new com.fasterxml.jackson.core.JsonParseException(parser,
                                "duplicate field '" + name + "' at " + child);
                    }
                    object.set(name, read(parser, child, lines));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, path + "[" + index++ + "]", lines));
                }
                return array;
            }
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return NODES.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                return NODES.textNode(parser.getText());
        }
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : location.getLineNr();
    }
}
