/**
 * The network protocol shared by the server and the client: the wire messages, their
 * one ordered Kryo registration, the protocol version, buffer sizes, and the state digest
 * a client checks its copy of a room's game against (the client keeps that copy in its own
 * room model).
 */
package org.cowarena.protocol;
