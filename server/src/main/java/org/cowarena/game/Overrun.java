package org.cowarena.game;

/** A metric that went past the level's best known result: it costs a star. */
public record Overrun(String metric, int value, int best) {
}
