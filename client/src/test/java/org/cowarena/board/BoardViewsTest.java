package org.cowarena.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.cowarena.game.Game;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.MoveParser;
import org.cowarena.report.Narrator;
import org.junit.jupiter.api.Test;

/** The board of a game whose page-cache page was reclaimed (the page reads "gone"), and the goals in the player's words. */
class BoardViewsTest {
    @Test
    void aReclaimedFilePageShowsAsOnDisk() throws Exception {
        Game game = Game.start(LevelLoader.loadBundled("campaign/01-fork"));
        game.play(MoveParser.parseMove("fork 1"));
        game.play(MoveParser.parseMove("write 1 2 Z")); // no free frame: reclaim takes the data page's frame
        BoardView v = BoardViews.of(game, new Narrator(game, "en"), "solo", 1, 1, Optional.empty());
        assertThat(v.pages().get(1).mapping()).isEqualTo(BoardView.PteRow.Mapping.GONE);
        String screen = VirtualScreens.text(VirtualScreens.draw(80, 24, g -> BoardRenderer.draw(v, Theme.mono(), g)));
        assertThat(screen).contains("▸  1→gone data");
        String zh = VirtualScreens.text(VirtualScreens.draw(80, 24, g -> BoardRenderer.draw(v, Theme.mono(),
                Chrome.of("zh"), g)));
        assertThat(zh).contains("1→回收 数据");
    }

    @Test
    void theDefaultOwnerIsYouInThePlayersLanguage() throws Exception {
        Game game = Game.start(LevelLoader.loadBundled("campaign/01-fork"));
        org.cowarena.level.Goal charge = new org.cowarena.level.Goal.MaxCharge("you", 3, org.cowarena.level.Pos.UNKNOWN);
        assertThat(BoardViews.describe(new Narrator(game, "zh"), charge)).startsWith("你").doesNotContain("you");
        assertThat(BoardViews.describe(new Narrator(game, "en"), charge)).contains("you");
    }
}
