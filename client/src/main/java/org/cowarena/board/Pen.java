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
        put(col, row, Columns.fit(text, width), tone);
    }

    /**
     * Puts {@code text} as it is (the caller knows it fits), one styled character per cell:
     * ASCII comes from the theme's cache, so a redraw allocates almost nothing; a wide
     * (CJK) character goes through Lanterna's putString, which marks its second column.
     */
    void put(int col, int row, String text, Tone tone) {
        int x = col;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128) {
                g.setCharacter(x++, row, theme.glyph(tone, c));
            } else if (Character.isSurrogate(c) || com.googlecode.lanterna.TerminalTextUtils.isCharDoubleWidth(c)) {
                tone(tone);
                int end = i + (Character.isHighSurrogate(c) && i + 1 < text.length() ? 2 : 1);
                String s = text.substring(i, end);
                g.putString(x, row, s);
                x += Columns.width(s);
                i = end - 1;
            } else {
                g.setCharacter(x++, row, theme.glyph(tone, c));
            }
        }
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
