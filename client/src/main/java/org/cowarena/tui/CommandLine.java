package org.cowarena.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/** The text typed after ':' (or into a lobby field) and its cursor: a small line editor. */
final class CommandLine {
    static final int MAX_LENGTH = 80;

    private final StringBuilder text = new StringBuilder();
    private int cursor;

    String text() {
        return text.toString();
    }

    int cursor() {
        return cursor;
    }

    /** Applies an editing key (characters, Backspace, Delete, arrows, Home, End); false when it is not one. */
    boolean edit(KeyStroke k) {
        char c = Keys.ch(k);
        KeyType type = k.getKeyType();
        if (type == KeyType.Backspace) {
            backspace();
        } else if (type == KeyType.Delete) {
            delete();
        } else if (type == KeyType.ArrowLeft) {
            left();
        } else if (type == KeyType.ArrowRight) {
            right();
        } else if (type == KeyType.Home) {
            home();
        } else if (type == KeyType.End) {
            end();
        } else if (c != 0) {
            if (text.length() < MAX_LENGTH) {
                insert(c);
            }
        } else {
            return false;
        }
        return true;
    }

    void set(String line) {
        text.setLength(0);
        text.append(line);
        cursor = line.length();
    }

    void insert(char c) {
        text.insert(cursor, c);
        cursor++;
    }

    void backspace() {
        if (cursor > 0) {
            text.deleteCharAt(--cursor);
        }
    }

    void delete() {
        if (cursor < text.length()) {
            text.deleteCharAt(cursor);
        }
    }

    void left() {
        cursor = Math.max(0, cursor - 1);
    }

    void right() {
        cursor = Math.min(text.length(), cursor + 1);
    }

    void home() {
        cursor = 0;
    }

    void end() {
        cursor = text.length();
    }
}
