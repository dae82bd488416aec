package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import org.cowarena.board.Chrome;
import org.cowarena.board.ProjectorRendererTest;
import org.cowarena.protocol.Messages;
import org.junit.jupiter.api.Test;

/** Where a race player stands on a level, from the leaderboard the projector draws too. */
class RaceStandingTest {

    @Test
    void ranksCountOnlyStrictlyBetterBestsOfPlayersWhoSolved() {
        Messages.Leaderboard board = ProjectorRendererTest.board();
        // bob: 5 moves, 1 copy, peak 3, 2 stars; ann: 2, 0, 2, 3; cid has not solved it
        assertThat(RaceTable.standing(board, 0, "bob")).containsExactly(
                "Where you stand (your best, among the 2 who solved it):",
                "moves      5   rank 2 of 2   class best 2   ★ 2",
                "copies     1   rank 2 of 2   class best 0   ★ 0",
                "peak       3   rank 2 of 2   class best 2   ★ 2",
                "stars      2   rank 2 of 2   class best 3   ★ 3");
        assertThat(RaceTable.standing(board, 0, "ann")).element(1).isEqualTo(
                "moves      2   rank 1 of 2   class best 2   ★ 2");
    }

    @Test
    void theStandingSpeaksChineseInItsColumns() {
        assertThat(RaceTable.standing(ProjectorRendererTest.board(), 0, "bob", Chrome.of("zh"))).containsExactly(
                "你的位置（你的最佳成绩，在 2 位解决者中）：",
                "步数       5   排名 2/2   全班最佳 2   ★ 2",
                "复制       1   排名 2/2   全班最佳 0   ★ 0",
                "峰值       3   排名 2/2   全班最佳 2   ★ 2",
                "星数       2   排名 2/2   全班最佳 3   ★ 3");
        assertThat(RaceTable.standing(null, 0, "ann", Chrome.of("zh"))).containsExactly(
                "（全班成绩随下一次排行榜公布）");
    }

    @Test
    void equalBestsShareARank() {
        Messages.Leaderboard board = ProjectorRendererTest.board();
        Messages.LevelBoard one = board.levels[0];
        one.best[4] = 2; // bob's moves now equal ann's
        assertThat(RaceTable.standing(board, 0, "bob")).element(1).isEqualTo(
                "moves      2   rank 1 of 2   class best 2   ★ 2");
    }

    @Test
    void withoutASolveOrALeaderboardThereIsNoRank() {
        Messages.Leaderboard board = ProjectorRendererTest.board();
        assertThat(RaceTable.standing(board, 0, "cid")).containsExactly("You have not solved this level yet: no rank.");
        assertThat(RaceTable.standing(board, 1, "ann")).containsExactly("You have not solved this level yet: no rank.");
        assertThat(RaceTable.standing(null, 0, "ann")).containsExactly(
                "(the class's results come with the next leaderboard)");
    }
}
