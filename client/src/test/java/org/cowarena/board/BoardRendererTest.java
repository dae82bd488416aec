package org.cowarena.board;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.util.Optional;
import org.cowarena.game.Game;
import org.cowarena.game.Turn;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.MoveParser;
import org.cowarena.report.Narrator;
import org.junit.jupiter.api.Test;

/**
 * The board of a known state — campaign level 02 after pid 2 wrote its shared heap page —
 * drawn on a virtual terminal and read back cell by cell.
 */
class BoardRendererTest {

    static BoardView copiedState(String language) throws Exception {
        Game game = Game.start(LevelLoader.loadBundled("campaign/02-cow-copy"));
        Narrator narrator = new Narrator(game, language);
        LogBook log = new LogBook(narrator, game.level());
        Turn copy = game.play(MoveParser.parseMove("write 2 3 X"));
        log.move("", copy);
        log.move("", game.play(MoveParser.parseMove("write 9 3 X")));
        return BoardViews.of(game, narrator, "solo", 2, 3, Optional.of(copy)).withLog(log.lines())
                .withStatus(BoardView.StatusLine.of("f fork  w write  q quit"));
    }

    static DefaultVirtualTerminal draw(BoardView v, Theme theme, int columns, int rows) {
        return VirtualScreens.draw(columns, rows, g -> BoardRenderer.draw(v, theme, g));
    }

    static DefaultVirtualTerminal draw(BoardView v, Chrome chrome, int columns, int rows) {
        return VirtualScreens.draw(columns, rows, g -> BoardRenderer.draw(v, Theme.colour(), chrome, g));
    }

    static String row(DefaultVirtualTerminal vt, int row) {
        return VirtualScreens.row(vt, row);
    }

    static int rowOf(DefaultVirtualTerminal vt, String text) {
        for (int r = 0; r < vt.getTerminalSize().getRows(); r++) {
            if (row(vt, r).contains(text)) {
                return r;
            }
        }
        throw new AssertionError("no row shows \"" + text + "\":\n" + VirtualScreens.text(vt));
    }

    static TextCharacter cell(DefaultVirtualTerminal vt, String text, int row) {
        int col = row(vt, row).indexOf(text);
        assertThat(col).as("column of %s in row %d", text, row).isGreaterThanOrEqualTo(0);
        return vt.getCharacter(col, row);
    }

    @Test
    void framesShowKindValueAndRefsAt80x24() throws Exception {
        DefaultVirtualTerminal vt = draw(copiedState("en"), Theme.colour(), 80, 24);
        // at 80 columns the level's title goes whole: the game's name and the level's folder give way
        assertThat(row(vt, 0)).startsWith(" solo │ 02-cow-copy: Writing to a shared page copies it ")
                .endsWith("moves 1, 3 left │ ★★★ ");
        assertThat(row(vt, 1)).startsWith("Memory: 5 of 5 frames used, peak 5; zero page: 0 maps");
        // frame number, kind (f file, a anon), value, refs when shared
        assertThat(row(vt, 2)).startsWith("0 f code×2  1 f cfg ×2  2 a a   ×2  3 a b       4 a X    ");
        // the frame the copy went to is marked for the move that did it; shared refs stand out
        assertThat(cell(vt, "4 a X", 2).getBackgroundColor()).isEqualTo(TextColor.ANSI.RED);
        assertThat(cell(vt, "×2", 2).getForegroundColor()).isEqualTo(TextColor.ANSI.YELLOW);
        assertThat(cell(vt, "0 f code", 2).getForegroundColor()).isEqualTo(TextColor.ANSI.BLUE_BRIGHT);
        assertThat(cell(vt, "3 a b", 2).getForegroundColor()).isEqualTo(TextColor.ANSI.GREEN);
        assertThat(cell(vt, "3 a b", 2).getBackgroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
    }

    @Test
    void processTreePageTableAndGoalAt80x24() throws Exception {
        DefaultVirtualTerminal vt = draw(copiedState("en"), Theme.colour(), 80, 24);
        assertThat(row(vt, 3)).startsWith("Processes").contains("│Pages of pid 2 · fork()→0").contains("│Goal");
        assertThat(row(vt, 4)).startsWith(" pid prog  state  rss  pss uss│ vpn frame seg flags value   │[x] pid 2 page 3");
        assertThat(row(vt, 5)).startsWith(" 1 shell   running  4  2.5   1│   0→0    text R     code    │    holds X");
        assertThat(row(vt, 6)).startsWith("▸└2 shell  running  4  2.5   1│   1→1    data R COW cfg     │");
        assertThat(row(vt, 7)).contains("│   2→2    heap R COW a       │");
        assertThat(row(vt, 8)).contains("│▸  3→4    heap RW    X       │[x] exactly 2");
        assertThat(cell(vt, "▸└2 shell", 6).isReversed()).isTrue();
        assertThat(cell(vt, "[x] pid 2", 4).getForegroundColor()).isEqualTo(TextColor.ANSI.GREEN);
        assertThat(row(vt, rowOf(vt, "stars"))).contains("stars ★★★");
    }

    @Test
    void logExplainsEachEventAndTheRefusalAt80x24() throws Exception {
        DefaultVirtualTerminal vt = draw(copiedState("en"), Theme.colour(), 80, 24);
        // the last move's refusal, under the end of the copy's explanation
        int refused = rowOf(vt, "refused: no process 9; nothing changed");
        assertThat(row(vt, refused - 1)).startsWith("› write 9 3 X");
        assertThat(row(vt, refused - 2)).contains("the others keep the old frame.");
        assertThat(cell(vt, "refused", refused).getForegroundColor()).isEqualTo(TextColor.ANSI.RED);
        assertThat(row(vt, 23)).startsWith("f fork  w write  q quit");
        // six rows more show the copy's sentence too, with its explanation right after it
        DefaultVirtualTerminal taller = draw(copiedState("en"), Theme.colour(), 80, 30);
        int sentence = rowOf(taller, "pid 2 wrote vpn 3, shared with pid 1: copied frame 3 into frame 4");
        assertThat(row(taller, sentence + 1)).startsWith("  In depth: a write to a page others share");
        assertThat(rowOf(taller, "refused: no process 9; nothing changed")).isGreaterThan(sentence);
    }

    @Test
    void monochromeCarriesTheSameTextWithModifiersOnly() throws Exception {
        BoardView v = copiedState("en");
        DefaultVirtualTerminal colour = draw(v, Theme.colour(), 80, 24);
        DefaultVirtualTerminal mono = draw(v, Theme.mono(), 80, 24);
        assertThat(VirtualScreens.text(mono)).isEqualTo(VirtualScreens.text(colour));
        for (int r = 0; r < 24; r++) {
            for (int c = 0; c < 80; c++) {
                TextCharacter ch = mono.getCharacter(c, r);
                assertThat(ch.getForegroundColor()).as("fg at %d,%d", c, r).isEqualTo(TextColor.ANSI.DEFAULT);
                assertThat(ch.getBackgroundColor()).as("bg at %d,%d", c, r).isEqualTo(TextColor.ANSI.DEFAULT);
            }
        }
        assertThat(cell(mono, "4 a X", 2).getModifiers()).contains(SGR.REVERSE);
        assertThat(cell(mono, "3 a b", 2).getModifiers()).doesNotContain(SGR.REVERSE).contains(SGR.BOLD);
        assertThat(cell(mono, "0 f code", 2).getModifiers()).isEmpty();
        assertThat(cell(mono, "×2", 2).getModifiers()).contains(SGR.UNDERLINE);
        assertThat(cell(mono, " solo", 0).getModifiers()).contains(SGR.REVERSE);
    }

    @Test
    void largerTerminalShowsParentsRefsAndMoreLogAt160x48() throws Exception {
        for (Theme theme : new Theme[] {Theme.colour(), Theme.mono()}) {
            DefaultVirtualTerminal vt = draw(copiedState("en"), theme, 160, 48);
            assertThat(row(vt, 0)).contains(" COW Arena │ solo │ campaign/02-cow-copy: Writing to a shared page copies it")
                    .endsWith("moves 1, 3 left │ ★★★ ");
            assertThat(row(vt, 1)).contains("f file a anon ·free ×n shared new copied freed reused");
            assertThat(row(vt, 2)).startsWith("0 f code×2  1 f cfg ×2  2 a a   ×2  3 a b       4 a X");
            int head = rowOf(vt, " pid prog");
            assertThat(row(vt, head)).contains("ppid").contains("refs value");
            assertThat(row(vt, head + 2)).startsWith("▸└2 shell").contains("   1  running   4  2.50    1")
                    .contains("   1 → 1    data  R COW  ×2   cfg");
            assertThat(row(vt, head + 4)).contains("▸  3 → 4    heap  RW          X");
            int sentence = rowOf(vt, "  pid 2 wrote vpn 3, shared with pid 1: copied frame 3 into frame 4");
            assertThat(row(vt, sentence + 1)).startsWith("  In depth: a write to a page others share (or to a "
                    + "private file page) makes the kernel copy it into a new frame, wp_page_copy in Linux;");
            assertThat(rowOf(vt, "› write 2 3 X")).isLessThan(sentence);
            assertThat(cell(vt, "4 a X", 2).getModifiers().contains(SGR.REVERSE)
                    || cell(vt, "4 a X", 2).getBackgroundColor() == TextColor.ANSI.RED).isTrue();
            assertThat(row(vt, 47)).startsWith("f fork  w write  q quit");
        }
    }

    @Test
    void chineseNarrationIsWrappedByItsWidth() throws Exception {
        DefaultVirtualTerminal vt = draw(copiedState("zh"), Theme.colour(), 80, 24);
        int top = rowOf(vt, "── Log");
        boolean wide = false;
        for (int r = top + 1; r < 23; r++) {
            String text = row(vt, r);
            assertThat(Columns.width(text)).as("row %d", r).isEqualTo(80);
            for (int c = 0; c < 80; c++) {
                wide |= vt.getCharacter(c, r).isDoubleWidth();
            }
        }
        assertThat(wide).as("the log shows Chinese").isTrue();
        assertThat(VirtualScreens.text(vt)).contains("pid 2");
    }

    @Test
    void chineseChromeKeepsTheEnglishBoardsColumnsAt80x24And160x48() throws Exception {
        for (int[] size : new int[][] {{80, 24}, {160, 48}}) {
            int w = size[0];
            DefaultVirtualTerminal en = draw(copiedState("en"), Chrome.english(), w, size[1]);
            DefaultVirtualTerminal zh = draw(copiedState("zh"), Chrome.of("zh"), w, size[1]);
            assertThat(row(zh, 0)).contains("步数 1，剩 3 步 │ ★★★");
            assertThat(row(zh, 1)).startsWith("内存：已用 5/5 个页框，峰值 5；零页：0 个映射  f 文件 a 匿名 ·空闲");
            int top = rowOf(en, "Processes");
            assertThat(rowOf(zh, "进程 2 的页表")).isEqualTo(top);
            assertThat(row(zh, top)).startsWith("进程 ").contains("│进程 2 的页表").contains("│目标");
            assertThat(row(zh, top + 1)).startsWith(" pid 程序").contains("状态").contains(w == 80
                    ? "│虚页 页框  段  权限  值" : "│虚页 页框   段   权限   引用 值");
            assertThat(row(zh, top + 3)).startsWith("▸└2 shell").contains("运行");
            assertThat(row(zh, rowOf(zh, "星级"))).contains("星级 ★★★");
            int log = rowOf(en, "── Log");
            assertThat(row(zh, log)).startsWith("── 日志 ──");
            for (int r = 0; r < size[1]; r++) {
                // a wide character never pushes a row past the edge
                assertThat(Columns.width(row(zh, r))).as("width of row %d at %dx%d", r, w, size[1]).isEqualTo(w);
                for (int c = 0; r >= top && r < log && c < w; c++) {
                    if (en.getCharacter(c, r).getCharacterString().equals("│")) {
                        assertThat(zh.getCharacter(c, r).getCharacterString()).as("border at %d,%d", c, r)
                                .isEqualTo("│");
                    }
                }
            }
        }
    }

    @Test
    void aTerminalTooSmallSaysSoInChineseToo() throws Exception {
        DefaultVirtualTerminal vt = draw(copiedState("zh"), Chrome.of("zh"), 60, 20);
        assertThat(row(vt, 0)).startsWith("COW Arena 需要至少 80x24 的终端");
    }

    @Test
    void aTerminalTooSmallSaysSo() throws Exception {
        DefaultVirtualTerminal vt = draw(copiedState("en"), Theme.colour(), 60, 20);
        assertThat(row(vt, 0)).startsWith("COW Arena needs a terminal of at least 80x24 (this one is");
        assertThat(row(vt, 1)).startsWith("60x20): make it larger, or press q to quit");
    }

    @Test
    void aThousandFramesFitAt160x48InCompactCells() throws Exception {
        BoardView v = BigBoard.view();
        DefaultVirtualTerminal vt = draw(v, Theme.colour(), 160, 48);
        assertThat(row(vt, 1)).startsWith("Memory: 614 of 1024 frames used, peak 614; zero page: 1 maps");
        // gutter with the first frame of each row, then value's first character and refs digit per frame
        assertThat(row(vt, 2)).startsWith("   0│" + "c2 ".repeat(12) + "k  k  ");
        int perRow = (160 - 5) / 3;
        assertThat(row(vt, 3)).startsWith(String.format(java.util.Locale.ROOT, "%4d│", perRow));
        for (int f = 0; f < 1024; f++) {
            int r = 2 + f / perRow;
            int c = 5 + (f % perRow) * 3;
            BoardView.FrameCell frame = v.frames().get(f);
            String shown = vt.getCharacter(c, r).getCharacterString() + vt.getCharacter(c + 1, r).getCharacterString();
            String expected = frame.kind() == BoardView.Kind.FREE ? "· "
                    : frame.value().substring(0, 1) + (frame.refs() > 1 ? String.valueOf(Math.min(9, frame.refs()))
                    : " ");
            assertThat(shown).as("frame %d", f).isEqualTo(expected);
        }
        int zeroFilled = v.frames().stream().filter(f -> f.mark() == Mark.COPIED).findFirst().orElseThrow().frame();
        assertThat(vt.getCharacter(5 + (zeroFilled % perRow) * 3, 2 + zeroFilled / perRow).getBackgroundColor())
                .isEqualTo(TextColor.ANSI.RED);
        assertThat(VirtualScreens.text(vt)).contains("pid 1 wrote vpn 200, shared with pid 2: copied frame");
    }
}
