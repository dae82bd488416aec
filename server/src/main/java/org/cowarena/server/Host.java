package org.cowarena.server;

import java.util.List;
import java.util.Optional;
import org.cowarena.protocol.Messages;

/**
 * What a server hosts behind its transport: rooms ({@link RoomsHost}), a race
 * ({@link RaceRoom}) or a tournament ({@link Tournament}). {@link GameServer} checks each
 * Hello (version, name) and hands it here; the network thread calls these methods.
 */
interface Host {
    /**
     * A connection that said Hello joins; {@code name} is checked already. Returns where its
     * messages go from now on, or null: nowhere yet (a tournament seats its entrants later)
     * or refused.
     */
    Joined join(Peer c, Messages.Hello hello, String name);

    /** A connection closed (a tournament forgets an entrant who leaves before the draw). */
    default void left(int connectionId) {
    }

    List<RoomStatus> rooms();

    /** The room with that join code, if this host has one. */
    Optional<Room> room(String code);

    /** Why a teacher command is not obeyed here, or null where it is (a race). */
    String teacherRefusal();

    /** Stops every room's thread and closes their journals. */
    void shutdown();
}
