package org.cowarena.client;

import java.io.PrintWriter;
import java.util.Optional;
import org.cowarena.bot.Strategy;
import org.cowarena.game.Game;
import org.cowarena.level.LevelException;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.Move;
import org.cowarena.move.MoveParser;
import org.cowarena.move.MoveSyntaxException;
import org.cowarena.protocol.Messages;

/**
 * A bot in a race: plays each of the race's levels in turn, from the level the room is on,
 * with its strategy, until the level is solved or the bot has no move left to try there;
 * then goes on to the next level, and ends after the last one (or when the race stops).
 */
final class RaceBot {
    /** Moves a bot tries on one level at most, when the level sets no limit. */
    static final int MAX_MOVES_PER_LEVEL = 200;

    private final Session session;
    private final Strategy strategy;
    private final PrintWriter out;
    private String[] texts;
    private String[] ids;
    private String state = "waiting";
    private int level = -1;
    private Game game;
    private int tried;
    private int pendingSeq = -1;
    private final long thinkNanos;
    private long nextMoveAt;
    /** A state or an acknowledgement this client cannot read: the bot stops, refused. */
    private boolean failed;

    /** {@code thinkMillis}: how long it waits after each answer before its next move (0: at once). */
    RaceBot(Session session, Strategy strategy, PrintWriter out, long thinkMillis) {
        this.session = session;
        this.strategy = strategy;
        this.out = out;
        this.thinkNanos = thinkMillis * 1_000_000L;
    }

    /** Races to the end; returns the exit status (see {@link BotPlayer}). */
    int run() throws InterruptedException {
        session.handlers().on(Messages.RaceState.class, s -> failed |= !state(s))
                .on(Messages.RaceAck.class, this::acked)
                .on(Messages.MoveRefused.class, this::refused);
        while (true) {
            session.next(250);
            if (failed) {
                return BotPlayer.REFUSED;
            }
            if (session.refusal() != null) {
                say("refused: " + session.refusal());
                return BotPlayer.REFUSED;
            }
            if (session.closed()) {
                say("lost the connection to the server");
                return BotPlayer.LOST;
            }
            if ("stopped".equals(state) || (texts != null && level >= texts.length)) {
                say("race over for " + session.name());
                return BotPlayer.ENDED;
            }
            if (pendingSeq < 0 && game != null && "running".equals(state) && System.nanoTime() - nextMoveAt >= 0) {
                if (game.movesLeft() == 0 || tried >= MAX_MOVES_PER_LEVEL) {
                    say("level " + (level + 1) + " (" + ids[level] + ") not solved; on to the next level");
                    nextLevel();
                } else {
                    String owner = game.players().isEmpty() ? "you" : game.players().get(0);
                    Move move = strategy.choose(game, owner);
                    pendingSeq = session.play(move.notation());
                    nextMoveAt = System.nanoTime() + thinkNanos;
                }
            }
        }
    }

    private void acked(Messages.RaceAck a) {
        if (a.seq != pendingSeq || game == null) {
            return;
        }
        pendingSeq = -1;
        tried++;
        try {
            game.attempt(Optional.empty(), MoveParser.parseMove(a.move));
        } catch (MoveSyntaxException e) {
            say("the server acknowledged a move this client cannot read: " + a.move);
            failed = true;
            return;
        }
        if (a.solved) {
            say("level " + (level + 1) + " (" + ids[level] + ") solved in " + a.moves + " moves, " + a.stars
                    + (a.stars == 1 ? " star" : " stars"));
            nextLevel();
        }
    }

    private void refused(Messages.MoveRefused r) {
        if (r.seq != pendingSeq) {
            return;
        }
        pendingSeq = -1;
        if ("running".equals(state)) {
            say("level " + (level + 1) + ": " + r.reason + "; on to the next level");
            nextLevel();
        }
    }

    /** Takes in the race's state; false when the levels it carries cannot be read. */
    private boolean state(Messages.RaceState s) {
        state = s.state;
        if (s.levelTexts != null) {
            texts = s.levelTexts;
            ids = s.levels;
        }
        if (texts == null || s.level < 0 || s.level == level && game != null) {
            return true;
        }
        try {
            level = s.level;
            game = Game.start(LevelLoader.parse(texts[level], ids[level]));
            for (String move : s.moves) { // a bot back with its token goes on with its attempt
                game.attempt(Optional.empty(), MoveParser.parseMove(move));
            }
            tried = s.moves.length;
            pendingSeq = -1;
            return true;
        } catch (LevelException | MoveSyntaxException e) {
            say("cannot read the race's level " + ids[level] + ": " + e.getMessage());
            return false;
        }
    }

    /** Starts an attempt at the next level; the server's state answer brings its game. */
    private void nextLevel() {
        game = null;
        pendingSeq = -1;
        if (level + 1 < texts.length) {
            session.send(new Messages.RaceAttempt(level + 1));
        } else {
            level = texts.length;
        }
    }

    private void say(String line) {
        if (out != null) {
            out.println(line);
            out.flush();
        }
    }
}
