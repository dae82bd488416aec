package org.cowarena.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cowarena.game.Game;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.MoveParser;
import org.cowarena.report.Narrator;
import org.junit.jupiter.api.Test;

/**
 * What the log says about a move (its sentences, each kind's explanation right after it and once,
 * the level's programs named as such), and a process's name in the tree.
 */
class LogBookTest {
    private static List<String> texts(LogBook log) {
        return log.lines().stream().map(BoardView.LogLine::text).toList();
    }

    @Test
    void anExplanationFollowsTheEventItExplainsOnceAGame() throws Exception {
        Game game = Game.start(LevelLoader.loadBundled("campaign/01-fork"));
        LogBook log = new LogBook(new Narrator(game, "en"), game.level());
        log.move("", game.play(MoveParser.parseMove("fork 1")));
        List<String> first = texts(log);
        assertThat(first.get(0)).isEqualTo("› fork 1");
        assertThat(first.get(1)).startsWith("  pid 1 forked pid 2");
        assertThat(first.get(2)).as("right after the fork's sentence").startsWith("  In depth: fork copies the page table");
        log.move("", game.play(MoveParser.parseMove("fork 1")));
        assertThat(texts(log).stream().filter(l -> l.contains("In depth: fork"))).as("once a game").hasSize(1);
        assertThat(log.headline()).isEqualTo("› fork 1");
    }

    @Test
    void aScriptedActorIsNamedAsTheLevelsProgram() throws Exception {
        Game game = Game.start(LevelLoader.loadBundled("campaign/09-vfork"));
        LogBook log = new LogBook(new Narrator(game, "en"), game.level());
        log.move("", game.play(MoveParser.parseMove("vfork 1")));
        log.move("", game.play(MoveParser.parseMove("exec 2 gzip")));
        assertThat(texts(log)).contains("  server, the level's program: write 1 2 r1").noneMatch(l -> l.contains("[server]"));
        LogBook zh = new LogBook(new Narrator(game, "zh"), game.level());
        Game again = Game.start(LevelLoader.loadBundled("campaign/09-vfork"));
        zh.move("", again.play(MoveParser.parseMove("vfork 1")));
        zh.move("", again.play(MoveParser.parseMove("exec 2 gzip")));
        assertThat(texts(zh)).contains("  关卡程序 server：write 1 2 r1");
        assertThat(log.headline()).as("the player's move, not the program's").isEqualTo("› exec 2 gzip");
    }

    @Test
    void theTreesGlyphsGiveWayBeforeAProgramsName() {
        BoardView.ProcRow deep = new BoardView.ProcRow(12, 7, 3, "you", "server", org.cowarena.kernel.TaskState.RUNNING,
                1, 1.0, 1);
        assertThat(BoardRenderer.treeName(deep, 20)).isEqualTo("    └12 server");
        assertThat(BoardRenderer.treeName(deep, 10)).isEqualTo("└12 server");
        assertThat(BoardRenderer.treeName(deep, 9)).as("the glyph goes before the name is cut").isEqualTo("12 server");
    }
}
