/**
 * The multiplayer host. {@link org.cowarena.server.GameServer} is the transport: a Kryonet
 * server whose listeners only keep the table of connections, check each Hello and route
 * messages. Behind it is one {@link org.cowarena.server.Host}: rooms
 * ({@link org.cowarena.server.RoomsHost}), a race ({@link org.cowarena.server.RaceRoom}) or a
 * tournament ({@link org.cowarena.server.Tournament}), each room, race and tournament an
 * actor ({@link org.cowarena.server.HostActor}) running everything it does on its own
 * thread: seats, turns, the turn timer, spectators, bots, reconnects, and the journal every
 * accepted move is on disk in before it is acknowledged. Timers run on a
 * {@link org.cowarena.server.Ticker}. Every file it writes is owner-only
 * ({@link org.cowarena.server.OwnerOnly}). LAN discovery answers on its own socket.
 */
package org.cowarena.server;
