package org.cowarena.server;

import java.util.List;

/**
 * How a race room runs.
 *
 * @param levels      the levels every player plays, in order
 * @param limitMillis running time after which the race stops; -1 for none
 * @param waitForStart true when the race waits for the teacher's start; else it runs from the first moment
 */
public record RaceConfig(List<LevelText> levels, long limitMillis, boolean waitForStart) {
    public RaceConfig {
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a race needs at least one level");
        }
    }
}
