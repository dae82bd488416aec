package org.cowarena.board;

import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.ArrayList;
import java.util.List;
import org.cowarena.client.TournamentProgress;

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
    static final String YOU = "  ◂ you";

    private TournamentRenderer() {
    }

    public static void draw(TournamentView v, Theme theme, TextGraphics g) {
        int w = g.getSize().getColumns();
        int h = g.getSize().getRows();
        Pen pen = BoardRenderer.page(g, theme, header(v), v.status());
        if (pen == null) {
            return;
        }
        TournamentProgress t = v.progress();
        List<Line> below = new ArrayList<>();
        int row = 2;
        if (t.waiting() || !t.started()) {
            pen.put(1, row, t.waitingLine(), w - 2, Tone.TITLE);
            below.add(new Line("", Tone.NORMAL));
            below.add(new Line("The draw is made when every player has joined: each round the server seats you in"
                    + " your match's room, and bots fill the seats no player has.", Tone.INFO));
        } else {
            pen.put(1, row, t.standings() == null ? "round " + t.currentRound() + " of " + t.rounds()
                    + " under way: the table comes when its matches end" : t.tableTitle(), w - 2, Tone.TITLE);
            if (t.rule() != null) {
                below.add(new Line("", Tone.NORMAL));
                below.add(new Line("Points: " + t.rule() + ".", Tone.DIM));
            }
            List<String> matches = t.finished() ? List.of() : t.roundMatches();
            if (!matches.isEmpty()) {
                below.add(new Line("", Tone.NORMAL));
                matches.forEach(m -> below.add(new Line(m, Tone.NORMAL)));
            }
        }
        if (!v.notes().isEmpty()) {
            below.add(new Line("", Tone.NORMAL));
            v.notes().forEach(n -> below.add(new Line(n, Tone.NOTE)));
        }
        List<Line> wrapped = new ArrayList<>();
        for (Line l : below) {
            for (String part : l.text().isEmpty() ? List.of("") : Columns.wrap(l.text(), w - 2)) {
                wrapped.add(new Line(part, l.tone()));
            }
        }
        row++;
        List<String> rows = t.tableRows();
        if (!rows.isEmpty()) {
            pen.put(1, row++, TournamentProgress.TABLE_HEADER, w - 2, Tone.DIM);
            int room = Math.max(2, h - 1 - row - Math.min(wrapped.size(), 6));
            int mine = t.rowOf(v.you());
            for (int i : shownRows(rows.size(), room, mine)) {
                if (i < 0) {
                    pen.put(1, row++, "  …", w - 2, Tone.DIM);
                } else {
                    pen.put(1, row++, rows.get(i) + (i == mine ? YOU : ""), w - 2,
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
    static List<Integer> shownRows(int n, int room, int mine) {
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

    static String header(TournamentView v) {
        TournamentProgress t = v.progress();
        StringBuilder s = new StringBuilder(" COW Arena │ tournament │ ");
        if (t.finished()) {
            s.append("final table");
        } else if (t.waiting() || !t.started()) {
            s.append("waiting for the draw");
        } else {
            s.append("round ").append(t.currentRound()).append(" of ").append(t.rounds());
        }
        s.append(" │ ").append(v.you() == null ? "spectating" : "you: " + v.you());
        return s.toString();
    }
}
