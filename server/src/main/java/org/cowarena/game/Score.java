package org.cowarena.game;

import java.util.List;

/**
 * Where a run stands against its level: the checklist, whether every goal holds,
 * the stars earned, and the metrics that went past the level's best known result.
 */
public record Score(List<GoalCheck> checks, boolean met, int stars, List<Overrun> overruns) {
    public Score {
        checks = List.copyOf(checks);
        overruns = List.copyOf(overruns);
    }
}
