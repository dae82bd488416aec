package org.cowarena.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.cowarena.level.Level;
import org.cowarena.level.LevelLoader;

/**
 * Chinese text as the screens break it: no line starts with 。，、；：？！）」』 and none ends with
 * （「『, over every Chinese bundle the client shows (its own and the narration) and every
 * bundled level's Chinese text, at every width a screen gives it; and the bundles' one spacing
 * rule (a space between Chinese and Latin letters, digits or placeholders) and one word
 * (进程, not pid, in sentences), which the levels' Chinese titles and hints keep too.
 */
class ChineseTextTest {
    private static final String[] BUNDLES = {"/org/cowarena/board/chrome_zh.properties",
        "/org/cowarena/board/depth_zh.properties", "/org/cowarena/report/narration_zh.properties"};
    /** The client's own bundles: the spacing rule and the words are ours to keep. */
    private static final String[] OWN = {"/org/cowarena/board/chrome_zh.properties",
        "/org/cowarena/board/depth_zh.properties"};

    private static Map<String, String> bundle(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ChineseTextTest.class.getResourceAsStream(resource);
             Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> sorted = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> sorted.put(k, p.getProperty(k)));
        return sorted;
    }

    /** Every Chinese text a screen may wrap: the bundles' phrases and the levels' briefings and notes. */
    private static Map<String, String> chineseTexts() throws Exception {
        Map<String, String> texts = new TreeMap<>();
        for (String b : BUNDLES) {
            bundle(b).forEach((k, v) -> texts.put(b + " " + k, v));
        }
        for (String id : LevelLoader.bundledIds()) {
            Level level = LevelLoader.loadBundled(id);
            String briefing = level.briefing().get("zh");
            if (briefing != null) {
                texts.put(id + " briefing", briefing.strip().replaceAll("\\s*\\n\\s*", ""));
            }
            level.explain().forEach((event, notes) -> {
                for (int i = 0; i < notes.size(); i++) {
                    int n = i;
                    notes.get(i).text("zh").ifPresent(t -> texts.put(id + " explain " + event + " " + n, t));
                }
            });
        }
        texts.putAll(titlesAndHints());
        return texts;
    }

    /** The bundled levels' titles and hints in Chinese, which the game's own translators keep. */
    private static Map<String, String> titlesAndHints() throws Exception {
        Map<String, String> texts = new TreeMap<>();
        for (String id : LevelLoader.bundledIds()) {
            Level level = LevelLoader.loadBundled(id);
            texts.put(id + " title", level.title("zh"));
            List<String> hints = level.hints("zh");
            for (int i = 0; i < hints.size(); i++) {
                texts.put(id + " hint " + (i + 1), hints.get(i));
            }
        }
        return texts;
    }

    private static void obeysTheRules(String what, List<String> lines, int columns) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            assertThat(Columns.width(line)).as("%s at %d: %s", what, columns, lines).isLessThanOrEqualTo(columns);
            if (i > 0 && !line.isEmpty()) {
                assertThat(Columns.NO_LINE_START.indexOf(line.codePointAt(0))).as("%s at %d starts a line with %s: %s",
                        what, columns, line.substring(0, 1), lines).isLessThan(0);
            }
            if (i < lines.size() - 1 && !line.isEmpty()) {
                int last = line.codePointBefore(line.length());
                assertThat(Columns.NO_LINE_END.indexOf(last)).as("%s at %d ends a line with %s: %s", what, columns,
                        new String(Character.toChars(last)), lines).isLessThan(0);
            }
        }
    }

    @Example
    void everyChineseBundleAndLevelTextBreaksByChineseRules() throws Exception {
        Map<String, String> texts = chineseTexts();
        assertThat(texts).hasSizeGreaterThan(200);
        for (Map.Entry<String, String> t : texts.entrySet()) {
            for (int columns = 16; columns <= 76; columns++) {
                obeysTheRules(t.getKey(), Columns.wrap(t.getValue(), columns), columns);
            }
        }
    }

    @Example
    void aCommaOrAClosingBracketStaysWithTheCharacterBeforeIt() {
        assertThat(Columns.wrap("内核复制了页框，然后", 14)).containsExactly("内核复制了页", "框，然后");
        assertThat(Columns.wrap("写入与共享页面（或私有文件页）", 14)).containsExactly("写入与共享页面", "（或私有文件",
                "页）");
        // an opening bracket goes down with what it opens
        assertThat(Columns.wrap("复制到一个新页框（Linux）", 18)).containsExactly("复制到一个新页框", "（Linux）");
        // a word longer than the line is cut a character earlier rather than start a line with a comma
        assertThat(Columns.wrap("aaaaa。", 6)).containsExactly("aaaa", "a。");
    }

    @Property
    void anyChineseTextBreaksByChineseRules(@ForAll("chinese") String text, @ForAll @IntRange(min = 6, max = 60)
            int columns) {
        List<String> lines = Columns.wrap(text, columns);
        obeysTheRules(text, lines, columns);
        assertThat(String.join("", lines).replace(" ", "")).isEqualTo(text.replace(" ", ""));
    }

    /** Sentences as the bundles write them: words of Chinese, Latin words and numbers, one punctuation mark after a word. */
    @Provide
    Arbitrary<String> chinese() {
        Arbitrary<String> han = Arbitraries.strings().withCharRange('\u4e00', '\u4e40').ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> latin = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12)
                .map(w -> " " + w + " ");
        Arbitrary<String> closing = Arbitraries.of("", "", "。", "，", "、", "；", "：", "？", "！");
        Arbitrary<String> word = Combinators.combine(Arbitraries.oneOf(han, han, latin), closing)
                .as((w, p) -> p.isEmpty() ? w : w.stripTrailing() + p);
        Arbitrary<String> bracketed = han.map(w -> "（" + w + "）");
        return Arbitraries.oneOf(word, word, word, bracketed).list().ofMinSize(1).ofMaxSize(30)
                .map(parts -> String.join("", parts).replaceAll(" +", " ").strip());
    }

    @Example
    void chineseAndLatinTextAreSpacedOneWayAndSentencesSay进程() throws Exception {
        Pattern unspaced = Pattern.compile("[\\u4e00-\\u9fff][A-Za-z0-9{]|[A-Za-z0-9}][\\u4e00-\\u9fff]");
        Pattern pid = Pattern.compile("\\bpid\\b");
        List<String> problems = new ArrayList<>();
        Map<String, String> own = new TreeMap<>();
        for (String b : OWN) {
            own.putAll(bundle(b));
        }
        own.putAll(titlesAndHints());
        for (Map.Entry<String, String> e : own.entrySet()) {
            Matcher m = unspaced.matcher(e.getValue());
            if (m.find()) {
                problems.add(e.getKey() + ": no space in \"" + m.group() + "\"");
            }
            if (!e.getKey().startsWith("procs.") && pid.matcher(e.getValue()).find()) {
                problems.add(e.getKey() + ": pid in a sentence");
            }
        }
        assertThat(problems).isEmpty();
    }
}
