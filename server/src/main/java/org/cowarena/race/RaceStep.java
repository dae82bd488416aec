package org.cowarena.race;

import org.cowarena.game.Turn;

/**
 * What a race move did: refused with a reason (nothing changed), or accepted with its
 * turn, the attempt's result so far ({@code result} per {@link RaceLedger#METRICS}),
 * whether it solved the level and whether that improved the player's best.
 */
public record RaceStep(String refusal, Turn turn, int[] result, boolean solved, boolean improved) {
    static RaceStep refused(String reason) {
        return new RaceStep(reason, null, null, false, false);
    }

    public boolean accepted() {
        return refusal == null;
    }
}
