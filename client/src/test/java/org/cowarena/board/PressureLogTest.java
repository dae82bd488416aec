package org.cowarena.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cowarena.report.Narrator;
import org.junit.jupiter.api.Test;

/**
 * The log of a game with memory pressure ({@code pressure.yaml}): each new event is told in a
 * sentence, and the first cached frame, reclaim, major fault, shared-memory fault, ENOMEM and
 * cache hit of the game are explained in depth right after it, once, in English and Chinese.
 */
class PressureLogTest {
    /** The board test's game, then pid 1 reads its gone page back from the page cache: a cache hit. */
    private static final List<String> MOVES = new ArrayList<>(PressureBoardTest.MOVES);

    static {
        MOVES.add("read 1 1");
    }

    private record Told(Narrator narrator, List<BoardView.LogLine> lines) {
        List<String> texts() {
            return lines.stream().map(BoardView.LogLine::text).toList();
        }

        /** The line after the first that contains {@code sentence}. */
        BoardView.LogLine after(String sentence) {
            List<String> texts = texts();
            for (int i = 0; i < texts.size(); i++) {
                if (texts.get(i).contains(sentence)) {
                    assertThat(i + 1).as("a line after \"%s\"", sentence).isLessThan(texts.size());
                    return lines.get(i + 1);
                }
            }
            throw new AssertionError("the log never says \"" + sentence + "\":\n" + String.join("\n", texts));
        }

        long count(String text) {
            return texts().stream().filter(t -> t.contains(text)).count();
        }
    }

    private static Told play(String language) throws Exception {
        LogBook log = PressureBoardTest.play(language, 1, MOVES).log();
        return new Told(log.narrator(), log.lines());
    }

    /** Each {sentence, depth key}: the note follows the first line with the sentence, and only it. */
    private static void explainedOnceRightAfter(Told told, String[][] firsts) {
        for (String[] first : firsts) {
            String note = told.narrator().say("note", told.narrator().say(first[1]));
            BoardView.LogLine next = told.after(first[0]);
            assertThat(next.text()).as("after %s", first[0]).isEqualTo("  " + note);
            assertThat(next.tone()).as("tone of %s", first[1]).isEqualTo(Tone.NOTE);
            assertThat(told.count(note)).as("%s told once", first[1]).isEqualTo(1);
        }
    }

    @Test
    void theFirstOfEachPressureEventIsExplainedInDepthOnceRightAfterItsSentence() throws Exception {
        Told told = play("en");
        String[][] firsts = {
            {"frame 4 is cached: no page table maps it any more", "depth.cached"},
            {"memory was full, so reclaim took frame 4, a cached page of cron (page 0)", "depth.reclaim"},
            {"pid 4 touched vpn 1, whose page reclaim had taken: a major fault read it back", "depth.major-fault"},
            {"pid 1 touched shared page vpn 5 first: frame 5, zero-filled", "depth.shm-fill"},
            {"pid 1's fork failed with ENOMEM: 3 more pages on top of 8 committed would pass CommitLimit 10",
                "depth.enomem"},
        };
        explainedOnceRightAfter(told, firsts);
        // reclaim ran three times, the note came with the first only
        assertThat(told.count("reclaim took frame")).isEqualTo(3);
        assertThat(told.after("pid 1 needed vpn 1 and found it in the page cache in frame 2").text())
                .startsWith("  In depth: this is a minor fault: the page was in memory already, in the page cache");
    }

    @Test
    void chineseExplainsTheSameEventsInDepthOnce() throws Exception {
        Told told = play("zh");
        String[][] firsts = {
            {"页框 4 进入缓存状态", "depth.cached"},
            {"内存已满，回收拿走了页框 4", "depth.reclaim"},
            {"进程 4 访问了虚拟页 1，它的页已被回收：一次主缺页", "depth.major-fault"},
            {"进程 1 第一次访问共享页（虚拟页 5）", "depth.shm-fill"},
            {"进程 1 的 fork 以 ENOMEM 失败", "depth.enomem"},
        };
        assertThat(told.narrator().say("note", "")).startsWith("说明：");
        explainedOnceRightAfter(told, firsts);
        assertThat(told.after("进程 1 需要虚拟页 1").text()).startsWith("  深入：这是一次次缺页");
    }
}
