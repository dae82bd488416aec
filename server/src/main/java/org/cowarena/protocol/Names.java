package org.cowarena.protocol;

import java.text.BreakIterator;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Cleans text that players type (names, chat) before anyone else sees it, and decides
 * which names every screen can show. Text is measured in terminal columns by grapheme
 * (what a reader sees as one character): a CJK character takes two columns, a combining
 * mark none, anything else one, the way the client's terminal library draws them.
 */
public final class Names {
    /** Characters a name may have at most before its width is even measured. */
    static final int MAX_NAME_CHARS = 4 * Protocol.MAX_NAME_COLUMNS;

    private Names() {
    }

    /** A name as typed, ready to check: controls dropped, whitespace folded, composed (NFC); never cut. */
    public static String name(String raw) {
        return Normalizer.normalize(clean(raw, Integer.MAX_VALUE), Normalizer.Form.NFC);
    }

    /**
     * Why {@code name} (from {@link #name}) cannot be a player's name, or null when every
     * screen can show it in at most {@link Protocol#MAX_NAME_COLUMNS} columns. A name is
     * refused, never cut: the player chooses what the class sees.
     */
    public static String problem(String name) {
        if (name.isEmpty()) {
            return "a name is needed to join";
        }
        if (name.length() > MAX_NAME_CHARS) {
            return "a name is at most " + Protocol.MAX_NAME_COLUMNS + " columns wide, and this one has "
                    + name.codePointCount(0, name.length()) + " characters: choose a shorter one";
        }
        BreakIterator graphemes = BreakIterator.getCharacterInstance(Locale.ROOT);
        graphemes.setText(name);
        for (int start = graphemes.first(), end = graphemes.next(); end != BreakIterator.DONE;
             start = end, end = graphemes.next()) {
            int cp = name.codePointAt(start);
            if (end - start != Character.charCount(cp) || !shown(cp)) {
                return "a name cannot hold " + codePoints(name.substring(start, end))
                        + ": not every screen can show it; use letters, digits and punctuation";
            }
        }
        int width = width(name);
        if (width > Protocol.MAX_NAME_COLUMNS) {
            return "a name is at most " + Protocol.MAX_NAME_COLUMNS + " columns wide on screen, and " + name
                    + " takes " + width + " (a Chinese, Japanese or Korean character takes two): choose a shorter one";
        }
        return null;
    }

    /** Columns {@code text} takes on a terminal: per grapheme, 2 for CJK, 0 for a combining mark alone, else 1. */
    public static int width(String text) {
        BreakIterator graphemes = BreakIterator.getCharacterInstance(Locale.ROOT);
        graphemes.setText(text);
        int columns = 0;
        for (int start = graphemes.first(), end = graphemes.next(); end != BreakIterator.DONE;
             start = end, end = graphemes.next()) {
            int cp = text.codePointAt(start);
            columns += combining(cp) ? 0 : wide(cp) ? 2 : 1;
        }
        return columns;
    }

    /** One code point a terminal draws in the cells {@link #width} counts: no mark, emoji or symbol. */
    private static boolean shown(int cp) {
        int type = Character.getType(cp);
        return Character.isBmpCodePoint(cp) && !combining(cp) && type != Character.OTHER_SYMBOL
                && type != Character.SURROGATE && type != Character.PRIVATE_USE && type != Character.UNASSIGNED
                && !Character.isISOControl(cp) && type != Character.FORMAT;
    }

    private static boolean combining(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** The blocks the client's terminal library draws two columns wide. */
    private static boolean wide(int cp) {
        Character.UnicodeBlock b = Character.UnicodeBlock.of(cp);
        return b == Character.UnicodeBlock.HIRAGANA || b == Character.UnicodeBlock.KATAKANA
                || b == Character.UnicodeBlock.KATAKANA_PHONETIC_EXTENSIONS
                || b == Character.UnicodeBlock.HANGUL_COMPATIBILITY_JAMO || b == Character.UnicodeBlock.HANGUL_JAMO
                || b == Character.UnicodeBlock.HANGUL_SYLLABLES || b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS
                || b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A
                || b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_B
                || b == Character.UnicodeBlock.CJK_COMPATIBILITY_FORMS
                || b == Character.UnicodeBlock.CJK_COMPATIBILITY_IDEOGRAPHS
                || b == Character.UnicodeBlock.CJK_RADICALS_SUPPLEMENT
                || b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || b == Character.UnicodeBlock.ENCLOSED_CJK_LETTERS_AND_MONTHS
                || (b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS && cp < 0xFF61);
    }

    /** {@code U+0301} style, for a reason that must not itself hold what cannot be shown. */
    private static String codePoints(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> out.append(out.length() == 0 ? "" : " ")
                .append(String.format(Locale.ROOT, "U+%04X", cp)));
        return out.toString();
    }

    /**
     * Drops control and format characters (escape sequences, bidi overrides), folds runs of
     * whitespace into one space, trims, and keeps at most {@code max} code points.
     */
    public static String clean(String raw, int max) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int kept = 0;
        boolean space = false;
        for (int i = 0; i < raw.length() && kept < max; ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = out.length() > 0;
                continue;
            }
            if (Character.isISOControl(cp) || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE || type == Character.UNASSIGNED) {
                continue;
            }
            if (space) {
                out.append(' ');
                kept++;
                space = false;
                if (kept >= max) {
                    break;
                }
            }
            out.appendCodePoint(cp);
            kept++;
        }
        return out.toString();
    }
}
