package org.cowarena.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/** Reading key strokes the same way in every scene. */
final class Keys {
    private Keys() {
    }

    /** The typed character, or 0 for a special key or a character with Ctrl or Alt. */
    static char ch(KeyStroke k) {
        return k.getKeyType() == KeyType.Character && !k.isCtrlDown() && !k.isAltDown() ? k.getCharacter() : 0;
    }

    /** Ctrl-C (trapped: it arrives as a key), or the end of input. */
    static boolean interrupt(KeyStroke k) {
        return k.getKeyType() == KeyType.EOF
                || k.getKeyType() == KeyType.Character && k.isCtrlDown() && (k.getCharacter() == 'c'
                || k.getCharacter() == 'C');
    }

    static boolean is(KeyStroke k, KeyType type) {
        return k.getKeyType() == type;
    }

    static boolean up(KeyStroke k) {
        return is(k, KeyType.ArrowUp) || ch(k) == 'k';
    }

    static boolean down(KeyStroke k) {
        return is(k, KeyType.ArrowDown) || ch(k) == 'j';
    }

    static boolean left(KeyStroke k) {
        return is(k, KeyType.ArrowLeft) || ch(k) == 'h';
    }

    static boolean right(KeyStroke k) {
        return is(k, KeyType.ArrowRight) || ch(k) == 'l';
    }

    static boolean enter(KeyStroke k) {
        return is(k, KeyType.Enter);
    }

    static boolean escape(KeyStroke k) {
        return is(k, KeyType.Escape);
    }
}
