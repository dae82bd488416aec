package org.cowarena.server;

import com.esotericsoftware.kryonet.Connection;
import org.cowarena.protocol.Messages;

/** What a room needs of the network: guarded sends, refusals, and knowing which room a connection joined. */
interface Outbox {
    /** Sends without ever blocking the room: a slow or broken reader is dropped instead. */
    void send(Connection c, Object message);

    /** Sends a refusal with its reason, then closes the connection. */
    void refuse(Connection c, String reason);

    void close(Connection c);

    /** Records which room gave out a seat token, so a reconnect without the room's code finds it. */
    void tokenIssued(String token, Room room);

    /** Records that {@code c} is now a member of {@code room}: its messages go there. */
    void member(Connection c, Room room);

    /** A room's game has ended with this result (a tournament collects its matches' results here). */
    default void gameEnded(Room room, Messages.GameOver result) {
    }

    /** {@code player} sits in {@code room} on connection {@code c} now (a join, or a reclaim with the token). */
    default void seated(Connection c, Room room, String player) {
    }
}
