package org.cowarena.board;

import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.cowarena.protocol.Messages;

/**
 * Draws the race projector: a pure function of a {@link ProjectorView}, the theme and the
 * graphics' size. 80×24 shows one level; every 22 more rows show one more level, and more
 * columns give longer histogram bars.
 *
 * <pre>
 * row 0        header: race state, time left, players
 * row 1        the teacher's last hint (when there is one)
 * per level    title and how many solved it
 *              players, best first: best moves, copies, peak frames, stars, time of first solve
 *              beside them, one histogram per metric of the class's bests, the 3-star value marked ★
 * row −2       the teacher's keys (for the teacher only)
 * last row     keys, a message, a question or the command line
 * </pre>
 */
public final class ProjectorRenderer {
    /** Rows one level needs at least: its title, the table's header, and room for the four histograms. */
    static final int LEVEL_ROWS = 21;
    static final String BAR = "█";

    private ProjectorRenderer() {
    }

    /** The projector with English words. */
    public static void draw(ProjectorView v, Theme theme, TextGraphics g) {
        draw(v, theme, Chrome.english(), g);
    }

    /** The projector with its words in {@code chrome}'s language. */
    public static void draw(ProjectorView v, Theme theme, Chrome chrome, TextGraphics g) {
        int w = g.getSize().getColumns();
        int h = g.getSize().getRows();
        Pen pen = BoardRenderer.page(g, theme, header(v, chrome), v.status());
        if (pen == null) {
            return;
        }
        Messages.Leaderboard b = v.board();
        int top = 1;
        if (v.hint() != null && !v.hint().isBlank()) {
            pen.put(0, top++, " " + chrome.say("projector.hint", v.hint().replace('\n', ' ')), w, Tone.NOTE);
        }
        int bottom = h - 1;
        if (v.keys() != null) {
            pen.put(0, --bottom, " " + v.keys(), w, Tone.INFO);
        }
        int rows = bottom - top;
        if (b == null || b.levels == null || b.levels.length == 0) {
            pen.put(1, top + 1, chrome.say("projector.waiting"), w - 2, Tone.INFO);
            return;
        }
        if (b.players.length == 0) {
            pen.put(1, top + 1, chrome.say("projector.noPlayers"), w - 2, Tone.INFO);
            top += 3;
            rows -= 3;
        }
        int blocks = Math.max(1, Math.min(b.levels.length, rows / LEVEL_ROWS));
        int each = rows / blocks;
        int first = Math.floorMod(v.shown(), b.levels.length);
        for (int i = 0; i < blocks; i++) {
            int l = (first + i) % b.levels.length;
            int height = i == blocks - 1 ? rows - each * i : each;
            level(v, l, l == v.focus(), chrome, pen, top + each * i, w, height);
        }
    }

    static String header(ProjectorView v, Chrome chrome) {
        StringBuilder t = new StringBuilder(chrome.say("projector.header"));
        t.append(v.state() == null ? chrome.say("projector.joining") : chrome.sayOr("race.state." + v.state(), v.state()));
        if (v.millisLeft() >= 0) {
            t.append(" │ ").append(chrome.say("projector.left", clock(v.millisLeft())));
        }
        Messages.Leaderboard b = v.board();
        if (b != null) {
            t.append(" │ ").append(chrome.say("projector.players", b.players.length));
            if (v.focus() >= 0 && b.levels != null && v.focus() < b.levels.length) {
                t.append(" │ ").append(chrome.say("projector.roomLevel", v.focus() + 1, b.levels.length));
            }
        }
        return t.toString();
    }

    public static String clock(long millis) {
        long s = Math.max(0, millis) / 1000;
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static void level(ProjectorView v, int l, boolean focus, Chrome chrome, Pen pen, int top, int w,
                              int height) {
        Messages.Leaderboard b = v.board();
        Messages.LevelBoard lb = b.levels[l];
        int n = b.players.length;
        int solved = 0;
        for (boolean s : lb.solved) {
            solved += s ? 1 : 0;
        }
        String title = chrome.say("projector.level", l + 1, b.levels.length, lb.level, v.title(l), solved, n)
                + (focus ? chrome.say("projector.roomsLevel") : "");
        pen.put(0, top, " " + title, w, Tone.TITLE);
        int nameWidth = 6;
        for (String p : b.players) {
            nameWidth = Math.max(nameWidth, Math.min(16, Columns.width(p)));
        }
        int tableWidth = 4 + nameWidth + 4 * 7 + 8;
        int histCol = tableWidth + 1;
        int histWidth = w - histCol - 1;
        players(b, lb, chrome, pen, top + 1, nameWidth, tableWidth, height - 1);
        for (int r = top + 1; r < top + height; r++) {
            pen.put(tableWidth, r, "│", Tone.DIM);
        }
        int metrics = lb.histograms.length;
        int per = Math.max(2, (height - 1) / Math.max(1, metrics));
        for (int m = 0; m < metrics && (m + 1) * per <= height - 1; m++) {
            histogram(lb.histograms[m], chrome, pen, histCol + 1, top + 1 + m * per, histWidth, per);
        }
    }

    /** Players who solved the level first, best first (most stars, then fewest moves, copies, peak frames). */
    static List<Integer> ranked(Messages.Leaderboard b, Messages.LevelBoard lb) {
        int metrics = b.metrics.length;
        int stars = index(b.metrics, "stars");
        List<Integer> order = new ArrayList<>();
        for (int p = 0; p < b.players.length; p++) {
            order.add(p);
        }
        Comparator<Integer> bySolved = Comparator.comparing(p -> !lb.solved[p]);
        Comparator<Integer> byMetrics = (x, y) -> {
            if (stars >= 0 && lb.solved[x] && lb.solved[y]) {
                int c = Integer.compare(lb.best[y * metrics + stars], lb.best[x * metrics + stars]);
                if (c != 0) {
                    return c;
                }
            }
            for (int m = 0; m < metrics && lb.solved[x] && lb.solved[y]; m++) {
                if (m != stars) {
                    int c = Integer.compare(lb.best[x * metrics + m], lb.best[y * metrics + m]);
                    if (c != 0) {
                        return c;
                    }
                }
            }
            return 0;
        };
        order.sort(bySolved.thenComparing(byMetrics)); // stable: equal results stay in join order
        return order;
    }

    /** Equal results share a rank: the comparator of {@link #ranked} finds no difference between them. */
    private static boolean sameResult(Messages.Leaderboard b, Messages.LevelBoard lb, int x, int y) {
        int metrics = b.metrics.length;
        for (int m = 0; m < metrics; m++) {
            if (lb.best[x * metrics + m] != lb.best[y * metrics + m]) {
                return false;
            }
        }
        return true;
    }

    private static void players(Messages.Leaderboard b, Messages.LevelBoard lb, Chrome chrome, Pen pen, int top,
                                int nameWidth, int width, int rows) {
        int metrics = b.metrics.length;
        StringBuilder head = new StringBuilder("   ").append(Columns.fit(chrome.say("projector.player"),
                nameWidth + 1));
        for (String m : b.metrics) {
            head.append(Columns.right(label(m, chrome), 6)).append(' ');
        }
        head.append(Columns.right(chrome.say("projector.solvedAt"), 7));
        pen.put(0, top, head.toString(), width, Tone.DIM);
        List<Integer> order = ranked(b, lb);
        int room = rows - 1;
        int rank = 0;
        for (int i = 0; i < order.size() && i < room; i++) {
            int p = order.get(i);
            int row = top + 1 + i;
            if (i == room - 1 && order.size() > room) {
                pen.put(0, row, "   " + chrome.say("projector.more", order.size() - i), width, Tone.DIM);
                break;
            }
            boolean solved = lb.solved[p];
            if (i == 0 || !sameResult(b, lb, order.get(i - 1), p)) {
                rank = i + 1;
            }
            pen.put(0, row, solved ? Columns.right(rank + ".", 3) : "   ", 3, Tone.DIM);
            pen.put(3, row, b.players[p], nameWidth, solved ? Tone.MET : Tone.NORMAL);
            int col = 3 + nameWidth + 1;
            for (int m = 0; m < metrics; m++) {
                int value = lb.best[p * metrics + m];
                String text = !solved || value < 0 ? "-" : "stars".equals(b.metrics[m]) ? stars(value)
                        : String.valueOf(value);
                boolean three = solved && value >= 0 && meets(lb.histograms[m], value);
                pen.put(col, row, Columns.right(text, 6), 6, three ? Tone.SHARED : Tone.NORMAL);
                pen.put(col + 6, row, " ", Tone.NORMAL);
                col += 7;
            }
            long at = lb.solvedMillis[p];
            pen.put(col, row, Columns.right(solved && at >= 0 ? clock(at) : "-", 7), width - col, Tone.NORMAL);
        }
    }

    /** A metric's name in a column of six: the race's short names. */
    private static String label(String metric, Chrome chrome) {
        return chrome.sayOr("race.metric." + metric, chrome.sayOr("metric." + metric, metric));
    }

    public static String stars(int n) {
        int s = Math.max(0, Math.min(3, n));
        return "★".repeat(s) + "☆".repeat(3 - s);
    }

    /** Whether a best value reaches the level's three-star value of its metric. */
    static boolean meets(Messages.Histogram h, int value) {
        if (h.threeStars < 0) {
            return false;
        }
        return h.higherIsBetter ? value >= h.threeStars : value <= h.threeStars;
    }

    /**
     * One metric's histogram: a line naming it and its 3-star value, then a row per value,
     * best first, with a bar as long as its count; the 3-star value always has its row (count 0
     * when nobody reached it yet) and carries the ★.
     */
    private static void histogram(Messages.Histogram h, Chrome chrome, Pen pen, int col, int top, int width,
                                  int rows) {
        List<int[]> bars = new ArrayList<>();
        boolean thresholdSeen = false;
        for (int i = 0; i < h.values.length; i++) {
            bars.add(new int[] {h.values[i], h.counts[i]});
            thresholdSeen |= h.values[i] == h.threeStars;
        }
        if (h.threeStars >= 0 && !thresholdSeen) {
            bars.add(new int[] {h.threeStars, 0});
        }
        bars.sort(h.higherIsBetter ? Comparator.comparingInt((int[] a) -> -a[0]) : Comparator.comparingInt(a -> a[0]));
        String title = chrome.say(h.higherIsBetter ? "projector.moreIsBetter" : "projector.fewerIsBetter",
                label(h.metric, chrome));
        if (h.threeStars >= 0) {
            String full = title + "  ★ " + chrome.say("projector.bestKnown", h.threeStars);
            title = Columns.width(full) <= width ? full : title + "  ★ " + h.threeStars;
        }
        pen.put(col, top, title, width, Tone.TITLE);
        if (h.values.length == 0) {
            pen.put(col, top + 1, "  " + chrome.say("projector.noSolves"), width, Tone.DIM);
            if (h.threeStars < 0) {
                return;
            }
        }
        int valueWidth = 3;
        int max = 1;
        for (int[] bar : bars) {
            valueWidth = Math.max(valueWidth, String.valueOf(bar[0]).length());
            max = Math.max(max, bar[1]);
        }
        int countWidth = String.valueOf(max).length();
        int barRoom = Math.max(1, width - valueWidth - 3 - countWidth - 1);
        int room = rows - 1 - (h.values.length == 0 ? 1 : 0);
        int start = top + 1 + (h.values.length == 0 ? 1 : 0);
        for (int i = 0; i < bars.size() && i < room; i++) {
            int row = start + i;
            if (i == room - 1 && bars.size() > room) {
                pen.put(col, row, Columns.right("…", valueWidth) + "  " + chrome.say("projector.moreValues",
                        bars.size() - i), width, Tone.DIM);
                break;
            }
            int value = bars.get(i)[0];
            int count = bars.get(i)[1];
            int length = count == 0 ? 0 : Math.max(1, (int) Math.round((double) count * barRoom / max));
            boolean mark = value == h.threeStars;
            pen.put(col, row, Columns.right(String.valueOf(value), valueWidth), Tone.NORMAL);
            pen.put(col + valueWidth, row, mark ? " ★ " : "   ", mark ? Tone.SHARED : Tone.NORMAL);
            pen.put(col + valueWidth + 3, row, BAR.repeat(length), meets(h, value) ? Tone.MET : Tone.NORMAL);
            pen.put(col + valueWidth + 3 + length, row, " " + count, width - valueWidth - 3 - length, Tone.NORMAL);
        }
    }

    private static int index(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
