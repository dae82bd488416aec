package org.cowarena.board;

import java.nio.file.Path;
import java.util.Optional;
import org.cowarena.game.Game;
import org.cowarena.game.Turn;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.MoveParser;
import org.cowarena.report.Narrator;

/** The redraw benchmark's busy machine of 1,024 frames (src/jmh/resources/big-board.yaml), one write later. */
final class BigBoard {
    private BigBoard() {
    }

    static BoardView view() throws Exception {
        Game game = Game.start(LevelLoader.load(Path.of("src/jmh/resources/big-board.yaml")));
        Narrator narrator = new Narrator(game, "en");
        LogBook log = new LogBook(narrator, game.level());
        Turn turn = game.play(MoveParser.parseMove("write 1 200 Z"));
        log.move("", turn);
        return BoardViews.of(game, narrator, "solo", 1, 200, Optional.of(turn)).withLog(log.lines())
                .withStatus(BoardView.StatusLine.of("f fork  q quit"));
    }
}
