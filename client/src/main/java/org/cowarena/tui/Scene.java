package org.cowarena.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;

/** One screen of the client: it draws itself, takes keys, and does its background work while idle. */
interface Scene {
    void draw(TextGraphics g);

    /** The scene to show next: this one to stay, another, or null to quit. */
    Scene key(KeyStroke key);

    /** Background work for at most {@code millis}; true when the scene must be drawn again. */
    boolean idle(long millis) throws InterruptedException;

    /** Where the terminal cursor shows (the command line), or null to hide it. */
    default TerminalPosition cursor() {
        return null;
    }

    /** Leaving this scene for good. */
    default void close() {
    }
}
