package se.lagesbild.instrument;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.ReaderException;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates an instrument definition file (YAML, documented in docs/instruments.md). The only
 * place that knows the file format. Every problem is reported with the file, the line and the field, so a
 * broken file can be mended without guessing.
 */
public final class InstrumentFileParser {

    private static final Pattern INSTRUMENT_CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern PART_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final Pattern ITEM_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]*");
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final Pattern ROLE_CODE = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Set<String> TOP_FIELDS = Set.of("code", "version", "title", "titleEn", "kind", "respondents",
            "source", "respondentRoles", "scale", "dontKnowLabel", "dontKnowLabelEn", "commentPrompt", "commentPromptEn",
            "reflectionPrompts", "parts");

    private InstrumentFileParser() {
    }

    public static InstrumentDefinition parse(String source, String text) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new InstrumentDefinitionException(source + ", line " + line + ": not valid YAML: " + e.getProblem());
        } catch (ReaderException e) {
            // A character YAML does not allow, such as a control character pasted from a word processor.
            throw new InstrumentDefinitionException(source + ", line " + lineAt(text, e.getPosition())
                    + ": not valid YAML: the character U+" + String.format("%04X", e.getCodePoint()) + " is not allowed");
        } catch (YAMLException e) {
            throw new InstrumentDefinitionException(source + ": not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new InstrumentDefinitionException(source + ": the file is empty");
        }
        return new Reading(source).definition(root);
    }

    public static InstrumentDefinition parse(String source, Reader reader) {
        StringWriter text = new StringWriter();
        try {
            reader.transferTo(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
        return parse(source, text.toString());
    }

    /** The 1-based line of the character at a code point index, as SnakeYAML counts positions. */
    private static int lineAt(String text, int codePointIndex) {
        int index = text.offsetByCodePoints(0, Math.min(codePointIndex, text.codePointCount(0, text.length())));
        return 1 + (int) LINE_BREAK.matcher(text.substring(0, index)).results().count();
    }

    /** One pass over one file; knows the file's name for its messages. */
    private record Reading(String source) {

        InstrumentDefinition definition(Node root) {
            Map<String, Node> fields = mapping(root, "(top level)", TOP_FIELDS);
            String code = string(fields, root, "code");
            if (!INSTRUMENT_CODE.matcher(code).matches()) {
                throw fail(fields.get("code"), "code", "'" + code + "' must be lower-case letters, digits and dashes");
            }
            int version = integer(fields, root, "version");
            if (version < 1) {
                throw fail(fields.get("version"), "version", "must be 1 or more");
            }
            String kind = oneOf(fields, root, "kind", InstrumentDefinition.KINDS);
            String respondents = fields.containsKey("respondents")
                    ? oneOf(fields, root, "respondents", InstrumentDefinition.RESPONDENT_MODES) : "single";
            List<InstrumentDefinition.Part> parts = parts(fields, root);
            if ("staircase".equals(kind) && parts.stream().mapToInt(part -> part.items().size()).sum() != 1) {
                throw fail(fields.get("parts"), "parts", "a staircase has exactly one item (the placement on the staircase)");
            }
            return new InstrumentDefinition(code, version, string(fields, root, "title"), optionalString(fields, "titleEn"),
                    kind, respondents, optionalString(fields, "source"), respondentRoles(fields), scale(fields, root),
                    optionalString(fields, "dontKnowLabel"), optionalString(fields, "dontKnowLabelEn"),
                    optionalString(fields, "commentPrompt"), optionalString(fields, "commentPromptEn"),
                    reflectionPrompts(fields), parts);
        }

        List<InstrumentDefinition.RespondentRole> respondentRoles(Map<String, Node> fields) {
            if (!fields.containsKey("respondentRoles")) {
                return List.of();
            }
            List<InstrumentDefinition.RespondentRole> roles = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            List<Node> nodes = sequence(fields, null, "respondentRoles");
            for (int i = 0; i < nodes.size(); i++) {
                String path = "respondentRoles[" + i + "]";
                Map<String, Node> role = mapping(nodes.get(i), path, Set.of("code", "label", "labelEn"));
                String roleCode = string(role, nodes.get(i), path, "code");
                if (!ROLE_CODE.matcher(roleCode).matches() || !seen.add(roleCode)) {
                    throw fail(role.get("code"), path + ".code", "'" + roleCode + "' must be unique and made of lower-case letters, digits and dashes");
                }
                roles.add(new InstrumentDefinition.RespondentRole(roleCode, string(role, nodes.get(i), path, "label"),
                        optionalString(role, path, "labelEn")));
            }
            return roles;
        }

        List<InstrumentDefinition.ReflectionPrompt> reflectionPrompts(Map<String, Node> fields) {
            if (!fields.containsKey("reflectionPrompts")) {
                return List.of();
            }
            List<InstrumentDefinition.ReflectionPrompt> prompts = new ArrayList<>();
            List<Node> nodes = sequence(fields, null, "reflectionPrompts");
            for (int i = 0; i < nodes.size(); i++) {
                String path = "reflectionPrompts[" + i + "]";
                Map<String, Node> prompt = mapping(nodes.get(i), path, Set.of("text", "textEn"));
                prompts.add(new InstrumentDefinition.ReflectionPrompt(string(prompt, nodes.get(i), path, "text"),
                        optionalString(prompt, path, "textEn")));
            }
            return prompts;
        }

        List<InstrumentDefinition.ScaleStep> scale(Map<String, Node> fields, Node owner) {
            List<InstrumentDefinition.ScaleStep> steps = new ArrayList<>();
            Set<Integer> seen = new HashSet<>();
            List<Node> nodes = sequence(fields, owner, "scale");
            for (int i = 0; i < nodes.size(); i++) {
                String path = "scale[" + i + "]";
                Map<String, Node> step = mapping(nodes.get(i), path, Set.of("value", "label", "labelEn", "description", "descriptionEn"));
                int value = integer(step, nodes.get(i), path, "value");
                if (!seen.add(value)) {
                    throw fail(step.get("value"), path + ".value", "the value " + value + " appears twice on the scale");
                }
                steps.add(new InstrumentDefinition.ScaleStep(value, string(step, nodes.get(i), path, "label"),
                        optionalString(step, path, "labelEn"), optionalString(step, path, "description"),
                        optionalString(step, path, "descriptionEn")));
            }
            return List.copyOf(steps);
        }

        List<InstrumentDefinition.Part> parts(Map<String, Node> fields, Node owner) {
            List<InstrumentDefinition.Part> parts = new ArrayList<>();
            Set<String> partCodes = new HashSet<>();
            Set<String> itemCodes = new HashSet<>();
            List<Node> nodes = sequence(fields, owner, "parts");
            for (int p = 0; p < nodes.size(); p++) {
                String path = "parts[" + p + "]";
                Map<String, Node> part = mapping(nodes.get(p), path, Set.of("code", "title", "titleEn", "items"));
                String partCode = string(part, nodes.get(p), path, "code");
                if (!PART_CODE.matcher(partCode).matches() || !partCodes.add(partCode)) {
                    throw fail(part.get("code"), path + ".code", "'" + partCode + "' must be unique and made of letters, digits, - and _");
                }
                List<InstrumentDefinition.Item> items = new ArrayList<>();
                List<Node> itemNodes = sequence(part, nodes.get(p), path, "items");
                for (int i = 0; i < itemNodes.size(); i++) {
                    String itemPath = path + ".items[" + i + "]";
                    Map<String, Node> item = mapping(itemNodes.get(i), itemPath, Set.of("code", "text", "textEn"));
                    String itemCode = string(item, itemNodes.get(i), itemPath, "code");
                    if (!ITEM_CODE.matcher(itemCode).matches()) {
                        throw fail(item.get("code"), itemPath + ".code", "'" + itemCode + "' must be upper-case letters, digits and dashes");
                    }
                    if (!itemCodes.add(itemCode)) {
                        throw fail(item.get("code"), itemPath + ".code", "the item code " + itemCode + " appears twice");
                    }
                    items.add(new InstrumentDefinition.Item(itemCode, string(item, itemNodes.get(i), itemPath, "text"),
                            optionalString(item, itemPath, "textEn")));
                }
                parts.add(new InstrumentDefinition.Part(partCode, string(part, nodes.get(p), path, "title"),
                        optionalString(part, path, "titleEn"), List.copyOf(items)));
            }
            return List.copyOf(parts);
        }

        Map<String, Node> mapping(Node node, String path, Set<String> allowed) {
            if (!(node instanceof MappingNode map)) {
                throw fail(node, path, "expected a mapping of fields");
            }
            Map<String, Node> fields = new LinkedHashMap<>();
            for (NodeTuple tuple : map.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "?";
                String fieldPath = path.startsWith("(") ? key : path + "." + key;
                if (!allowed.contains(key)) {
                    throw fail(tuple.getKeyNode(), fieldPath, "unknown field; allowed here: " + String.join(", ", allowed.stream().sorted().toList()));
                }
                if (fields.put(key, tuple.getValueNode()) != null) {
                    throw fail(tuple.getKeyNode(), fieldPath, "appears twice");
                }
            }
            return fields;
        }

        String string(Map<String, Node> fields, Node owner, String name) {
            return string(fields, owner, "", name);
        }

        String string(Map<String, Node> fields, Node owner, String path, String name) {
            String field = join(path, name);
            Node node = required(fields, owner, field, name);
            if (!(node instanceof ScalarNode scalar) || isEmpty(scalar)) {
                throw fail(node, field, "must be a non-empty text");
            }
            return scalar.getValue().strip();
        }

        String optionalString(Map<String, Node> fields, String name) {
            return optionalString(fields, "", name);
        }

        String optionalString(Map<String, Node> fields, String path, String name) {
            Node node = fields.get(name);
            if (node == null) {
                return null;
            }
            if (!(node instanceof ScalarNode scalar) || isEmpty(scalar)) {
                throw fail(node, join(path, name), "must be a non-empty text when given");
            }
            return scalar.getValue().strip();
        }

        int integer(Map<String, Node> fields, Node owner, String name) {
            return integer(fields, owner, "", name);
        }

        int integer(Map<String, Node> fields, Node owner, String path, String name) {
            String field = join(path, name);
            Node node = required(fields, owner, field, name);
            try {
                return Integer.parseInt(((ScalarNode) node).getValue().strip());
            } catch (ClassCastException | NumberFormatException e) {
                throw fail(node, field, "must be a whole number");
            }
        }

        String oneOf(Map<String, Node> fields, Node owner, String name, Set<String> allowed) {
            String value = string(fields, owner, name);
            if (!allowed.contains(value)) {
                throw fail(fields.get(name), name, "'" + value + "' is not one of " + String.join(", ", allowed.stream().sorted().toList()));
            }
            return value;
        }

        List<Node> sequence(Map<String, Node> fields, Node owner, String name) {
            return sequence(fields, owner, "", name);
        }

        List<Node> sequence(Map<String, Node> fields, Node owner, String path, String name) {
            String field = join(path, name);
            Node node = required(fields, owner, field, name);
            if (!(node instanceof SequenceNode list) || list.getValue().isEmpty()) {
                throw fail(node, field, "must be a non-empty list");
            }
            return list.getValue();
        }

        Node required(Map<String, Node> fields, Node owner, String field, String name) {
            Node node = fields.get(name);
            if (node == null) {
                throw fail(owner, field, "is missing");
            }
            return node;
        }

        InstrumentDefinitionException fail(Node node, String field, String problem) {
            return new InstrumentDefinitionException(source, node.getStartMark().getLine() + 1, field, problem);
        }

        /** Blank, or a YAML null ({@code null}, {@code ~}): not a text, though the node holds the characters. */
        static boolean isEmpty(ScalarNode scalar) {
            return scalar.getValue().isBlank() || Tag.NULL.equals(scalar.getTag());
        }

        static String join(String path, String name) {
            return path.isEmpty() ? name : path + "." + name;
        }
    }
}
