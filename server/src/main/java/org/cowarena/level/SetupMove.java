package org.cowarena.level;

import org.cowarena.move.Move;

/** A move applied before play starts (not counted anywhere), with where the level wrote it. */
public record SetupMove(Move move, Pos pos) {
}
