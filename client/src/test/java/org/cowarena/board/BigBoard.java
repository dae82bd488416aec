package org.cowarena.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cowarena.game.Game;
import org.cowarena.game.Turn;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.MoveParser;
import org.cowarena.report.Narrator;

/**
 * A busy machine of 1,024 frames: a database of 500 heap pages forked, its child having
 * copied 100 of them, and a reader that mapped the zero page.
 */
final class BigBoard {
    private BigBoard() {
    }

    static String levelText() {
        List<String> heap = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            heap.add("k" + i);
        }
        StringBuilder setup = new StringBuilder("\"fork 1\"");
        for (int v = 12; v < 112; v++) {
            setup.append(", \"write 2 ").append(v).append(" c").append(v).append('"');
        }
        setup.append(", \"fork 2\", \"exec 3 reader\", \"read 3 1\"");
        return "format: 1\nid: big\ntitle: A busy machine\nmemory: {frames: 1024, oom: reject}\n"
                + "programs:\n  db: {text: 2, data: [c0, c1, c2, c3, c4, c5, c6, c7, c8, c9], heap: 500}\n"
                + "  reader: {text: 1, heap: 2}\n"
                + "processes:\n  - pid: 1\n    program: db\n    heap: [" + String.join(", ", heap) + "]\n"
                + "setup: [" + setup + "]\n";
    }

    static BoardView view() throws Exception {
        Game game = Game.start(LevelLoader.parse(levelText(), "big.yaml"));
        Narrator narrator = new Narrator(game, "en");
        LogBook log = new LogBook(narrator, game.level());
        Turn turn = game.play(MoveParser.parseMove("write 1 200 Z"));
        log.move("", turn);
        return BoardViews.of(game, narrator, "solo", 1, 200, Optional.of(turn)).withLog(log.lines())
                .withStatus(BoardView.StatusLine.of("f fork  q quit"));
    }
}
