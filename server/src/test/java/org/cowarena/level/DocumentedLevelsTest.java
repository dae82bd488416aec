package org.cowarena.level;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every bundled level id the README and {@code docs/} name (in a command to copy, a table or
 * the text) is a level the jar has: a renamed level must not leave a teacher with a command
 * that fails in front of the class.
 */
class DocumentedLevelsTest {
    private static final Pattern ID = Pattern.compile("\\b(?:campaign|arena|sandbox)/[a-z0-9][a-z0-9-]*\\b");

    @Test
    void everyLevelTheDocumentsNameIsBundled() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> documents = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        List<String> named = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Path document : documents) {
            List<String> lines = Files.readAllLines(document);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = ID.matcher(lines.get(i));
                while (m.find()) {
                    named.add(m.group());
                    if (!LevelLoader.bundledIds().contains(m.group())) {
                        unknown.add(root.relativize(document) + ":" + (i + 1) + ": " + m.group());
                    }
                }
            }
        }
        assertThat(named).as("the README names levels: the pattern still finds them").hasSizeGreaterThan(10);
        assertThat(unknown).as("level ids the documents name that the jar does not bundle").isEmpty();
    }
}
