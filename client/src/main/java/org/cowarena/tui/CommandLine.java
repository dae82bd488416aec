package org.cowarena.tui;

/** The text typed after ':' and its cursor: a small line editor. */
final class CommandLine {
    private final StringBuilder text = new StringBuilder();
    private int cursor;

    String text() {
        return text.toString();
    }

    int cursor() {
        return cursor;
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
