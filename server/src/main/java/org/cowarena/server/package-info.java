/**
 * The multiplayer host: a Kryonet server whose listeners only enqueue, rooms that each
 * run one game on their own thread (seats, turns, the turn timer, spectators, bots,
 * reconnects), the journal every accepted move is flushed to before it is acknowledged,
 * and LAN discovery.
 */
package org.cowarena.server;
