package org.cowarena.board;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cowarena.game.Game;
import org.cowarena.game.Turn;
import org.cowarena.kernel.PageInfo;
import org.cowarena.kernel.ProcessInfo;
import org.cowarena.kernel.Smaps;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.MoveParser;
import org.cowarena.report.Narrator;
import org.junit.jupiter.api.Test;

/**
 * The memory-pressure state on the board, for a game the real kernel played
 * ({@code pressure.yaml}: ten frames, overcommit never at ratio 100, a web server with a
 * MAP_SHARED page, an mlocked database, a cron job): cached frames, shm frames, a page reclaim
 * took, the smaps line of the selected process, its badness and mlock, the commit line and
 * the counters of reclaims, major faults and ENOMEM, drawn on a virtual terminal.
 */
class PressureBoardTest {
    /**
     * cron exits (its code stays cached); web writes its shared page and forks; a second fork
     * fails with ENOMEM; memory fills; db's write reclaims cron's cached code, web's private
     * copy of its data page reclaims web's w1 (gone from pids 1 and 4), pid 4 reads it back
     * (a major fault that reclaims the data page), then exits: w1 stays cached.
     */
    static final List<String> MOVES = List.of("write 3 1 job", "exit 3", "write 1 5 s=1", "fork 1", "fork 1",
            "write 1 3 a", "write 1 4 b", "write 4 3 c", "write 4 4 d", "write 2 1 x", "write 1 2 mine", "read 4 1",
            "exit 4");

    record Played(Game game, BoardView view, LogBook log) {
    }

    static Played play(String language, int pid, List<String> moves) throws Exception {
        String text;
        try (InputStream in = PressureBoardTest.class.getResourceAsStream("pressure.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Game game = Game.start(LevelLoader.parse(text, "pressure.yaml"));
        Narrator narrator = new Narrator(game, language);
        LogBook log = new LogBook(narrator, game.level());
        Turn last = null;
        for (String move : moves) {
            last = game.play(MoveParser.parseMove(move));
            log.move("", last);
        }
        BoardView view = BoardViews.of(game, narrator, "solo", pid, 0, Optional.ofNullable(last)).withLog(log.lines())
                .withStatus(BoardView.StatusLine.of("f fork  q quit"));
        return new Played(game, view, log);
    }

    static DefaultVirtualTerminal draw(BoardView v, Theme theme, String language, int columns, int rows) {
        return VirtualScreens.draw(columns, rows, g -> BoardRenderer.draw(v, theme, Chrome.of(language), g));
    }

    @Test
    void theKernelStateTheBoardIsDrawnFromHasEveryNewElement() throws Exception {
        Game game = play("en", 1, MOVES).game();
        assertThat(game.kernel().cached()).isEqualTo(1);
        assertThat(game.kernel().frame(2).refs()).isZero();
        assertThat(game.kernel().page(1, 1).orElseThrow().mapping()).isEqualTo(PageInfo.Mapping.GONE);
        assertThat(game.kernel().process(2).orElseThrow().locked()).isTrue();
        assertThat(game.kernel().stats().reclaims()).isEqualTo(3);
        assertThat(game.kernel().stats().majorFaults()).isEqualTo(1);
        assertThat(game.kernel().stats().enomem()).isEqualTo(1);
        assertThat(game.kernel().committed()).isEqualTo(5);
        assertThat(game.kernel().commitLimit()).isEqualTo(10);
    }

    @Test
    void cachedAndShmFramesHaveTheirOwnLetterAndToneAt80x24() throws Exception {
        DefaultVirtualTerminal vt = draw(play("en", 1, MOVES).view(), Theme.colour(), "en", 80, 24);
        assertThat(VirtualScreens.row(vt, 1)).isEqualTo(
                "Memory: 7/10 used, 1 cached, peak 10, zero page 0  f file a anon c cached s shm ");
        assertThat(VirtualScreens.row(vt, 2)).startsWith("0 f w0      1 a mine    2 c w1      3 f db0     4 a x  "
                + "     5 s s=1   ");
        assertThat(VirtualScreens.row(vt, 3)).startsWith("6 a a       7 a b       8 ·         9 ·  ");
        assertThat(BoardRendererTest.cell(vt, "2 c w1", 2).getForegroundColor()).isEqualTo(TextColor.ANSI.BLUE);
        assertThat(BoardRendererTest.cell(vt, "0 f w0", 2).getForegroundColor())
                .isEqualTo(TextColor.ANSI.BLUE_BRIGHT);
        assertThat(BoardRendererTest.cell(vt, "5 s s=1", 2).getForegroundColor())
                .isEqualTo(TextColor.ANSI.MAGENTA_BRIGHT);
        // pid 4's heap frames, freed by its exit, are marked so; w1 went cached in the same move, unmarked
        assertThat(BoardRendererTest.cell(vt, "8 ·", 3).getBackgroundColor()).isEqualTo(TextColor.ANSI.WHITE);
        assertThat(BoardRendererTest.cell(vt, "2 c w1", 2).getBackgroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
        // the legend's letters in the frames' tones
        assertThat(BoardRendererTest.cell(vt, "c cached", 1).getForegroundColor()).isEqualTo(TextColor.ANSI.BLUE);
        assertThat(BoardRendererTest.cell(vt, "s shm", 1).getForegroundColor())
                .isEqualTo(TextColor.ANSI.MAGENTA_BRIGHT);
    }

    @Test
    void aPageReclaimTookIsGoneInThePageTable() throws Exception {
        DefaultVirtualTerminal vt = draw(play("en", 1, MOVES).view(), Theme.colour(), "en", 80, 24);
        // the page table's columns (its arrows, the segment's width) are the layout's: the cells are the kernel's
        int gone = BoardRendererTest.rowOf(vt, "gone text");
        assertThat(VirtualScreens.row(vt, gone - 1)).containsPattern("│▸  0 ?→ ?0 +text +R +w0 +│");
        assertThat(VirtualScreens.row(vt, gone)).containsPattern("│   1 ?→ ?gone text +│");
        assertThat(VirtualScreens.row(vt, gone + 4)).containsPattern("│   5 ?→ ?5 +sh[a-z]+ +RW +s=1 +│");
        assertThat(BoardRendererTest.cell(vt, "gone", gone).getForegroundColor())
                .isEqualTo(TextColor.ANSI.BLACK_BRIGHT);
    }

    @Test
    void theSelectedProcessShowsItsSmapsLineBadnessAndTheCommitLineAt80x24() throws Exception {
        Played played = play("en", 1, MOVES);
        Smaps s = played.game().kernel().process(1).orElseThrow().smaps();
        assertThat(s).isEqualTo(new Smaps(5, 5.0, 0, 0, 1, 4, 3));
        DefaultVirtualTerminal vt = draw(played.view(), Theme.colour(), "en", 80, 24);
        int detail = BoardRendererTest.rowOf(vt, "pid 1 web:");
        assertThat(VirtualScreens.row(vt, detail))
                .isEqualTo("pid 1 web:  Private_Dirty 4  Shared_Dirty 0  Private_Clean 1  Shared_Clean 0    ");
        assertThat(VirtualScreens.row(vt, detail + 1))
                .isEqualTo("Committed 5 / CommitLimit 10, overcommit never  badness 5 (oom_score_adj 0)     ");
        assertThat(VirtualScreens.row(vt, detail + 2)).startsWith("── Log ──");
        assertThat(BoardRendererTest.cell(vt, "Private_Dirty 4", detail).getForegroundColor())
                .isEqualTo(TextColor.ANSI.YELLOW);
        assertThat(BoardRendererTest.cell(vt, "Private_Dirty 4", detail).getModifiers()).contains(SGR.BOLD);
        // the middle panels end right above it
        assertThat(VirtualScreens.row(vt, detail - 1)).contains("│").doesNotContain("pid 1 web");
    }

    @Test
    void anMlockedProcessSaysSoAndItsBadnessIsTheKernels() throws Exception {
        Played played = play("en", 2, MOVES);
        ProcessInfo db = played.game().kernel().process(2).orElseThrow();
        assertThat(db.badness()).as("rss 2 + 300 × 10 / 1000").isEqualTo(5);
        DefaultVirtualTerminal vt = draw(played.view(), Theme.colour(), "en", 80, 24);
        int detail = BoardRendererTest.rowOf(vt, "pid 2 db, mlocked:");
        assertThat(VirtualScreens.row(vt, detail))
                .startsWith("pid 2 db, mlocked:  Private_Dirty 1  Shared_Dirty 0  Private_Clean 1");
        assertThat(VirtualScreens.row(vt, detail + 1))
                .contains("  badness " + db.badness() + " (oom_score_adj " + db.oomScoreAdj() + ")");
    }

    @Test
    void whereTheRowHasNoRoomForTheWholeMlockNoteItSaysMlockedBesideTheBadnessFormula() throws Exception {
        DefaultVirtualTerminal vt = draw(play("en", 2, MOVES).view(), Theme.colour(), "en", 140, 40);
        int row = BoardRendererTest.rowOf(vt, "badness 5 = rss 2");
        assertThat(VirtualScreens.row(vt, row)).endsWith("0 below 1000 frames)  mlocked" + " ".repeat(13));
        assertThat(BoardRendererTest.cell(vt, "mlocked", row).getForegroundColor()).isEqualTo(TextColor.ANSI.MAGENTA);
    }

    @Test
    void theSidePanelCountsReclaimsMajorFaultsAndEnomem() throws Exception {
        DefaultVirtualTerminal vt = draw(play("en", 1, MOVES).view(), Theme.colour(), "en", 80, 24);
        int charged = BoardRendererTest.rowOf(vt, "│charged you 8");
        assertThat(VirtualScreens.row(vt, charged + 1)).containsPattern("│reclaims 3 +$");
        assertThat(VirtualScreens.row(vt, charged + 2)).containsPattern("│major faults 1 +$");
        assertThat(VirtualScreens.row(vt, charged + 3)).containsPattern("│ENOMEM 1 +$");
        assertThat(BoardRendererTest.cell(vt, "ENOMEM 1", charged + 3).getForegroundColor())
                .isEqualTo(TextColor.ANSI.RED);
        // none of them before they happen
        DefaultVirtualTerminal start = draw(play("en", 1, List.of()).view(), Theme.colour(), "en", 80, 24);
        assertThat(VirtualScreens.text(start)).doesNotContain("reclaims").doesNotContain("major faults")
                .doesNotContain("ENOMEM").doesNotContain("cached");
    }

    @Test
    void aLargerTerminalShowsTheWholeSmapsLineTheCommitRuleAndMlockAt160x48() throws Exception {
        for (Theme theme : new Theme[] {Theme.colour(), Theme.mono()}) {
            DefaultVirtualTerminal vt = draw(play("en", 2, MOVES).view(), theme, "en", 160, 48);
            assertThat(VirtualScreens.row(vt, 1)).startsWith("Memory: 7 of 10 frames used, 1 cached, peak 10; "
                    + "zero page: 0 maps  f file a anon c cached s shm ·free ×n shared new copied");
            int commit = BoardRendererTest.rowOf(vt, "Committed_AS 5 pages");
            assertThat(VirtualScreens.row(vt, commit)).startsWith("Committed_AS 5 pages / CommitLimit 10 (100% of "
                    + "the frames), vm.overcommit_memory=2 never: a fork or exec fails if the total would pass "
                    + "CommitLimit  ");
            assertThat(VirtualScreens.row(vt, commit + 1)).startsWith("pid 2 db:  Private_Dirty 1 (what Redis calls "
                    + "copy-on-write)  Shared_Dirty 0  Private_Clean 1  Shared_Clean 0  Anonymous 1  Rss 2 Pss 2.00 ");
            // the game's badness: rss 2 + 300 × 10 / 1000 = 5, and why Linux's would differ here
            assertThat(VirtualScreens.row(vt, commit + 2)).startsWith("badness 5 = rss 2 + oom_score_adj 300 × 10 "
                    + "frames / 1000 (Linux: oom_score_adj × (frames / 1000), 0 below 1000 frames)  mlocked: its pages are "
                    + "never reclaimed  ");
            assertThat(VirtualScreens.row(vt, commit + 3)).startsWith("── Log ──");
            assertThat(VirtualScreens.row(vt, 47)).startsWith("f fork  q quit");
        }
    }

    @Test
    void monochromeTellsShmFramesApartByUnderline() throws Exception {
        DefaultVirtualTerminal vt = draw(play("en", 1, MOVES).view(), Theme.mono(), "en", 80, 24);
        assertThat(BoardRendererTest.cell(vt, "5 s s=1", 2).getModifiers()).contains(SGR.UNDERLINE);
        assertThat(BoardRendererTest.cell(vt, "2 c w1", 2).getModifiers()).isEmpty();
        assertThat(VirtualScreens.text(vt)).isEqualTo(VirtualScreens.text(
                draw(play("en", 1, MOVES).view(), Theme.colour(), "en", 80, 24)));
    }

    @Test
    void tooNarrowForTheKindLetterACachedFrameShowsATilde() throws Exception {
        // the redraw benchmark's machine of 1,024 frames, after the reader exits: its code page stays cached
        Game game = Game.start(LevelLoader.load(Path.of("src/jmh/resources/big-board.yaml")));
        Narrator narrator = new Narrator(game, "en");
        Turn exit = game.play(MoveParser.parseMove("exit 3"));
        int cached = -1;
        for (int f = 0; f < game.kernel().totalFrames(); f++) {
            if (game.kernel().frame(f).kind() != null && game.kernel().frame(f).refs() == 0) {
                cached = f;
            }
        }
        assertThat(cached).as("a cached frame").isNotNegative();
        BoardView v = BoardViews.of(game, narrator, "solo", 1, 0, Optional.of(exit));
        DefaultVirtualTerminal vt = draw(v, Theme.colour(), "en", 160, 48);
        assertThat(VirtualScreens.row(vt, 1)).contains("~ cached");
        int perRow = (160 - 5) / 3;
        int r = 2 + cached / perRow;
        int c = 5 + (cached % perRow) * 3;
        assertThat(vt.getCharacter(c, r).getCharacterString()).isEqualTo("~");
        assertThat(vt.getCharacter(c, r).getForegroundColor()).isEqualTo(TextColor.ANSI.BLUE);
    }

    @Test
    void chineseAt80x24ShowsEveryNewElementAndNoRowOverflows() throws Exception {
        DefaultVirtualTerminal en = draw(play("en", 2, MOVES).view(), Theme.colour(), "en", 80, 24);
        DefaultVirtualTerminal zh = draw(play("zh", 2, MOVES).view(), Theme.colour(), "zh", 80, 24);
        for (int r = 0; r < 24; r++) {
            assertThat(Columns.width(VirtualScreens.row(zh, r))).as("width of row %d", r).isEqualTo(80);
        }
        assertThat(VirtualScreens.row(zh, 1)).startsWith("内存：已用 7/10，缓存 1，峰值 10，零页 0  f 文件 a 匿名 c 缓存 s 共享内存");
        int detail = BoardRendererTest.rowOf(zh, "进程 2 db（已 mlock）：");
        assertThat(detail).isEqualTo(BoardRendererTest.rowOf(en, "pid 2 db, mlocked:"));
        assertThat(VirtualScreens.row(zh, detail)).contains("Private_Dirty 1");
        assertThat(VirtualScreens.row(zh, detail + 1))
                .startsWith("已提交 5 / CommitLimit 10，overcommit never  badness 5（oom_score_adj 300）");
        assertThat(VirtualScreens.text(zh)).contains("│回收 3 次").contains("│主缺页 1 次").contains("│ENOMEM 1 次");
        DefaultVirtualTerminal web = draw(play("zh", 1, MOVES).view(), Theme.colour(), "zh", 80, 24);
        assertThat(VirtualScreens.text(web)).containsPattern("│   1 ?→ ?回收 ");
        for (int r = 0; r < 24; r++) {
            assertThat(Columns.width(VirtualScreens.row(web, r))).as("width of row %d", r).isEqualTo(80);
        }
    }
}
