package org.cowarena.level;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A level's title and hints, like its briefing and explain notes, are a text (English) or a
 * language map; and every level file the game bundles speaks both English and Chinese.
 */
class LevelLanguagesTest {
    private static final List<String> LANGUAGES = List.of("en", "zh");

    private static String level(String title, String hints) {
        return "format: 1\nid: t\ntitle: " + title + "\nmemory: {frames: 8}\nprograms:\n  p: {text: 1, heap: 2}\n"
                + "processes:\n  - {pid: 1, program: p}\nhints:\n" + hints;
    }

    @Test
    void aTitleAndHintsInTwoLanguagesAreReadInEitherWithEnglishAsTheFallback() throws Exception {
        Level l = LevelLoader.parse(level("{en: Fork is cheap, zh: fork 代价很小}",
                "  - {en: Count the frames., zh: 数一数页框。}\n  - Only English.\n"), "t.yaml");
        assertThat(l.title()).isEqualTo("Fork is cheap");
        assertThat(l.title("zh")).isEqualTo("fork 代价很小");
        assertThat(l.title("fr")).isEqualTo("Fork is cheap");
        assertThat(l.hints()).containsExactly("Count the frames.", "Only English.");
        assertThat(l.hints("zh")).containsExactly("数一数页框。", "Only English.");
        // a hint the server sends (in English) is shown in the player's language; other text stays as it is
        assertThat(l.hint("Count the frames.", "zh")).isEqualTo("数一数页框。");
        assertThat(l.hint("The teacher's own words.", "zh")).isEqualTo("The teacher's own words.");
    }

    @Test
    void aPlainTitleOrHintStaysValidAndMeansEnglish() throws Exception {
        Level l = LevelLoader.parse(level("Mine", "  - \"mine too\"\n"), "t.yaml");
        assertThat(l.titles()).containsExactly(Map.entry("en", "Mine"));
        assertThat(l.title("zh")).isEqualTo("Mine");
        assertThat(l.hints("zh")).containsExactly("mine too");
    }

    @Test
    void aBadLanguageMapIsReportedWhereItIs() {
        assertThat(Problems.of(level("{en: T, chinese: 中文}", "  - x\n"))).containsExactly(
                "t.yaml:3:25: title language \"chinese\" is not a language code such as en or zh");
        assertThat(Problems.of(level("{zh: 标题}", "  - x\n"))).containsExactly(
                "t.yaml:3:8: title needs an \"en\" text");
        assertThat(Problems.of(level("T", "  - {en: one, zh: \"\"}\n"))).containsExactly(
                "t.yaml:10:19: hint 1.zh must not be empty");
        assertThat(Problems.of(level("T", "  - {en: [one], zh: 一}\n"))).containsExactly(
                "t.yaml:10:10: hint 1.en must be a single value, not a list");
        assertThat(Problems.of(level("{en: \" \"}", "  - x\n"))).containsExactly(
                "t.yaml:3:13: title.en must not be empty");
    }

    /** Every level file under levels/ (campaign, arena, any other folder), whether the index lists it or not. */
    static Stream<String> levelFiles() throws IOException {
        Path levels = levelsDir();
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(levels)) {
            walk.filter(p -> p.toString().endsWith(".yaml") && levels.relativize(p).getNameCount() > 1)
                    .map(p -> levels.relativize(p).toString().replace('\\', '/')).sorted().forEach(files::add);
        }
        assertThat(files).as("level files under " + levels).isNotEmpty();
        return files.stream();
    }

    private static Path levelsDir() {
        return Path.of(System.getProperty("cowarena.levelsDir", "../levels"));
    }

    @ParameterizedTest
    @MethodSource("levelFiles")
    void everyBundledLevelSpeaksEnglishAndChinese(String file) throws Exception {
        Level l = LevelLoader.load(levelsDir().resolve(file));
        List<String> missing = new ArrayList<>();
        need(l.titles(), "title", missing);
        need(l.briefing(), "briefing", missing);
        for (int i = 0; i < l.hintTexts().size(); i++) {
            need(l.hintTexts().get(i), "hint " + (i + 1), missing);
        }
        l.explain().forEach((key, notes) -> {
            for (int i = 0; i < notes.size(); i++) {
                need(notes.get(i).text(), "explain." + key + (notes.size() > 1 ? " note " + (i + 1) : ""), missing);
            }
        });
        assertThat(missing).as("levels/" + file + " must give each text in English and Chinese (en: and zh:)")
                .isEmpty();
    }

    private static void need(Map<String, String> byLanguage, String what, List<String> missing) {
        for (String language : LANGUAGES) {
            String text = byLanguage.get(language);
            if (text == null || text.isBlank()) {
                missing.add(what + " has no " + language + " text");
            }
        }
    }
}
