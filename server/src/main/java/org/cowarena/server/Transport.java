package org.cowarena.server;


/** What the hosts need of the network: guarded sends, refusals, and where a connection's messages go. */
interface Transport {
    /** Sends without ever blocking the caller: a slow or broken reader is dropped instead. */
    void send(Peer c, Object message);

    /** Sends a refusal with its reason, then closes the connection. */
    void refuse(Peer c, String reason);

    void close(Peer c);

    /** {@code c}'s messages go to {@code joined} from now on (the room or race that seated it). */
    void member(Peer c, Joined joined);
}
