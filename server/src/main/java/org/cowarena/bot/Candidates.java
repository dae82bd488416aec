package org.cowarena.bot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.cowarena.game.Game;
import org.cowarena.game.Standing;
import org.cowarena.kernel.ProcessInfo;
import org.cowarena.kernel.ProgramImage;
import org.cowarena.kernel.Segment;
import org.cowarena.kernel.TaskState;
import org.cowarena.level.Goal;
import org.cowarena.move.Move;

/** The moves a seat might make now, and whether each is legal (tried on a copy of the game). */
final class Candidates {
    /** More candidates than this are not all tried: a bot answers in bounded time on any board. */
    static final int MAX = 256;

    private Candidates() {
    }

    /** Moves by the seat's running processes that the level allows, then {@code pass}; maybe illegal ones too. */
    static List<Move> of(Game game, String owner) {
        List<Move> moves = new ArrayList<>();
        String value = owner.substring(0, 1) + (game.metrics().moves() % 10);
        for (ProcessInfo p : game.kernel().processes()) {
            if (!p.owner().equals(owner) || p.state() != TaskState.RUNNING) {
                continue;
            }
            int pid = p.pid();
            add(game, moves, new Move.Fork(pid));
            add(game, moves, new Move.VFork(pid));
            add(game, moves, new Move.Exit(pid));
            for (ProgramImage image : game.kernel().programs()) {
                add(game, moves, new Move.Exec(pid, image.name()));
            }
            int pages = game.kernel().pageTable(pid).size();
            for (int vpn = 0; vpn < pages; vpn++) {
                add(game, moves, new Move.Write(pid, vpn, value));
                add(game, moves, new Move.Read(pid, vpn));
            }
            // The values the level's goals ask of this process: the seat's jobs.
            for (Goal goal : game.level().goals()) {
                if (goal instanceof Goal.Page page && page.pid() == pid && page.vpn() < pages) {
                    add(game, moves, new Move.Write(pid, page.vpn(), page.value()));
                }
            }
        }
        moves.add(new Move.Pass());
        return moves;
    }

    /** {@link #of}, shuffled with {@code random} and cut to {@link #MAX}: the moves a bot tries, in its order. */
    static List<Move> shuffled(Game game, String owner, Random random) {
        List<Move> moves = of(game, owner);
        Collections.shuffle(moves, random);
        return moves.size() > MAX ? moves.subList(0, MAX) : moves;
    }

    /**
     * {@link #shuffled}, less the writes to code: a legal move (random plays it), but a segv
     * that does nothing or kills the writer, never a plan. Strategies that judge their
     * moves try these.
     */
    static List<Move> considered(Game game, String owner, Random random) {
        List<Move> moves = new ArrayList<>(shuffled(game, owner, random));
        moves.removeIf(m -> m instanceof Move.Write w && game.kernel().pageTable(w.pid()).get(w.vpn()).segment()
                == Segment.TEXT);
        return moves;
    }

    private static void add(Game game, List<Move> moves, Move move) {
        if (game.level().moves().allows(move.verb())) {
            moves.add(move);
        }
    }

    /** The game after {@code move}, or empty when the move is refused. */
    static Optional<Game> tryMove(Game game, String owner, Move move) {
        Game copy = game.copy();
        return copy.play(Optional.of(owner), move).outcome().ok() ? Optional.of(copy) : Optional.empty();
    }

    /** How many of the seat's jobs (goals naming its processes) hold. */
    static int jobsMet(Game game, String owner) {
        return game.standings().stream().filter(s -> s.player().equals(owner)).mapToInt(Standing::jobsMet)
                .findFirst().orElse(0);
    }

    static int alive(Game game, String owner) {
        int n = 0;
        for (ProcessInfo p : game.kernel().processes()) {
            if (p.owner().equals(owner) && p.state().alive()) {
                n++;
            }
        }
        return n;
    }
}
