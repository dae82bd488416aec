package org.cowarena.board;

import com.googlecode.lanterna.graphics.TextGraphics;

/** Writes text fitted to a width in a theme's style: the one way the board puts text on a TextGraphics. */
final class Pen {
    private final TextGraphics g;
    private final Theme theme;
    private Tone current;

    Pen(TextGraphics g, Theme theme) {
        this.g = g;
        this.theme = theme;
    }

    Theme theme() {
        return theme;
    }

    /** Puts {@code text}, cut or padded to exactly {@code width} columns. */
    void put(int col, int row, String text, int width, Tone tone) {
        if (width <= 0) {
            return;
        }
        tone(tone);
        g.putString(col, row, Columns.fit(text, width));
    }

    /** Puts {@code text} as it is (the caller knows it fits). */
    void put(int col, int row, String text, Tone tone) {
        tone(tone);
        g.putString(col, row, text);
    }

    private void tone(Tone tone) {
        if (tone == current) {
            return;
        }
        Theme.Style s = theme.style(tone);
        g.setForegroundColor(s.fg());
        g.setBackgroundColor(s.bg());
        g.setModifiers(s.modifiers());
        current = tone;
    }

    void fill(int col, int row, int width, int height, Tone tone) {
        String blank = " ".repeat(Math.max(0, width));
        for (int r = row; r < row + height; r++) {
            put(col, r, blank, tone);
        }
    }
}
