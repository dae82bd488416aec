/**
 * The multiplayer host. {@link org.cowarena.server.GameServer} is the transport: a Kryonet
 * server once started, and in-process connections ({@link org.cowarena.server.LocalLink},
 * from {@link org.cowarena.server.GameServer#attach}) with or without it, so solo play and any
 * other front end in the same process need no socket. Both kinds of connection are a
 * {@link org.cowarena.server.Peer} to the hosts; messages on an in-process link are written
 * and read back by Kryo with the protocol's registration and size limits, exactly as they
 * would cross the network. The listeners only keep the table of connections, check each
 * Hello and route messages; the per-address caps on connections that have not said Hello
 * apply to network connections only. Behind it is one {@link org.cowarena.server.Host}: rooms
 * ({@link org.cowarena.server.RoomsHost}), a race ({@link org.cowarena.server.RaceRoom}) or a
 * tournament ({@link org.cowarena.server.Tournament}), each room, race and tournament an
 * actor ({@link org.cowarena.server.HostActor}) running everything it does on its own
 * thread: seats, turns, the turn timer, spectators, bots, reconnects, and the journal every
 * accepted move is on disk in before it is acknowledged. Timers run on a
 * {@link org.cowarena.server.Ticker}. Every file it writes is owner-only
 * ({@link org.cowarena.server.OwnerOnly}). LAN discovery answers on its own socket.
 */
package org.cowarena.server;
