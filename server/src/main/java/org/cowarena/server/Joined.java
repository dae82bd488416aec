package org.cowarena.server;


/** Where a connection's messages go once it has joined: a room or the race. Called on the network thread. */
interface Joined {
    /** A message from {@code c}: posted to the room's own thread, never handled here. */
    void receive(Peer c, Object message);

    /** {@code c}'s connection closed. */
    void left(int connectionId);
}
