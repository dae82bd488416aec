package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.cowarena.board.BoardView;
import org.cowarena.board.Theme;
import org.cowarena.game.Game;
import org.cowarena.move.MoveParser;
import org.cowarena.protocol.StateDigest;
import org.cowarena.server.LevelText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Undo and restart in a solo game take the game back in the same host and session: the board
 * is the game as it stood (the same digest), the result goes away, the log says so, and no
 * second host is started.
 */
class SoloUndoTest {
    private static final String LEVEL = "campaign/02-cow-copy";
    private final AtomicInteger hostsStarted = new AtomicInteger();
    private SoloTable solo;

    @AfterEach
    void close() {
        if (solo != null) {
            solo.close();
        }
    }

    private SoloTable table() throws Exception {
        LevelText level = LevelText.resolve(LEVEL);
        Context ctx = new Context(Theme.mono(), "en", null, "ann", List.of(), 0);
        solo = new SoloTable(level, ctx, null, l -> {
            hostsStarted.incrementAndGet();
            return EmbeddedServer.start(l);
        });
        until(() -> solo.game() != null);
        return solo;
    }

    private void until(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting on the solo table").isLessThan(deadline);
            solo.poll(20);
        }
    }

    private void play(String move) throws InterruptedException {
        int before = solo.room().index();
        solo.play(move);
        until(() -> solo.room().index() == before + 1);
    }

    /** The digest of the level's game after {@code moves}, played here from the start. */
    private static long digestAfter(String... moves) throws Exception {
        Game game = Game.start(LevelText.resolve(LEVEL).level());
        for (String m : moves) {
            game.play(MoveParser.parseMove(m));
        }
        return StateDigest.of(game);
    }

    private List<String> logTexts() {
        return solo.log().lines().stream().map(BoardView.LogLine::text).toList();
    }

    @Test
    void undoTakesTheLastMoveBackInTheSameHostAndTheResultGoesAway() throws Exception {
        table();
        play("read 2 3");
        play("write 2 3 X");
        assertThat(solo.ending()).as("the level is complete").isPresent();

        assertThat(solo.undo()).isNull();
        assertThat(solo.room().index()).isEqualTo(1);
        assertThat(StateDigest.of(solo.game())).isEqualTo(digestAfter("read 2 3"));
        assertThat(solo.room().moves()).containsExactly("read 2 3");
        assertThat(solo.ending()).as("no result once the winning move is taken back").isEmpty();
        assertThat(logTexts()).contains("undo: write 2 3 X taken back");

        play("write 2 3 Y");
        assertThat(StateDigest.of(solo.game())).isEqualTo(digestAfter("read 2 3", "write 2 3 Y"));
        assertThat(hostsStarted).as("one host for the whole game").hasValue(1);
    }

    @Test
    void restartGoesBackToTheLevelsStartAndUndoThenHasNothingToTakeBack() throws Exception {
        table();
        play("write 2 3 X");
        play("write 2 3 Y");
        assertThat(solo.restart()).isNull();
        assertThat(solo.room().index()).isZero();
        assertThat(StateDigest.of(solo.game())).isEqualTo(digestAfter());
        assertThat(solo.ending()).isEmpty();
        assertThat(logTexts()).contains("the level starts again");
        assertThat(solo.undo()).isEqualTo("nothing to undo: no move played yet");
        assertThat(hostsStarted).hasValue(1);
    }
}
