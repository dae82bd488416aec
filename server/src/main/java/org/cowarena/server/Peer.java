package org.cowarena.server;

import java.net.InetAddress;

/**
 * One connection a host serves, whatever carries it: a Kryonet socket ({@link KryonetPeer}) or
 * an in-process link ({@link LocalLink}). Rooms, the race and the tournament hold peers and
 * compare them by identity: the transport makes one peer per connection and keeps it.
 */
interface Peer {
    /**
     * Unique among the server's open connections: Kryonet numbers its connections from 1,
     * in-process links from -1 down, so the two never meet.
     */
    int id();

    /** Where a network connection comes from (per-address caps, logs); null for an in-process one. */
    InetAddress address();

    boolean connected();

    /**
     * Hands a message to the connection without ever blocking the caller. False when it could
     * not: the reader is too far behind, the message is over the receiver's size limit, or the
     * connection broke; the transport then closes the connection.
     */
    boolean offer(Object message);

    /** Closes the connection; the transport hears of it as a disconnect. Closing again does nothing. */
    void close();
}
