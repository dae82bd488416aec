package org.cowarena.protocol;

/** Cleans text that players type (names, chat) before anyone else sees it. */
public final class Names {
    private Names() {
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
