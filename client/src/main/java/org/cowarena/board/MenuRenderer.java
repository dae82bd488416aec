package org.cowarena.board;

import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.List;

/**
 * A whole-screen list — the campaign's chapters and levels, the end of the campaign: a header
 * with a figure on its right, the rows scrolled so that the selected one shows with the rows
 * above it that name its chapter, and a status line. Pure: it draws the {@link View} it is given.
 */
public final class MenuRenderer {
    private MenuRenderer() {
    }

    /**
     * What the list shows.
     *
     * @param right    the header's right-hand figure (the stars earned)
     * @param selected the selected row's index, -1 for none
     */
    public record View(String header, String right, List<BoardView.LogLine> rows, int selected, String status) {
        public View {
            rows = List.copyOf(rows);
        }
    }

    public static void draw(View v, Theme theme, TextGraphics g) {
        int w = g.getSize().getColumns();
        int h = g.getSize().getRows();
        String right = v.right() == null ? "" : v.right() + " ";
        Pen pen = BoardRenderer.page(g, theme, "", v.status());
        if (pen == null) {
            return;
        }
        int rw = Columns.width(right);
        pen.put(0, 0, " " + v.header(), Math.max(0, w - rw), Tone.HEADER);
        pen.put(Math.max(0, w - rw), 0, right, Math.min(rw, w), Tone.HEADER);
        int body = h - 3;
        int start = first(v.rows(), v.selected(), body);
        for (int i = 0; i < body; i++) {
            int r = start + i;
            BoardView.LogLine line = r < v.rows().size() ? v.rows().get(r) : null;
            if (line != null) {
                boolean sel = r == v.selected();
                pen.put(0, 2 + i, (sel ? "▸" : " ") + line.text(), w, sel ? Tone.SELECTED : line.tone());
            }
        }
    }

    /**
     * The first row shown: from the top while the selection fits; past that, the selection goes
     * to the bottom third so that what follows it shows too.
     */
    static int first(List<BoardView.LogLine> rows, int selected, int body) {
        if (selected < 0 || rows.size() <= body || selected < body - body / 3) {
            return 0;
        }
        return Math.max(0, Math.min(rows.size() - body, selected - (body - body / 3) + 1));
    }
}
