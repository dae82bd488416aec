package org.cowarena.board;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;

/**
 * How each {@link Tone} looks. Colour uses the eight ANSI colours only (portable over ssh
 * and tmux); monochrome uses no colour at all, only bold, underline and reverse, so every
 * distinction the board makes in colour is also carried by text or a modifier.
 */
public final class Theme {
    /** A foreground, a background and modifiers. */
    public record Style(TextColor fg, TextColor bg, EnumSet<SGR> modifiers) {
        public Style {
            modifiers = modifiers.isEmpty() ? EnumSet.noneOf(SGR.class) : EnumSet.copyOf(modifiers);
        }
    }

    private final boolean mono;
    private final Map<Tone, Style> styles = new EnumMap<>(Tone.class);
    /** Styled ASCII characters, made once: a redraw puts thousands of them (TextCharacter is immutable). */
    private final TextCharacter[][] glyphs = new TextCharacter[Tone.values().length][128];

    private Theme(boolean mono) {
        this.mono = mono;
    }

    public boolean monochrome() {
        return mono;
    }

    public Style style(Tone tone) {
        return styles.get(tone);
    }

    /** The character in the tone's style. */
    public TextCharacter glyph(Tone tone, char c) {
        if (c < 128) {
            TextCharacter[] row = glyphs[tone.ordinal()];
            TextCharacter g = row[c];
            if (g == null) {
                Style s = styles.get(tone);
                g = new TextCharacter(c, s.fg(), s.bg(), s.modifiers());
                row[c] = g;
            }
            return g;
        }
        Style s = styles.get(tone);
        return new TextCharacter(c, s.fg(), s.bg(), s.modifiers());
    }

    private Theme put(Tone tone, TextColor fg, TextColor bg, SGR... modifiers) {
        EnumSet<SGR> set = EnumSet.noneOf(SGR.class);
        set.addAll(java.util.Arrays.asList(modifiers));
        styles.put(tone, new Style(fg, bg, set));
        return this;
    }

    private static final TextColor D = TextColor.ANSI.DEFAULT;

    public static Theme colour() {
        Theme t = new Theme(false);
        t.put(Tone.NORMAL, D, D).put(Tone.DIM, TextColor.ANSI.BLACK_BRIGHT, D)
                .put(Tone.HEADER, TextColor.ANSI.BLACK, TextColor.ANSI.CYAN)
                .put(Tone.TITLE, TextColor.ANSI.CYAN, D, SGR.BOLD)
                .put(Tone.SELECTED, D, D, SGR.REVERSE)
                .put(Tone.FREE, TextColor.ANSI.BLACK_BRIGHT, D)
                .put(Tone.FILE, TextColor.ANSI.BLUE_BRIGHT, D)
                .put(Tone.ANON, TextColor.ANSI.GREEN, D)
                .put(Tone.SHARED, TextColor.ANSI.YELLOW, D, SGR.BOLD)
                .put(Tone.CACHED, TextColor.ANSI.BLUE, D)
                .put(Tone.SHM, TextColor.ANSI.MAGENTA_BRIGHT, D)
                .put(Tone.KEY, TextColor.ANSI.YELLOW, D, SGR.BOLD)
                .put(Tone.MARK_NEW, TextColor.ANSI.BLACK, TextColor.ANSI.GREEN)
                .put(Tone.MARK_COPIED, TextColor.ANSI.WHITE, TextColor.ANSI.RED, SGR.BOLD)
                .put(Tone.MARK_FREED, TextColor.ANSI.BLACK, TextColor.ANSI.WHITE)
                .put(Tone.MARK_REUSED, TextColor.ANSI.BLACK, TextColor.ANSI.YELLOW)
                .put(Tone.MET, TextColor.ANSI.GREEN, D, SGR.BOLD)
                .put(Tone.UNMET, TextColor.ANSI.RED, D)
                .put(Tone.MOVE, TextColor.ANSI.CYAN, D, SGR.BOLD)
                .put(Tone.EVENT, D, D)
                .put(Tone.NOTE, TextColor.ANSI.YELLOW, D)
                .put(Tone.REFUSED, TextColor.ANSI.RED, D, SGR.BOLD)
                .put(Tone.INFO, TextColor.ANSI.MAGENTA, D);
        return t;
    }

    public static Theme mono() {
        Theme t = new Theme(true);
        for (Tone tone : Tone.values()) {
            t.put(tone, D, D);
        }
        t.put(Tone.HEADER, D, D, SGR.REVERSE).put(Tone.TITLE, D, D, SGR.BOLD)
                .put(Tone.SELECTED, D, D, SGR.REVERSE)
                .put(Tone.ANON, D, D, SGR.BOLD).put(Tone.SHARED, D, D, SGR.BOLD, SGR.UNDERLINE)
                .put(Tone.SHM, D, D, SGR.UNDERLINE).put(Tone.KEY, D, D, SGR.BOLD)
                .put(Tone.MARK_NEW, D, D, SGR.REVERSE).put(Tone.MARK_COPIED, D, D, SGR.REVERSE, SGR.BOLD)
                .put(Tone.MARK_FREED, D, D, SGR.REVERSE).put(Tone.MARK_REUSED, D, D, SGR.REVERSE)
                .put(Tone.MET, D, D, SGR.BOLD).put(Tone.MOVE, D, D, SGR.BOLD)
                .put(Tone.REFUSED, D, D, SGR.BOLD, SGR.UNDERLINE);
        return t;
    }

    /** Monochrome when asked, or when {@code NO_COLOR} is set to anything but empty (no-color.org). */
    public static Theme choose(boolean monoAsked, Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        return monoAsked || noColor != null && !noColor.isEmpty() ? mono() : colour();
    }
}
