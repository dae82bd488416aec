package org.cowarena.level;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a composed YAML node tree, collecting every problem with its position.
 * Scalars are read as the text written, never as YAML 1.1's resolved types: a page
 * value {@code no} stays "no", a count {@code 012} is refused rather than read as 10.
 */
final class YamlNodes {
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]{0,9})");
    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP,
            Tag.SEQ, Tag.TIMESTAMP);

    private final String source;
    private final List<LevelProblem> problems = new ArrayList<>();

    YamlNodes(String source) {
        this.source = source;
    }

    List<LevelProblem> problems() {
        return problems;
    }

    static Pos pos(Node node) {
        return pos(node.getStartMark());
    }

    static Pos pos(Mark mark) {
        return mark == null ? Pos.UNKNOWN : new Pos(mark.getLine() + 1, mark.getColumn() + 1);
    }

    void problem(Node node, String message) {
        problem(pos(node), message);
    }

    void problem(Pos pos, String message) {
        problems.add(new LevelProblem(source, pos, message));
    }

    /** Refuses explicit tags anywhere in the tree: a level is plain data. */
    void checkTags(Node root) {
        IdentityHashMap<Node, Boolean> seen = new IdentityHashMap<>();
        List<Node> stack = new ArrayList<>(List.of(root));
        while (!stack.isEmpty()) {
            Node node = stack.remove(stack.size() - 1);
            if (seen.put(node, Boolean.TRUE) != null) {
                continue;
            }
            if (!PLAIN_TAGS.contains(node.getTag())) {
                problem(node, "tags such as " + node.getTag().getValue() + " are not allowed in a level");
            }
            if (node instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    stack.add(t.getKeyNode());
                    stack.add(t.getValueNode());
                }
            } else if (node instanceof SequenceNode s) {
                stack.addAll(s.getValue());
            }
        }
    }

    /**
     * A mapping's entries by key, in order. Unknown keys are problems that list the
     * allowed ones; missing required keys are problems at the mapping.
     */
    Map<String, Node> mapping(Node node, String what, List<String> allowed, List<String> required) {
        if (!(node instanceof MappingNode m)) {
            problem(node, what + " must be a mapping (key: value lines)");
            return null;
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                problem(t.getKeyNode(), "a key in " + what + " must be a plain word");
                continue;
            }
            String key = k.getValue();
            if (entries.containsKey(key) || seenKeys(m, k)) {
                problem(k, "duplicate key \"" + key + "\" in " + what);
                continue;
            }
            if (allowed != null && !allowed.contains(key)) {
                problem(k, "unknown key \"" + key + "\" in " + what + " (allowed: " + String.join(", ", allowed)
                        + ")");
                continue;
            }
            entries.put(key, t.getValueNode());
        }
        for (String key : required) {
            if (!entries.containsKey(key) && allowed != null) {
                problem(node, what + " needs \"" + key + "\"");
            }
        }
        return entries;
    }

    /** True when a key before {@code key} in the mapping has the same text (allowed or not). */
    private static boolean seenKeys(MappingNode m, ScalarNode key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() == key) {
                return false;
            }
            if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key.getValue())) {
                return true;
            }
        }
        return false;
    }

    List<Node> sequence(Node node, String what) {
        if (!(node instanceof SequenceNode s)) {
            problem(node, what + " must be a list");
            return null;
        }
        return s.getValue();
    }

    boolean isNull(Node node) {
        return node instanceof ScalarNode s && node.getTag().equals(Tag.NULL)
                && s.getScalarStyle().getChar() == null;
    }

    /** The scalar's text as written; null (with a problem) for a mapping or a list. */
    String text(Node node, String what) {
        if (!(node instanceof ScalarNode s)) {
            problem(node, what + " must be a single value, not a " + (node instanceof MappingNode ? "mapping"
                    : "list"));
            return null;
        }
        return s.getValue();
    }

    String nonEmptyText(Node node, String what) {
        String text = text(node, what);
        if (text != null && text.isBlank()) {
            problem(node, what + " must not be empty");
            return null;
        }
        return text;
    }

    String word(Node node, String what, Pattern pattern, String rule) {
        String text = text(node, what);
        if (text != null && !pattern.matcher(text).matches()) {
            problem(node, what + " \"" + text + "\" is not valid: " + rule);
            return null;
        }
        return text;
    }

    /** A plain decimal integer in [min, max]. */
    OptionalLong integer(Node node, String what, long min, long max) {
        String text = text(node, what);
        if (text == null) {
            return OptionalLong.empty();
        }
        if (!DECIMAL.matcher(text).matches()) {
            String hint = text.matches("0[0-9]+") ? " (write it without a leading zero)" : "";
            problem(node, what + " must be a whole number, found \"" + text + "\"" + hint);
            return OptionalLong.empty();
        }
        long value = Long.parseLong(text);
        if (value < min || value > max) {
            problem(node, what + " must be between " + min + " and " + max + ", found " + value);
            return OptionalLong.empty();
        }
        return OptionalLong.of(value);
    }

    /** {@code true} or {@code false}, written as such (YAML 1.1's yes/no/on/off are refused: they read as words). */
    Boolean flag(Node node, String what) {
        String text = choice(node, what, List.of("true", "false"));
        return text == null ? null : Boolean.valueOf(text);
    }

    /** One of the given words. */
    String choice(Node node, String what, List<String> choices) {
        String text = text(node, what);
        if (text != null && !choices.contains(text)) {
            problem(node, what + " must be one of " + String.join(", ", choices) + ", found \"" + text + "\"");
            return null;
        }
        return text;
    }

    /** A list of page values; an unquoted {@code ~} or {@code null} leaves that page untouched. */
    List<String> values(Node node, String what, int maxLength) {
        List<Node> items = sequence(node, what);
        if (items == null) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (Node item : items) {
            if (isNull(item)) {
                values.add(null);
                continue;
            }
            String v = text(item, "a value in " + what);
            if (v == null) {
                return null;
            }
            if (v.isEmpty() || v.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                    || c == '#')) {
                problem(item, "value \"" + v + "\" in " + what + " must be one token: no spaces, no '#'");
                return null;
            }
            if (v.codePointCount(0, v.length()) > maxLength) {
                problem(item, "value \"" + v + "\" in " + what + " is longer than " + maxLength + " characters");
                return null;
            }
            values.add(v);
        }
        return Collections.unmodifiableList(values);
    }
}
