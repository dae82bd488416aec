package org.cowarena.level;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The campaign's chapters in playing order, as {@code levels/chapters.yaml} lists them
 * (levels/README.md, "Chapters"). Read with the levels' safe loader; every problem comes back
 * as {@code file:line:column: message}. A level belongs to one chapter at most; whether the
 * chapters and the bundled levels agree is {@link #problemsAgainst}.
 */
public record Chapters(List<Chapter> chapters) {
    /** Where the bundled chapters are, in the jars and under the source tree's {@code levels/}. */
    public static final String RESOURCE = "levels/chapters.yaml";
    /** The prefix of the campaign's level ids: every one of them is in a chapter. */
    public static final String CAMPAIGN = "campaign/";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
    private static final List<String> TOP = List.of("format", "chapters");
    private static final List<String> CHAPTER = List.of("id", "title", "levels");

    public Chapters {
        chapters = List.copyOf(chapters);
    }

    /** The bundled campaign's chapters. */
    public static Chapters bundled() throws LevelException {
        try (InputStream in = Chapters.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw LevelLoader.problem(RESOURCE, "not in this build: the jar carries no chapters");
            }
            byte[] bytes = in.readNBytes(LevelLoader.MAX_BYTES + 1);
            if (bytes.length > LevelLoader.MAX_BYTES) {
                throw LevelLoader.problem(RESOURCE, "the file is larger than 1 MiB");
            }
            return parse(new String(bytes, StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw LevelLoader.problem(RESOURCE, "cannot read: " + e.getMessage());
        }
    }

    public static Chapters load(Path file) throws LevelException {
        try {
            if (Files.size(file) > LevelLoader.MAX_BYTES) {
                throw LevelLoader.problem(file.toString(), "the file is larger than 1 MiB");
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw LevelLoader.problem(file.toString(), "cannot read: " + e.getMessage());
        }
    }

    public static Chapters parse(String yaml, String source) throws LevelException {
        Node root = LevelLoader.compose(yaml, source);
        if (root == null) {
            throw LevelLoader.problem(source, "the chapters file is empty");
        }
        YamlNodes y = new YamlNodes(source);
        y.checkTags(root);
        List<Chapter> chapters = new ArrayList<>();
        Map<String, Node> top = y.mapping(root, "the chapters file", TOP, List.of("format", "chapters"));
        if (top != null && top.containsKey("format")) {
            OptionalLong format = y.integer(top.get("format"), "format", 0, Integer.MAX_VALUE);
            if (format.isPresent() && format.getAsLong() != 1) {
                y.problem(top.get("format"), "format " + format.getAsLong() + " is not supported: this version"
                        + " reads format 1");
            }
        }
        List<Node> list = top == null || !top.containsKey("chapters") ? null
                : y.sequence(top.get("chapters"), "chapters");
        if (list != null && list.isEmpty()) {
            y.problem(top.get("chapters"), "chapters must list at least one chapter");
        }
        Set<String> ids = new TreeSet<>();
        Map<String, String> chapterOf = new LinkedHashMap<>();
        for (Node item : list == null ? List.<Node>of() : list) {
            Chapter c = chapter(y, item, ids, chapterOf);
            if (c != null) {
                chapters.add(c);
            }
        }
        if (!y.problems().isEmpty()) {
            throw new LevelException(y.problems());
        }
        return new Chapters(chapters);
    }

    private static Chapter chapter(YamlNodes y, Node item, Set<String> ids, Map<String, String> chapterOf) {
        Map<String, Node> m = y.mapping(item, "a chapter", CHAPTER, CHAPTER);
        if (m == null || !m.keySet().containsAll(CHAPTER)) {
            return null;
        }
        String id = y.word(m.get("id"), "a chapter's id", ID, "lower-case letters, digits and -");
        if (id != null && !ids.add(id)) {
            y.problem(m.get("id"), "a second chapter with id \"" + id + "\"");
        }
        Map<String, String> title = title(y, m.get("title"));
        List<String> levels = new ArrayList<>();
        List<Node> items = y.sequence(m.get("levels"), "levels");
        if (items != null && items.isEmpty()) {
            y.problem(m.get("levels"), "a chapter must list at least one level");
        }
        for (Node n : items == null ? List.<Node>of() : items) {
            String level = y.word(n, "a level id", LevelLoader.BUNDLED_ID, "a bundled level id such as campaign/01-fork");
            if (level == null) {
                continue;
            }
            String before = chapterOf.putIfAbsent(level, id);
            if (before != null) {
                y.problem(n, level + " is already in chapter \"" + before + "\": a level belongs to one chapter");
                continue;
            }
            levels.add(level);
        }
        return id == null || title == null || levels.isEmpty() ? null : new Chapter(id, title, levels);
    }

    /** A title: a text, or a map language → text with {@code en} required. */
    private static Map<String, String> title(YamlNodes y, Node node) {
        Map<String, String> result = new LinkedHashMap<>();
        if (!(node instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
            String text = y.nonEmptyText(node, "a chapter's title");
            if (text != null) {
                result.put("en", text);
            }
            return text == null ? null : result;
        }
        Map<String, Node> byLanguage = y.mapping(node, "a chapter's title", null, List.of());
        if (byLanguage == null) {
            return null;
        }
        byLanguage.forEach((language, text) -> {
            if (!LANGUAGE.matcher(language).matches()) {
                y.problem(text, "title language \"" + language + "\" is not a language code such as en or zh");
                return;
            }
            String t = y.nonEmptyText(text, "title." + language);
            if (t != null) {
                result.put(language, t);
            }
        });
        if (!result.containsKey("en")) {
            y.problem(node, "a chapter's title needs an \"en\" text");
            return null;
        }
        return result;
    }

    /** Every level of the chapters, in playing order. */
    public List<String> levelIds() {
        List<String> ids = new ArrayList<>();
        chapters.forEach(c -> ids.addAll(c.levels()));
        return List.copyOf(ids);
    }

    /** The chapter a level is in, or null. */
    public Chapter chapterOf(String levelId) {
        return chapters.stream().filter(c -> c.levels().contains(levelId)).findFirst().orElse(null);
    }

    /**
     * Where the chapters and the bundled levels ({@code levels/index.txt}) disagree: a chapter's
     * level that is not bundled, a bundled campaign level in no chapter. Empty when they agree.
     */
    public List<String> problemsAgainst(List<String> bundled) {
        List<String> problems = new ArrayList<>();
        for (Chapter c : chapters) {
            for (String id : c.levels()) {
                if (!bundled.contains(id)) {
                    problems.add("chapter \"" + c.id() + "\" lists " + id + ", which levels/index.txt does not");
                }
            }
        }
        Set<String> listed = new TreeSet<>(levelIds());
        for (String id : bundled) {
            if (id.startsWith(CAMPAIGN) && !listed.contains(id)) {
                problems.add(id + " is a campaign level in no chapter of " + RESOURCE);
            }
        }
        return problems;
    }
}
