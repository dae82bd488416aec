package org.cowarena.solver;

import java.util.List;
import java.util.stream.Collectors;
import org.cowarena.level.Metrics;
import org.cowarena.move.Move;

/** A move sequence that meets the level's goal, what it scores and the stars it earns. */
public record Solution(List<Move> moves, Metrics metrics, int stars) {
    public Solution {
        moves = List.copyOf(moves);
    }

    /** The moves in the notation, one a line, as a moves file holds them. */
    public String notation() {
        return moves.stream().map(Move::notation).collect(Collectors.joining("\n"));
    }
}
