package org.cowarena.client;

import java.util.Optional;
import org.cowarena.game.Game;
import org.cowarena.level.Goal;

/**
 * Which goal of a game can no longer be met, whatever is played next: a limit on a count that
 * only grows (the peak, copies, frames copied, OOM kills) already passed, or a page goal on a
 * process that is gone. Other goals may still come right, so they are never called lost.
 */
public final class LostGoals {
    private LostGoals() {
    }

    /** The first goal, in the level's order, that can no longer be met; empty while each still can. */
    public static Optional<Goal> first(Game game) {
        for (Goal goal : game.level().goals()) {
            if (lost(goal, game)) {
                return Optional.of(goal);
            }
        }
        return Optional.empty();
    }

    private static boolean lost(Goal goal, Game game) {
        if (goal instanceof Goal.MaxPeakFrames g) {
            return game.metrics().peakFrames() > g.max();
        }
        if (goal instanceof Goal.MaxCopies g) {
            return game.metrics().copies() > g.max();
        }
        if (goal instanceof Goal.MaxFramesCopied g) {
            return game.metrics().framesCopied() > g.max();
        }
        if (goal instanceof Goal.NoOomKill) {
            return game.kernel().stats().oomKills() > 0;
        }
        if (goal instanceof Goal.Page g) {
            return game.kernel().process(g.pid()).map(p -> !p.state().alive()).orElse(false);
        }
        return false;
    }
}
