package org.cowarena.race;

import java.util.ArrayList;
import java.util.List;
import org.cowarena.game.Game;

/** A player in a race: the level and attempt being played now, and a best per level. */
public final class Runner {
    final String name;
    int level = -1;
    int attempt;
    Game game;
    boolean solvedNow;
    final List<String> moves = new ArrayList<>();
    final LevelBest[] bests;

    Runner(String name, int levels) {
        this.name = name;
        this.bests = new LevelBest[levels];
        for (int i = 0; i < levels; i++) {
            bests[i] = new LevelBest();
        }
    }

    public String name() {
        return name;
    }

    /** The level being played, or -1 before the first attempt. */
    public int level() {
        return level;
    }

    /** Attempts started on the current level (1 for the first). */
    public int attempt() {
        return attempt;
    }

    /** The moves of the current attempt, in the move notation. */
    public List<String> moves() {
        return List.copyOf(moves);
    }

    /** How many moves the current attempt has. */
    public int moveCount() {
        return moves.size();
    }

    /** True when the current attempt met the level's goal: it takes no more moves. */
    public boolean solvedNow() {
        return solvedNow;
    }

    public Game game() {
        return game;
    }

    public LevelBest best(int level) {
        return bests[level];
    }
}
