package org.cowarena.server;

/**
 * An arena seat's points at the end: each live process is worth 100, each frame still
 * charged to the seat costs 1. More processes on less memory wins, which is what sharing
 * pages copy-on-write buys.
 */
final class Scoring {
    static final int PER_PROCESS = 100;

    private Scoring() {
    }

    static int points(int alive, int charged) {
        return PER_PROCESS * alive - charged;
    }
}
