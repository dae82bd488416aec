package org.cowarena.level;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.cowarena.move.Move;

/**
 * A scripted part of the environment (a Redis parent serving writes, a client load):
 * after each accepted player move it makes one move, from a fixed script or picked
 * from a list by a seeded random. Deterministic: its move depends only on the level
 * and the turn number.
 *
 * @param script moves played in order, one a turn; with {@code loop} it starts again
 * @param pick   moves to pick from, one a turn, by a random seeded with {@code seed}
 */
public record Actor(String name, List<Move> script, boolean loop, OptionalLong seed, List<Move> pick, Pos pos) {
    public Actor {
        script = List.copyOf(script);
        pick = List.copyOf(pick);
    }

    /** The move this actor makes on turn {@code turn} (0 for the first player move), if any. */
    public Optional<Move> moveFor(int turn) {
        if (!pick.isEmpty()) {
            // A fresh generator per turn: the pick depends on (seed, turn) only, so copies
            // of a game and replays agree without carrying generator state.
            long mixed = seed.orElse(0L) ^ (0x9E3779B97F4A7C15L * (turn + 1L));
            return Optional.of(pick.get(new SplittableRandom(mixed).nextInt(pick.size())));
        }
        if (script.isEmpty()) {
            return Optional.empty();
        }
        if (turn < script.size()) {
            return Optional.of(script.get(turn));
        }
        return loop ? Optional.of(script.get(turn % script.size())) : Optional.empty();
    }
}
