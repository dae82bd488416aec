package org.cowarena.tui;

import java.io.IOException;
import org.cowarena.client.Session;

/**
 * Getting a dropped session back: the session's token reclaims the seat (or the race
 * place, or the spectator's view) on a new connection. Attempts back off from 100 ms to
 * 2 s, and stop once the connection has been gone for longer than the limit.
 */
final class Reconnect {
    enum Step {
        /** Nothing is lost, or the next attempt is not due yet. */
        WAITING,
        /** The session is connected again. */
        BACK,
        /** An attempt failed; another follows. */
        FAILED,
        /** Gone longer than the limit: no more attempts. */
        GAVE_UP
    }

    private static final long FIRST_PAUSE_MILLIS = 100;
    private static final long LONGEST_PAUSE_MILLIS = 2000;

    private final Session session;
    private final long limitNanos;
    private long lostAt;
    private long nextTry;
    private long pauseMillis = FIRST_PAUSE_MILLIS;
    private int tries;

    Reconnect(Session session, long limitMillis) {
        this.session = session;
        this.limitNanos = limitMillis * 1_000_000L;
    }

    /** The connection dropped (again): the clock starts now unless it is already running. */
    void lost() {
        if (lostAt == 0) {
            lostAt = System.nanoTime();
            nextTry = lostAt;
            tries = 0;
        }
    }

    /** {@code lost} and, once an attempt has failed, how many were made: the screen shows it is still trying. */
    String say(String lost, org.cowarena.board.Chrome chrome) {
        return tries == 0 ? lost : chrome.say("reconnect.tried", lost, tries);
    }

    /** Tries again when an attempt is due. */
    Step attempt() {
        if (lostAt == 0) {
            return Step.WAITING;
        }
        long now = System.nanoTime();
        if (now - lostAt > limitNanos) {
            return Step.GAVE_UP;
        }
        if (now < nextTry) {
            return Step.WAITING;
        }
        tries++;
        try {
            session.connect(1000);
            lostAt = 0;
            pauseMillis = FIRST_PAUSE_MILLIS;
            return Step.BACK;
        } catch (IOException e) {
            pauseMillis = Math.min(LONGEST_PAUSE_MILLIS, pauseMillis * 2);
            nextTry = System.nanoTime() + pauseMillis * 1_000_000L;
            return Step.FAILED;
        }
    }
}
