package org.cowarena.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.cowarena.kernel.TaskState;
import org.junit.jupiter.api.Test;

class ChromeTest {
    private static Properties bundle(String file) throws IOException {
        return bundleAt("/org/cowarena/board/" + file);
    }

    private static Properties bundleAt(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ChromeTest.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** The chrome, and the reasons a server gives (a reason code the client shows in Chinese). */
    @Test
    void everyEnglishPhraseHasAChineseOneAndNoMore() throws IOException {
        for (String base : new String[] {"/org/cowarena/board/chrome", "/org/cowarena/protocol/reasons"}) {
            Properties en = bundleAt(base + ".properties");
            Properties zh = bundleAt(base + "_zh.properties");
            assertThat(zh.stringPropertyNames()).as(base).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
            for (String key : en.stringPropertyNames()) {
                // the same placeholders, so no number goes missing in translation
                for (int i = 0; i < 6; i++) {
                    assertThat(zh.getProperty(key).contains("{" + i)).as("{%d} in %s", i, key)
                            .isEqualTo(en.getProperty(key).contains("{" + i));
                }
            }
        }
    }

    @Test
    void everyKeyLineFitsTheSmallestTerminal() throws IOException {
        for (String file : new String[] {"chrome.properties", "chrome_zh.properties"}) {
            Properties p = bundle(file);
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("keys.")) {
                    assertThat(Columns.width(p.getProperty(key))).as("%s in %s", key, file)
                            .isLessThanOrEqualTo(BoardRenderer.MIN_COLUMNS);
                }
            }
        }
    }

    @Test
    void phrasesAreFilledInWithoutDigitGrouping() {
        assertThat(Chrome.of("zh").say("memory.title", 614, 1024, 614, 1)).isEqualTo(
                "内存：已用 614/1024 个页框，峰值 614；零页：1 个映射");
        assertThat(Chrome.english().moves(3, 2)).isEqualTo("moves 3, 2 left");
        assertThat(Chrome.of("zh").moves(3, -1)).isEqualTo("步数 3");
    }

    @Test
    void anUnknownLanguageReadsEnglish() {
        assertThat(Chrome.of("fr").language()).isEqualTo("en");
        assertThat(Chrome.of("fr").state(TaskState.BLOCKED)).isEqualTo("blocked");
        assertThat(Chrome.of("zh").state(TaskState.BLOCKED)).isEqualTo("阻塞");
    }

    @Test
    void theLobbyCountsOneRoomInTheSingular() {
        assertThat(Chrome.english().say("lobby.found", 1)).isEqualTo("1 room found");
        assertThat(Chrome.english().say("lobby.found", 2)).isEqualTo("2 rooms found");
    }
}
