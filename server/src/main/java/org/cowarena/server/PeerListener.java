package org.cowarena.server;

/**
 * What a transport hears of its connections, as Kryonet's listener hears of sockets: called on
 * the connection's own thread (the network thread, or an in-process client's), so it only
 * keeps its table and routes; the hosts' actors do the rest.
 */
interface PeerListener {
    void connected(Peer peer);

    void received(Peer peer, Object message);

    void disconnected(Peer peer);
}
