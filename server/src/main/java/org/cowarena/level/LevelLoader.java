package org.cowarena.level;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads levels: from a file, from the levels bundled in the jar (by id, such as
 * {@code campaign/01-fork}), or from text. Every problem comes back as a
 * {@link LevelException} whose problems read {@code file:line:column: message}.
 */
public final class LevelLoader {
    /** Larger level files are refused before parsing. */
    public static final int MAX_BYTES = 1 << 20;

    static final Pattern BUNDLED_ID = Pattern.compile("[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*");

    private LevelLoader() {
    }

    public static Level load(Path file) throws LevelException {
        String source = file.toString();
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw problem(source, "the file is larger than 1 MiB");
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8), source);
        } catch (NoSuchFileException e) {
            throw problem(source, "no such file");
        } catch (AccessDeniedException e) {
            throw problem(source, "permission denied");
        } catch (CharacterCodingException e) {
            throw problem(source, "the file is not UTF-8 text");
        } catch (IOException e) {
            throw problem(source, "cannot read: " + e.getMessage());
        }
    }

    public static Level parse(String yaml, String source) throws LevelException {
        Node root = compose(yaml, source);
        if (root == null) {
            throw problem(source, "the level is empty");
        }
        LevelReader reader = new LevelReader(source);
        Level level = reader.read(root);
        if (level == null) {
            throw new LevelException(reader.problems());
        }
        List<LevelProblem> impossible = reader.impossibleThresholds(level, LevelBoot.boot(level));
        if (!impossible.isEmpty()) {
            throw new LevelException(impossible);
        }
        return level;
    }

    /**
     * The node tree of a YAML text, read safely: plain data only, no duplicate keys, aliases,
     * nesting and size capped; null for an empty text. Levels and the campaign's chapters share it.
     */
    static Node compose(String yaml, String source) throws LevelException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowRecursiveKeys(false);
        Node root;
        try {
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Pos at = YamlNodes.pos(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark());
            String what = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw new LevelException(new LevelProblem(source, at, "not valid YAML: " + firstLine(what)));
        } catch (YAMLException e) {
            throw problem(source, "not valid YAML: " + firstLine(e.getMessage()));
        }
        return root;
    }

    /** A level bundled in the jar, by id: {@code campaign/01-fork} is {@code levels/campaign/01-fork.yaml}. */
    public static Level loadBundled(String id) throws LevelException {
        String resource = "levels/" + id + ".yaml";
        if (!BUNDLED_ID.matcher(id).matches()) {
            throw problem(id, "not a bundled level id (such as campaign/01-fork)");
        }
        try (InputStream in = LevelLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw problem(id, "no such level file, and no bundled level with that id (bundled: "
                        + String.join(", ", bundledIds()) + ")");
            }
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw problem(resource, "the file is larger than 1 MiB");
            }
            return parse(new String(bytes, StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw problem(resource, "cannot read: " + e.getMessage());
        }
    }

    /** A file when one exists at that path, else a bundled level id. */
    public static Level resolve(String fileOrId) throws LevelException {
        try {
            Path path = Path.of(fileOrId);
            if (Files.isRegularFile(path) || fileOrId.endsWith(".yaml") || Files.isDirectory(path)) {
                if (Files.isDirectory(path)) {
                    throw problem(fileOrId, "is a directory, not a level file");
                }
                return load(path);
            }
        } catch (InvalidPathException e) {
            // not a path: try it as an id
        }
        return loadBundled(fileOrId);
    }

    /** The ids of the bundled levels, in campaign order, from {@code levels/index.txt}. */
    public static List<String> bundledIds() {
        try (InputStream in = LevelLoader.class.getClassLoader().getResourceAsStream("levels/index.txt")) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toUnmodifiableList());
        } catch (IOException e) {
            return List.of();
        }
    }

    static LevelException problem(String source, String message) {
        return new LevelException(new LevelProblem(source, Pos.UNKNOWN, message));
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        int nl = text.indexOf('\n');
        return (nl >= 0 ? text.substring(0, nl) : text).strip();
    }
}
