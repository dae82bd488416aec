package org.cowarena.server;

import org.cowarena.bot.Strategy;

/** A seat of a room: the level owner it moves for, who sits in it, and whether a bot plays it now. */
final class Seat {
    final String owner;
    /** False for a seat a bot fills from the start ({@code --players} below the level's seats). */
    final boolean forHumans;
    String player;
    String token;
    Peer connection;
    /** The bot playing the seat now, or null: a filler seat, or a player gone past the grace period. */
    Strategy bot;
    /** Bumped on every disconnect and reconnect, so a stale grace timer does nothing. */
    long graceGeneration;

    Seat(String owner, boolean forHumans) {
        this.owner = owner;
        this.forHumans = forHumans;
    }

    boolean taken() {
        return player != null;
    }

    boolean connected() {
        return connection != null && connection.connected();
    }
}
