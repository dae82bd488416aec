package org.cowarena.board;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.util.List;
import java.util.Optional;
import org.cowarena.game.Game;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.MoveParser;
import org.cowarena.report.Narrator;
import org.junit.jupiter.api.Test;

/**
 * What fork returned in each process, and the level's targets, on the board at 80×24: the page
 * table's title gives the values fork returned in the selected process (0 where it is the
 * child, then each child's pid), the log says both at the fork, and the side panel keeps the star
 * thresholds in sight, red once play is past one.
 */
class ForkAndTargetsTest {
    private static Game forked(String... moves) throws Exception {
        Game game = Game.start(LevelLoader.loadBundled("campaign/01-fork"));
        for (String m : moves) {
            game.play(MoveParser.parseMove(m));
        }
        return game;
    }

    private static DefaultVirtualTerminal board(Game game, int pid, int columns) {
        BoardView v = BoardViews.of(game, new Narrator(game, "en"), "solo", pid, 0, Optional.empty());
        return VirtualScreens.draw(columns, 24, g -> BoardRenderer.draw(v, Theme.colour(), g));
    }

    @Test
    void thePageTablesTitleGivesWhatForkReturnedInTheSelectedProcess() throws Exception {
        Game game = forked("fork 1", "fork 2", "fork 1");
        assertThat(VirtualScreens.row(board(game, 1, 80), 3)).contains("│Pages of pid 1 · fork()→2, 4 │");
        assertThat(VirtualScreens.row(board(game, 2, 80), 3)).contains("│Pages of pid 2 · fork()→0, 3 │");
        assertThat(VirtualScreens.row(board(game, 4, 80), 3)).contains("│Pages of pid 4 · fork()→0    │");
        // with room, the title says it in full
        assertThat(VirtualScreens.row(board(game, 2, 160), 3)).contains("│Page table of pid 2 · fork() returned 0, 3");
        // a process that never forked nor was forked has the plain title
        assertThat(VirtualScreens.row(board(forked(), 1, 80), 3)).contains("│Page table of pid 1 ");
    }

    @Test
    void theLogSaysWhatForkReturnedInBothProcesses() throws Exception {
        Game game = Game.start(LevelLoader.loadBundled("campaign/01-fork"));
        LogBook log = new LogBook(new Narrator(game, "en"), game.level());
        log.move("", game.play(MoveParser.parseMove("fork 1")));
        List<String> lines = log.lines().stream().map(BoardView.LogLine::text).toList();
        int sentence = lines.indexOf(lines.stream().filter(l -> l.contains("pid 1 forked pid 2")).findFirst()
                .orElseThrow());
        // after the fork's sentence and its explanation: the last line of the move, in view at its end
        assertThat(lines.get(lines.size() - 1)).isEqualTo("  fork returned 2 in pid 1 (the child's pid) and 0 in pid 2");
        assertThat(lines.size() - 1).isGreaterThan(sentence);
        Chrome zh = Chrome.of("zh");
        assertThat(zh.say("log.forkReturns", "vfork", 1, 2)).isEqualTo("vfork 在进程 1 中返回 2（子进程的进程号），在进程 2 中返回 0");
    }

    @Test
    void theTargetsStayInSightAndTurnRedWhenPassed() throws Exception {
        DefaultVirtualTerminal start = board(forked(), 1, 80);
        int row = BoardRendererTest.rowOf(start, "for ★★★: moves ≤ 2");
        assertThat(BoardRendererTest.cell(start, "for ★★★", row).getForegroundColor())
                .isNotEqualTo(TextColor.ANSI.RED);
        DefaultVirtualTerminal past = board(forked("pass", "pass", "pass"), 1, 80);
        int pastRow = BoardRendererTest.rowOf(past, "for ★★★: moves ≤ 2");
        assertThat(BoardRendererTest.cell(past, "for ★★★", pastRow).getForegroundColor())
                .isEqualTo(TextColor.ANSI.RED);
    }

    @Test
    void aLevelWithoutAGoalSaysSoInsteadOfStars() throws Exception {
        Game game = Game.start(LevelLoader.loadBundled("sandbox/playground"));
        DefaultVirtualTerminal vt = board(game, 1, 80);
        assertThat(VirtualScreens.row(vt, 0)).endsWith("│ no goal ");
        assertThat(VirtualScreens.text(vt)).doesNotContain("★").doesNotContain("for ★★★");
    }
}
