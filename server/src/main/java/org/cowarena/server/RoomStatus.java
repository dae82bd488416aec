package org.cowarena.server;

/** A room as discovery and status show it: an immutable copy the room thread publishes. */
public record RoomStatus(String code, String level, int game, int players, int humanSeats, int spectators,
                         boolean started, boolean over, int moves, long digest) {
}
