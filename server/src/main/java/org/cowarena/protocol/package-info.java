/**
 * The network protocol shared by the server and the client: the wire messages, their
 * one ordered Kryo registration, the protocol version, buffer sizes, the state digest,
 * and the replica a client keeps of a room's game.
 */
package org.cowarena.protocol;
