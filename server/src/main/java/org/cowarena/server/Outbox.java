package org.cowarena.server;

import org.cowarena.protocol.Messages;

/**
 * What a room needs of its host: the network ({@link #transport}), and someone to tell
 * about the tokens it gives out, who sits where, and how its games end (a tournament
 * collects its matches' results here).
 */
interface Outbox extends Transport {
    Transport transport();

    @Override
    default void send(Peer c, Object message) {
        transport().send(c, message);
    }

    @Override
    default void refuse(Peer c, String reason) {
        transport().refuse(c, reason);
    }

    @Override
    default void close(Peer c) {
        transport().close(c);
    }

    @Override
    default void member(Peer c, Joined joined) {
        transport().member(c, joined);
    }

    /** Records which room gave out a seat token, so a reconnect without the room's code finds it. */
    void tokenIssued(String token, Room room);

    /** A room's game has ended with this result. */
    default void gameEnded(Room room, Messages.GameOver result) {
    }

    /** {@code player} sits in {@code room} on connection {@code c} now (a join, or a reclaim with the token). */
    default void seated(Peer c, Room room, String player) {
    }

    /** Whether a room's players may start its next game themselves (a tournament starts its matches itself). */
    default boolean playersStartGames() {
        return true;
    }
}
