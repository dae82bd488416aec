package org.cowarena.solver;

import org.cowarena.game.Game;

/**
 * Rebuilds the states of nodes for one thread: a node's parent is replayed from the
 * start once and kept, since the nodes of a batch come in runs of siblings; each node
 * is then one copy and one move away.
 */
final class Replayer {
    private final Game start;
    private final Nodes nodes;
    private int cachedParent = -2;
    private Game parentGame;

    Replayer(Game start, Nodes nodes) {
        this.start = start;
        this.nodes = nodes;
    }

    /** Node {@code n}'s state, a game of its own. */
    Game at(int n) {
        int p = nodes.parent(n);
        if (p < 0) {
            return start.copy();
        }
        if (p != cachedParent) {
            parentGame = nodes.replay(start, p);
            cachedParent = p;
        }
        Game game = parentGame.copy();
        game.play(nodes.move(n));
        return game;
    }
}
