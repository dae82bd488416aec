package org.cowarena.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cowarena.game.Game;
import org.cowarena.move.Move;

/**
 * The search tree as flat arrays: for each kept node its parent, the move that led to
 * it (an index into the moves met so far, each kept once) and its score, plus a mark
 * for nodes another node with the same state beat. A node's state is not kept: it is
 * rebuilt by replaying the moves from the start, which costs a few moves where a kept
 * game would cost kilobytes.
 */
final class Nodes {
    private int[] parent = new int[1024];
    private int[] move = new int[1024];
    private long[] score = new long[1024];
    private final BitSet beaten = new BitSet();
    private int size;
    private final List<Move> moves = new ArrayList<>();
    private final Map<Move, Integer> moveIds = new HashMap<>();

    int size() {
        return size;
    }

    /** Adds a node reached from {@code from} (-1 for the root) by {@code m}; returns its index. */
    int add(int from, Move m, long s) {
        if (size == parent.length) {
            int grown = size + (size >> 1);
            parent = Arrays.copyOf(parent, grown);
            move = Arrays.copyOf(move, grown);
            score = Arrays.copyOf(score, grown);
        }
        parent[size] = from;
        move[size] = m == null ? -1 : moveIds.computeIfAbsent(m, k -> {
            moves.add(k);
            return moves.size() - 1;
        });
        score[size] = s;
        return size++;
    }

    /** Takes back the node added last. */
    void removeLast() {
        size--;
    }

    int parent(int n) {
        return parent[n];
    }

    Move move(int n) {
        return moves.get(move[n]);
    }

    long score(int n) {
        return score[n];
    }

    void beat(int n) {
        beaten.set(n);
    }

    boolean beaten(int n) {
        return beaten.get(n);
    }

    /** The moves from the start to node {@code n}. */
    List<Move> path(int n) {
        List<Move> path = new ArrayList<>();
        for (int i = n; parent[i] >= 0; i = parent[i]) {
            path.add(moves.get(move[i]));
        }
        java.util.Collections.reverse(path);
        return path;
    }

    /** Node {@code n}'s state: {@code start}'s copy with the path played. */
    Game replay(Game start, int n) {
        Game game = start.copy();
        for (Move m : path(n)) {
            game.play(m);
        }
        return game;
    }
}
