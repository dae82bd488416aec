package org.cowarena.board;

import com.googlecode.lanterna.TerminalTextUtils;
import java.util.ArrayList;
import java.util.List;

/**
 * Text measured in terminal columns, not chars: a CJK character takes two columns (as
 * Lanterna draws it), so Chinese narration is cut and wrapped by its width.
 */
public final class Columns {
    private Columns() {
    }

    public static int width(String text) {
        return TerminalTextUtils.getColumnWidth(text);
    }

    private static int width(int codePoint) {
        return codePoint < 0x10000 && TerminalTextUtils.isCharDoubleWidth((char) codePoint) ? 2 : 1;
    }

    /** The text cut to at most {@code columns} (never splitting a wide character) and padded with spaces to it. */
    public static String fit(String text, int columns) {
        if (columns <= 0) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int w = width(cp);
            if (used + w > columns) {
                break;
            }
            out.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        while (used < columns) {
            out.append(' ');
            used++;
        }
        return out.toString();
    }

    /** Right-aligned in {@code columns}. */
    public static String right(String text, int columns) {
        int w = width(text);
        return w >= columns ? fit(text, columns) : " ".repeat(columns - w) + text;
    }

    /** Chinese punctuation no line may start with: it belongs to the character before it. */
    static final String NO_LINE_START = "。，、；：？！）」』";
    /** Chinese punctuation no line may end with: it opens what follows. */
    static final String NO_LINE_END = "（「『";

    /**
     * Lines of at most {@code columns}: breaks at the last space or next to the last wide
     * character that fits (Chinese has no spaces, and may break between any two of its
     * characters), and anywhere in a word longer than a line. Chinese rules hold where a line
     * can break elsewhere: no line starts with {@link #NO_LINE_START}, none ends with
     * {@link #NO_LINE_END}. Existing newlines are kept.
     */
    public static List<String> wrap(String text, int columns) {
        List<String> lines = new ArrayList<>();
        if (columns <= 0) {
            return lines;
        }
        for (String paragraph : text.split("\n", -1)) {
            int[] cps = paragraph.codePoints().toArray();
            int start = 0;
            do {
                int used = 0;
                int i = start;
                while (i < cps.length && used + width(cps[i]) <= columns) {
                    used += width(cps[i]);
                    i++;
                }
                if (i >= cps.length) {
                    lines.add(new String(cps, start, cps.length - start));
                    break;
                }
                int cut = i;
                while (cut > start && !breaksBefore(cps, cut)) {
                    cut--;
                }
                if (cut == start) {
                    // one word longer than a line: cut it where the line is full, but not before a comma
                    // or after an opening bracket (then a character earlier)
                    cut = Math.max(start + 1, i);
                    while (cut > start + 1 && (NO_LINE_START.indexOf(cps[cut]) >= 0
                            || NO_LINE_END.indexOf(cps[cut - 1]) >= 0)) {
                        cut--;
                    }
                }
                lines.add(new String(cps, start, cut - start));
                start = cut < cps.length && cps[cut] == ' ' ? cut + 1 : cut;
            } while (start < cps.length);
        }
        return lines;
    }

    /** Whether a line may end before {@code cps[at]}: at a space, or next to a wide character, by Chinese rules. */
    private static boolean breaksBefore(int[] cps, int at) {
        if (cps[at] == ' ') {
            return true;
        }
        int before = cps[at - 1];
        boolean wide = width(before) == 2 || width(cps[at]) == 2;
        return wide && NO_LINE_START.indexOf(cps[at]) < 0 && NO_LINE_END.indexOf(before) < 0 && before != ' ';
    }
}
