package org.cowarena.game;

import org.cowarena.level.Goal;

/** One line of the goal checklist. */
public record GoalCheck(Goal goal, boolean met) {
}
