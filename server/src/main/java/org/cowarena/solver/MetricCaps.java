package org.cowarena.solver;

import org.cowarena.level.Goal;
import org.cowarena.level.Level;

/**
 * The caps a level's goals put on metrics (peak frames, copies, frames copied, OOM
 * kills): metrics only grow, so a state past one can never meet the goal.
 */
final class MetricCaps {
    private final int[] caps = new int[Scores.FIELDS];

    MetricCaps(Level level) {
        java.util.Arrays.fill(caps, Integer.MAX_VALUE);
        for (Goal goal : level.goals()) {
            if (goal instanceof Goal.MaxPeakFrames g) {
                cap(3, g.max());
            } else if (goal instanceof Goal.MaxCopies g) {
                cap(1, g.max());
            } else if (goal instanceof Goal.MaxFramesCopied g) {
                cap(2, g.max());
            } else if (goal instanceof Goal.NoOomKill) {
                cap(Scores.OOM_KILLS, 0);
            }
        }
    }

    private void cap(int field, int max) {
        caps[field] = Math.min(caps[field], max);
    }

    boolean exceeded(long score) {
        for (int i = 0; i < caps.length; i++) {
            if (Scores.get(score, i) > caps[i]) {
                return true;
            }
        }
        return false;
    }
}
