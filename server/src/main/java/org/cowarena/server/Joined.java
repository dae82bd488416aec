package org.cowarena.server;

import com.esotericsoftware.kryonet.Connection;

/** Where a connection's messages go once it has joined: a room or the race. Called on the network thread. */
interface Joined {
    /** A message from {@code c}: posted to the room's own thread, never handled here. */
    void receive(Connection c, Object message);

    /** {@code c}'s connection closed. */
    void left(int connectionId);
}
