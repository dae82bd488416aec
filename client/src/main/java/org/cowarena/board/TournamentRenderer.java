package org.cowarena.board;

import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the tournament screen, a pure function of a {@link TournamentView}, the theme and the
 * graphics' size.
 *
 * <pre>
 * row 0        header: tournament, round x of y (or the final table), who you are
 * row 2        before the draw: joined k of N; after it: the table's title
 *              the table: place, player, matches, points, jobs met, frames charged; your row marked
 *              the points rule
 *              this round's matches (as far as this client was told), then the notes
 * last row     keys or a message
 * </pre>
 *
 * When the table is longer than the screen, its top rows show, then your row.
 */
public final class TournamentRenderer {
    private TournamentRenderer() {
    }

    public static void draw(TournamentView v, Theme theme, TextGraphics g) {
        int w = g.getSize().getColumns();
        int h = g.getSize().getRows();
        Pen pen = BoardRenderer.page(g, theme, v.header(), v.status());
        if (pen == null) {
            return;
        }
        int row = 2;
        pen.put(1, row, v.title(), w - 2, Tone.TITLE);
        List<Line> wrapped = new ArrayList<>();
        for (BoardView.LogLine l : v.below()) {
            for (String part : l.text().isEmpty() ? List.of("") : Columns.wrap(l.text(), w - 2)) {
                wrapped.add(new Line(part, l.tone()));
            }
        }
        row++;
        List<String> rows = v.rows();
        if (v.columns() != null && !rows.isEmpty()) {
            pen.put(1, row++, v.columns(), w - 2, Tone.DIM);
            int room = Math.max(2, h - 1 - row - Math.min(wrapped.size(), 6));
            int mine = v.mine();
            for (int i : shownRows(rows.size(), room, mine)) {
                if (i < 0) {
                    pen.put(1, row++, "  …", w - 2, Tone.DIM);
                } else {
                    pen.put(1, row++, rows.get(i) + (i == mine ? v.youMark() : ""), w - 2,
                            i == mine ? Tone.SELECTED : Tone.NORMAL);
                }
            }
        }
        for (Line l : wrapped) {
            if (row >= h - 1) {
                break;
            }
            pen.put(1, row++, l.text(), w - 2, l.tone());
        }
    }

    private record Line(String text, Tone tone) {
    }

    /** Which rows fit in {@code room} lines: the first ones, and your row after a gap (-1) when it is further down. */
    public static List<Integer> shownRows(int n, int room, int mine) {
        List<Integer> shown = new ArrayList<>();
        if (n <= room) {
            for (int i = 0; i < n; i++) {
                shown.add(i);
            }
            return shown;
        }
        boolean mineBelow = mine >= room - 1;
        int top = mineBelow ? room - 2 : room - 1;
        for (int i = 0; i < top; i++) {
            shown.add(i);
        }
        shown.add(-1);
        if (mineBelow) {
            shown.add(mine);
        }
        return shown;
    }
}
