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

    /**
     * Lines of at most {@code columns}: breaks at the last space or wide character that fits
     * (Chinese has no spaces, and may break between any two of its characters), and anywhere
     * in a word longer than a line. Existing newlines are kept.
     */
    public static List<String> wrap(String text, int columns) {
        List<String> lines = new ArrayList<>();
        if (columns <= 0) {
            return lines;
        }
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            int used = 0;
            int lastSpace = -1;
            int afterWide = -1;
            for (int i = 0; i < paragraph.length(); ) {
                int cp = paragraph.codePointAt(i);
                i += Character.charCount(cp);
                int w = width(cp);
                if (used + w > columns) {
                    if (cp == ' ' || w == 2) {
                        lines.add(line.toString());
                        line.setLength(0);
                        used = 0;
                        lastSpace = -1;
                        afterWide = -1;
                        if (cp == ' ') {
                            continue;
                        }
                    } else if (afterWide > lastSpace || lastSpace > 0) {
                        // break after the last wide character or at the last space (dropped), whichever is later
                        int cut = Math.max(afterWide, lastSpace);
                        String rest = line.substring(cut == lastSpace ? cut + 1 : cut);
                        lines.add(line.substring(0, cut));
                        line.setLength(0);
                        line.append(rest);
                        used = width(rest);
                    } else {
                        lines.add(line.toString());
                        line.setLength(0);
                        used = 0;
                    }
                    lastSpace = -1;
                    afterWide = -1;
                }
                if (cp == ' ') {
                    lastSpace = line.length();
                }
                line.appendCodePoint(cp);
                used += w;
                if (w == 2) {
                    afterWide = line.length();
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
