package org.cowarena.board;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link BoardView} on a TextGraphics: a pure function of the view, the theme and
 * the graphics' size. 80×24 is the smallest full layout; more room gives a larger memory
 * grid, more columns and more log.
 *
 * <pre>
 * row 0          header: level, mode, moves, stars
 * row 1          memory: used / cached / peak / zero page, legend
 * rows 2..       the frame grid
 * middle         processes (tree) | page table of the selected process | goal, moves, charges,
 *                reclaims / major faults / ENOMEM once there are any, turn
 * pressure       the selected process's smaps line, badness and mlock; Committed / CommitLimit and
 *                the overcommit mode (two rows below 30 rows, three from there)
 * bottom         the log, newest last
 * last row       status: key help, a message, or the command line
 * </pre>
 */
public final class BoardRenderer {
    public static final int MIN_COLUMNS = 80;
    public static final int MIN_ROWS = 24;

    private BoardRenderer() {
    }

    /** The grid of frames: cell width and rows, and whether each cell carries its own number. */
    record Grid(int cellWidth, int perRow, int rows, int gutter) {
        static Grid choose(int frames, int columns, int maxRows) {
            int digits = String.valueOf(Math.max(0, frames - 1)).length();
            int wide = digits + 11;
            int perRow = Math.max(1, columns / wide);
            if (ceil(frames, perRow) <= maxRows) {
                return new Grid(wide, perRow, ceil(frames, perRow), 0);
            }
            int gutter = digits + 1;
            for (int w : new int[] {6, 3, 2, 1}) {
                perRow = Math.max(1, (columns - gutter) / w);
                if (ceil(frames, perRow) <= maxRows || w == 1) {
                    return new Grid(w, perRow, Math.min(maxRows, ceil(frames, perRow)), gutter);
                }
            }
            throw new IllegalStateException("unreachable");
        }

        private static int ceil(int a, int b) {
            return (a + b - 1) / b;
        }
    }

    /** The board with English headings. */
    public static void draw(BoardView v, Theme theme, TextGraphics g) {
        draw(v, theme, Chrome.english(), g);
    }

    /** The board with its headings, legend and columns in {@code chrome}'s language. */
    public static void draw(BoardView v, Theme theme, Chrome chrome, TextGraphics g) {
        TerminalSize size = g.getSize();
        int w = size.getColumns();
        int h = size.getRows();
        Pen pen = new Pen(g, theme);
        // Every region pads its own rectangle: no cell is written twice (a fill first would double the work).
        if (tooSmall(pen, chrome, w, h)) {
            return;
        }
        header(v, chrome, pen, w);
        int block = PressureRows.rows(h);
        // the grid leaves room for the pressure block, ten rows of panels and two of log
        Grid grid = Grid.choose(v.total(), w, Math.max(2, Math.min((h - 3) / 2 - 1, h - 15 - block)));
        memory(v, chrome, pen, w, grid);
        int top = 2 + grid.rows();
        int remaining = h - 1 - top - block;
        int midRows = Math.max(10, Math.min(remaining - 5, middleRows(v, side(w))));
        // a message wider than the screen (a long refusal) takes a second row from the log: never cut
        BoardView.StatusLine s = v.status();
        List<String> status = s.cursor() >= 0 ? List.of(s.text()) : Columns.wrap(s.text(), w);
        if (status.size() > 2) {
            status = List.of(status.get(0), Columns.fit(status.get(1), w - 1).stripTrailing() + "…");
        }
        int logRows = remaining - midRows - (status.size() - 1);
        int side = side(w);
        // below 100 columns the side panel gives the process tree and the page table what they need:
        // names whole after the tree's glyphs, values of 8 characters whole
        int procs = w < 100 ? w - side - 30 : (w - side + 1) / 2;
        int table = w - side - procs;
        processes(v, chrome, pen, 0, top, procs, midRows, w >= 120);
        pageTable(v, chrome, pen, procs, top, table, midRows, w >= 120);
        sidePanel(v, chrome, pen, procs + table, top, side, midRows);
        PressureRows.draw(v, chrome, pen, top + midRows, w, block);
        log(v, chrome, pen, top + midRows + block, w, logRows);
        for (int i = 0; i < status.size(); i++) {
            pen.put(0, h - status.size() + i, status.get(i), w, s.tone());
        }
    }

    /**
     * A whole screen of text (the projector, the tournament): cleared, its header on the first
     * row, its status on the last. Null when the terminal is below 80×24: it says so instead.
     */
    static Pen page(TextGraphics g, Theme theme, String header, String status) {
        return page(g, theme, header, BoardView.StatusLine.of(status == null ? "" : status));
    }

    /** The same, with a status line in its own tone (a teacher's command done, or refused). */
    static Pen page(TextGraphics g, Theme theme, String header, BoardView.StatusLine status) {
        int w = g.getSize().getColumns();
        int h = g.getSize().getRows();
        Pen pen = new Pen(g, theme);
        if (tooSmall(pen, Chrome.english(), w, h)) {
            return null;
        }
        pen.fill(0, 0, w, h, Tone.NORMAL);
        pen.put(0, 0, header, w, Tone.HEADER);
        BoardView.StatusLine line = status == null ? BoardView.StatusLine.of("") : status;
        pen.put(0, h - 1, " " + line.text(), w, line.tone());
        return pen;
    }

    /** Below 80×24 a screen says so instead of drawing: true when it did. */
    static boolean tooSmall(Pen pen, Chrome chrome, int w, int h) {
        if (w >= MIN_COLUMNS && h >= MIN_ROWS) {
            return false;
        }
        pen.fill(0, 0, w, h, Tone.NORMAL);
        List<String> lines = Columns.wrap(chrome.say("tooSmall", MIN_COLUMNS, MIN_ROWS, w, h), w);
        for (int i = 0; i < lines.size() && i < h; i++) {
            pen.put(0, i, lines.get(i), w, Tone.REFUSED);
        }
        return true;
    }

    private static int side(int w) {
        return w >= 140 ? 44 : w >= 100 ? 30 : Math.max(20, w - 60);
    }

    /** Rows the middle panels would fill: the rest of the screen goes to the log. */
    private static int middleRows(BoardView v, int side) {
        int goals = 4 + v.charges().size() + (v.turn() == null ? 0 : 2)
                + PressureRows.counters(v, Chrome.english()).size() + targetLines(v, Chrome.english(), side - 1).size();
        for (BoardView.GoalRow g : v.goals()) {
            goals += Columns.wrap(g.text(), side - 5).size();
        }
        return Math.max(goals, 2 + Math.max(v.processes().size(), v.pages().size()));
    }

    private static void header(BoardView v, Chrome chrome, Pen pen, int w) {
        String right = chrome.moves(v.moves(), v.movesLeft()) + " │ " + stars(v, chrome) + " ";
        int rw = Columns.width(right);
        // The level's title is what a player needs: the game's name, then the level's folder, go first.
        String left = " COW Arena │ " + v.mode() + " │ " + v.title();
        if (Columns.width(left) + rw + 1 > w) {
            left = " " + v.mode() + " │ " + v.title();
        }
        if (Columns.width(left) + rw + 1 > w) {
            left = " " + v.mode() + " │ " + v.title().replaceFirst("^[a-z]+/", "");
        }
        if (Columns.width(left) + rw + 1 > w) {
            left = Columns.fit(left, Math.max(1, w - rw - 2)).stripTrailing() + "…";
        }
        pen.put(0, 0, left, Math.max(0, w - rw - 1), Tone.HEADER);
        pen.put(Math.max(0, w - rw - 1), 0, " ", 1, Tone.HEADER);
        pen.put(Math.max(0, w - rw), 0, right, Math.min(rw, w), Tone.HEADER);
    }

    static String stars(BoardView v, Chrome chrome) {
        if (v.goals().isEmpty() && !v.goalMet()) {
            return chrome.say("stars.noGoal");
        }
        return v.goalMet() ? "★".repeat(v.stars()) + "☆".repeat(3 - v.stars()) : chrome.say("stars.notMet");
    }

    /**
     * "for ★★★: moves ≤ 4, peak ≤ 3": the level's targets, kept in sight while playing, in lines of
     * {@code w} columns that never split one target; none when the level has none.
     */
    static List<String> targetLines(BoardView v, Chrome chrome, int w) {
        List<String> lines = new ArrayList<>();
        if (v.targets().isEmpty()) {
            return lines;
        }
        String and = chrome.say("side.targets.and");
        StringBuilder line = new StringBuilder(chrome.say("side.targets", ""));
        for (int i = 0; i < v.targets().size(); i++) {
            BoardView.Target t = v.targets().get(i);
            String one = chrome.say("side.target", chrome.sayOr("metric.short." + t.metric(), t.metric()), t.best())
                    + (i + 1 < v.targets().size() ? and.stripTrailing() : "");
            String sep = i == 0 || line.toString().isBlank() ? "" : and.endsWith(" ") ? " " : "";
            if (i > 0 && Columns.width(line + sep + one) > w) {
                lines.add(line.toString());
                line = new StringBuilder("  ");
                sep = "";
            }
            line.append(sep).append(one);
        }
        lines.add(line.toString());
        return lines;
    }

    private static void memory(BoardView v, Chrome chrome, Pen pen, int w, Grid grid) {
        int cached = v.pressure().cached();
        String title = cached == 0 ? chrome.say("memory.title", v.used(), v.total(), v.peak(), v.zeroMaps())
                : chrome.say(w >= 120 ? "memory.titleCached" : "memory.titleShort", v.used(), v.total(), v.peak(),
                        v.zeroMaps(), cached);
        pen.put(0, 1, title + "  ", Tone.TITLE);
        int col = Columns.width(title) + 2;
        for (String[] l : legend(v, grid)) {
            String item = chrome.say("legend." + l[0]);
            if (col + Columns.width(item) + 1 > w) {
                break;
            }
            pen.put(col, 1, item, Tone.valueOf(l[1]));
            pen.put(col + Columns.width(item), 1, " ", Tone.NORMAL);
            col += Columns.width(item) + 1;
        }
        pen.put(col, 1, "", w - col, Tone.NORMAL);
        List<BoardView.FrameCell> frames = v.frames();
        int shown = Math.min(frames.size(), grid.perRow() * grid.rows());
        int selected = selectedFrame(v);
        for (int i = 0; i < shown; i++) {
            int row = 2 + i / grid.perRow();
            int x = grid.gutter() + (i % grid.perRow()) * grid.cellWidth();
            if (grid.gutter() > 0 && i % grid.perRow() == 0) {
                pen.put(0, row, Columns.right(String.valueOf(i), grid.gutter() - 1) + "│", grid.gutter(), Tone.DIM);
            }
            cell(frames.get(i), pen, x, row, grid, frames.get(i).frame() == selected);
        }
        for (int r = 0; r < grid.rows(); r++) {
            int inRow = Math.max(0, Math.min(grid.perRow(), shown - r * grid.perRow()));
            int x = inRow == 0 ? 0 : grid.gutter() + inRow * grid.cellWidth();
            pen.put(x, 2 + r, "", w - x, Tone.NORMAL);
        }
        if (shown < frames.size()) {
            String more = chrome.say("memory.more", frames.size() - shown);
            pen.put(w - Columns.width(more), 1 + grid.rows(), more, Tone.DIM);
        }
    }

    /** The legend's keys and tones, the kinds first: cached and shm only when the board has such frames. */
    private static List<String[]> legend(BoardView v, Grid grid) {
        List<String[]> legend = new ArrayList<>();
        legend.add(new String[] {"file", "FILE"});
        legend.add(new String[] {"anon", "ANON"});
        if (v.pressure().cached() > 0) {
            legend.add(new String[] {grid.cellWidth() < 6 ? "cachedNarrow" : "cached", "CACHED"});
        }
        if (v.frames().stream().anyMatch(f -> f.kind() == BoardView.Kind.SHM)) {
            legend.add(new String[] {"shm", "SHM"});
        }
        for (String k : new String[] {"free", "shared"}) {
            legend.add(new String[] {k, k.toUpperCase(Locale.ROOT)});
        }
        for (String k : new String[] {"new", "copied", "freed", "reused"}) {
            legend.add(new String[] {k, "MARK_" + k.toUpperCase(Locale.ROOT)});
        }
        return legend;
    }

    /** The frame the selected page maps, or -1: its cell shows the value whole. */
    private static int selectedFrame(BoardView v) {
        for (BoardView.PteRow p : v.pages()) {
            if (p.vpn() == v.selectedVpn() && p.mapping() == BoardView.PteRow.Mapping.FRAME) {
                return p.frame();
            }
        }
        return -1;
    }

    private static void cell(BoardView.FrameCell f, Pen pen, int x, int row, Grid grid, boolean selected) {
        int w = grid.cellWidth();
        char kind = switch (f.kind()) {
            case FREE -> '·';
            case FILE -> 'f';
            case ANON -> 'a';
            case CACHED -> 'c';
            case SHM -> 's';
        };
        // too narrow for the kind letter, a cached frame shows "~" (its value is no one's): mono has no tone for it
        String value = f.kind() == BoardView.Kind.FREE ? "" : w < 6 && f.kind() == BoardView.Kind.CACHED ? "~"
                : f.value() == null ? "?" : f.value();
        String refs = f.refs() > 1 ? (w > 6 ? "×" + f.refs() : f.refs() > 9 ? "+" : String.valueOf(f.refs())) : "";
        Tone body = switch (f.kind()) {
            case FREE -> Tone.FREE;
            case FILE -> Tone.FILE;
            case ANON -> Tone.ANON;
            case CACHED -> Tone.CACHED;
            case SHM -> Tone.SHM;
        };
        Tone refTone = Tone.SHARED;
        if (f.mark() != Mark.NONE) {
            body = f.mark().tone();
            refTone = body;
        }
        String text;
        int refWidth;
        if (w > 6 && selected && Columns.width(value) > 4) {
            // the selected page's frame: its value whole (up to 8 columns), in place of the refs
            int digits = w - 11;
            text = Columns.right(String.valueOf(f.frame()), digits) + " " + kind + " " + Columns.fit(value, 8);
            refWidth = 0;
            body = Tone.SELECTED;
        } else if (w > 6) {
            int digits = w - 11;
            text = Columns.right(String.valueOf(f.frame()), digits) + " " + kind + " " + Columns.fit(value, 4);
            refWidth = 3;
        } else if (w == 6) {
            text = kind + Columns.fit(value, 3);
            refWidth = 1;
        } else if (w >= 2) {
            text = f.kind() == BoardView.Kind.FREE ? "·" : value.isEmpty() ? " " : Columns.fit(value, 1);
            refWidth = 1;
        } else {
            text = f.kind() == BoardView.Kind.FREE ? "·" : f.refs() > 1 ? refs : Columns.fit(value, 1);
            refWidth = 0;
        }
        pen.put(x, row, text, Columns.width(text), body);
        int used = Columns.width(text);
        if (refWidth > 0) {
            pen.put(x + used, row, refs, refWidth, refs.isEmpty() ? body : refTone);
            used += refWidth;
        }
        if (used < w) {
            pen.put(x + used, row, "", w - used, Tone.NORMAL);
        }
    }

    private static void processes(BoardView v, Chrome chrome, Pen pen, int x, int top, int w, int rows,
                                  boolean wide) {
        boolean owners = v.processes().stream().map(BoardView.ProcRow::owner).distinct().count() > 1;
        int ownerW = owners ? (wide ? 9 : 6) : 0;
        int ppidW = wide ? 5 : 0;
        // narrow with owners: rss alone, so that the owner gets its own column and the name stays whole
        boolean allNumbers = wide || !owners;
        int numbersW = wide ? 17 : allNumbers ? 12 : 4;
        int nameW = w - 1 - ownerW - ppidW - 8 - numbersW;
        pen.put(x, top, chrome.say("procs.title"), w, Tone.TITLE);
        String head = " " + Columns.fit(chrome.say("procs.pidProg"), nameW)
                + (ppidW > 0 ? Columns.right(chrome.say("procs.ppid"), ppidW - 1) + " " : "")
                + (owners ? Columns.fit(chrome.say("procs.owner"), ownerW) : "")
                + Columns.fit(" " + chrome.say("procs.state"), 8)
                + (wide ? " rss   pss  uss" : allNumbers ? "rss  pss uss" : " rss");
        pen.put(x, top + 1, head, w, Tone.DIM);
        List<BoardView.ProcRow> list = v.processes();
        int body = rows - 2;
        int sel = 0;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).pid() == v.selectedPid()) {
                sel = i;
            }
        }
        int start = Math.max(0, Math.min(sel - body + 1, list.size() - body));
        start = Math.max(0, start);
        for (int i = 0; i < body && start + i < list.size(); i++) {
            BoardView.ProcRow p = list.get(start + i);
            boolean selected = p.pid() == v.selectedPid();
            String numbers = wide
                    ? String.format(Locale.ROOT, "%4d %5.2f %4d", p.rss(), p.pss(), p.uss())
                    : allNumbers ? String.format(Locale.ROOT, "%3d %4.1f %3d", p.rss(), p.pss(), p.uss())
                    : String.format(Locale.ROOT, "%4d", p.rss());
            String line = (selected ? "▸" : " ") + Columns.fit(treeName(p, nameW), nameW)
                    + (ppidW > 0 ? Columns.right(String.valueOf(p.ppid()), ppidW - 1) + " " : "")
                    + (owners ? Columns.fit(owner(chrome, p.owner()), ownerW) : "") + Columns.fit(" " + chrome.state(p.state()), 8)
                    + numbers;
            Tone tone = selected ? Tone.SELECTED : p.state().alive() ? Tone.NORMAL : Tone.DIM;
            pen.put(x, top + 2 + i, line, w, tone);
        }
        for (int i = Math.max(0, list.size() - start); i < body; i++) {
            pen.put(x, top + 2 + i, "", w, Tone.NORMAL);
        }
    }

    /** An owner as the player reads it: a level's default owner {@code you} is "you" in the player's language. */
    static String owner(Chrome chrome, String owner) {
        return chrome.sayOr("owner." + owner, owner);
    }

    /**
     * "  └4 server": the tree's indent and glyph, the pid, the program. When they do not fit, the
     * indent goes first, then the glyph: the program's name is cut only when it alone is too long.
     */
    static String treeName(BoardView.ProcRow p, int width) {
        String name = p.pid() + " " + p.program();
        for (int indent = Math.max(0, p.depth() - 1); indent >= 0; indent--) {
            String full = "  ".repeat(indent) + (p.depth() > 0 ? "└" : "") + name;
            if (Columns.width(full) <= width) {
                return full;
            }
        }
        return name;
    }

    private static void pageTable(BoardView v, Chrome chrome, Pen pen, int x, int top, int w, int rows,
                                  boolean wide) {
        for (int r = top; r < top + rows; r++) {
            pen.put(x, r, "│", Tone.DIM);
        }
        x += 1;
        w -= 1;
        pen.put(x, top, pagesTitle(v, chrome, w), w, Tone.TITLE);
        int refsW = wide ? 5 : 0;
        // narrow: vpn, frame, segment and flags in 21 columns, leaving 8 for the value
        int segW = wide ? 6 : 5;
        int flagsW = wide ? 7 : 6;
        // the labels start over their columns (narrow: the segment's one column later, after "frame")
        pen.put(x, top + 1, Columns.right(chrome.say("pages.vpn"), 4) + " "
                + Columns.fit(chrome.say("pages.frame"), wide ? 7 : 6) + Columns.fit(chrome.say("pages.seg"), segW - 1) + Columns.fit(chrome.say("pages.flags"), flagsW)
                + (wide ? Columns.fit(chrome.say("pages.refs"), refsW) : "") + chrome.say("pages.value"), w, Tone.DIM);
        List<BoardView.PteRow> pages = v.pages();
        int body = rows - 2;
        if (pages.isEmpty()) {
            List<String> said = Columns.wrap(chrome.say(v.selectedPid() > 0 ? "pages.none" : "pages.select"), w);
            for (int i = 0; i < body; i++) {
                pen.put(x, top + 2 + i, i < said.size() ? said.get(i) : "", w, i < said.size() ? Tone.DIM : Tone.NORMAL);
            }
            return;
        }
        int sel = Math.max(0, Math.min(v.selectedVpn(), pages.size() - 1));
        int start = Math.max(0, Math.min(sel - body / 2, pages.size() - body));
        for (int i = 0; i < body && start + i < pages.size(); i++) {
            BoardView.PteRow p = pages.get(start + i);
            String frame = switch (p.mapping()) {
                case FRAME -> String.valueOf(p.frame());
                case ZERO -> chrome.say("pages.zero");
                case UNMAPPED -> "-";
                case ABSENT -> chrome.say("pages.absent");
                case GONE -> chrome.say("pages.gone");
            };
            String value = p.mapping() == BoardView.PteRow.Mapping.FRAME || p.mapping() == BoardView.PteRow.Mapping.ZERO
                    ? p.value() : "";
            String flags = p.flags() + (p.huge() ? " H" : "");
            String segment = chrome.sayOr((wide ? "pages.seg.name." : "pages.seg.short.") + p.segment(), p.segment());
            String line = (p.vpn() == v.selectedVpn() ? "▸" : " ") + Columns.right(String.valueOf(p.vpn()), 3)
                    + (wide ? " → " : "→") + Columns.fit(frame, 4) + " " + Columns.fit(segment, segW - 1) + " "
                    + Columns.fit(flags, flagsW - 1) + " "
                    + (wide ? Columns.fit(p.refs() > 1 ? "×" + p.refs() : "", refsW) : "") + value;
            Tone tone = p.vpn() == v.selectedVpn() ? Tone.SELECTED
                    : p.mark() != Mark.NONE ? p.mark().tone()
                    : p.mapping() == BoardView.PteRow.Mapping.FRAME ? Tone.NORMAL : Tone.DIM;
            pen.put(x, top + 2 + i, line, w, tone);
        }
        for (int i = Math.max(0, pages.size() - start); i < body; i++) {
            pen.put(x, top + 2 + i, "", w, Tone.NORMAL);
        }
    }

    /**
     * "Page table of pid 2 · fork() returned 0": the title names the selected process and, when
     * it took part in a fork, the values fork returned in it, in order: 0 where it was the child,
     * then each child's pid (what its own forks returned). Short of room, "pid 2 · fork() → 0".
     */
    static String pagesTitle(BoardView v, Chrome chrome, int w) {
        int pid = v.selectedPid();
        if (pid <= 0) {
            return chrome.say("pages.title");
        }
        String title = chrome.say("pages.titleOf", pid);
        List<String> returned = forkReturns(v, pid);
        if (returned.isEmpty()) {
            return title;
        }
        String values = String.join(", ", returned);
        String full = title + " · " + chrome.say("pages.forkReturned", values);
        return Columns.width(full) <= w ? full : chrome.say("pages.forkShort", pid, values);
    }

    /** The values fork (or vfork) returned in {@code pid}, in order: 0 if it was forked, then its children's pids. */
    static List<String> forkReturns(BoardView v, int pid) {
        List<String> values = new ArrayList<>();
        for (BoardView.ProcRow p : v.processes()) {
            if (p.pid() == pid && p.ppid() > 0) {
                values.add("0");
            }
        }
        v.processes().stream().filter(p -> p.ppid() == pid).map(BoardView.ProcRow::pid).sorted()
                .forEach(child -> values.add(String.valueOf(child)));
        return values;
    }

    private static void sidePanel(BoardView v, Chrome chrome, Pen pen, int x, int top, int w, int rows) {
        for (int r = top; r < top + rows; r++) {
            pen.put(x, r, "│", Tone.DIM);
        }
        x += 1;
        w -= 1;
        List<BoardView.LogLine> lines = new ArrayList<>();
        lines.add(new BoardView.LogLine(chrome.say("side.goal"), Tone.TITLE));
        for (BoardView.GoalRow goal : v.goals()) {
            List<String> wrapped = Columns.wrap(goal.text(), w - 4);
            for (int i = 0; i < wrapped.size(); i++) {
                lines.add(new BoardView.LogLine((i == 0 ? (goal.met() ? "[x] " : "[ ] ") : "    ") + wrapped.get(i),
                        goal.met() ? Tone.MET : Tone.UNMET));
            }
        }
        lines.add(new BoardView.LogLine(chrome.moves(v.moves(), v.movesLeft()), Tone.NORMAL));
        lines.add(new BoardView.LogLine(chrome.say("side.stars", stars(v, chrome)), v.goalMet() ? Tone.MET
                : Tone.NORMAL));
        boolean over = v.targets().stream().anyMatch(BoardView.Target::over);
        for (String t : targetLines(v, chrome, w)) {
            lines.add(new BoardView.LogLine(t, over ? Tone.UNMET : Tone.DIM));
        }
        for (BoardView.ChargeRow c : v.charges()) {
            String charged = c.charged() + (c.budget() >= 0 ? "/" + c.budget() : "");
            // the level's default owner is the player: "你已计费 5", with no space inside the Chinese
            String line = "you".equals(c.owner()) ? chrome.say("side.charged.you", charged)
                    : chrome.say("side.charged", owner(chrome, c.owner()), charged);
            lines.add(new BoardView.LogLine(line, c.budget() >= 0 && c.charged() >= c.budget() ? Tone.UNMET
                    : Tone.NORMAL));
        }
        lines.addAll(PressureRows.counters(v, chrome));
        if (v.turn() != null) {
            for (String t : Columns.wrap(v.turn(), w)) {
                lines.add(new BoardView.LogLine(t, Tone.INFO));
            }
        }
        for (int i = 0; i < rows; i++) {
            BoardView.LogLine line = i < lines.size() ? lines.get(i) : null;
            pen.put(x, top + i, line == null ? "" : line.text(), w, line == null ? Tone.NORMAL : line.tone());
        }
    }

    /**
     * The log, newest last, scrolled back {@link BoardView#logScroll} lines; its title row pins the
     * last move's line, so a move whose sentences fill the log is still named.
     */
    private static void log(BoardView v, Chrome chrome, Pen pen, int top, int w, int rows) {
        List<BoardView.LogLine> wrapped = new ArrayList<>();
        for (BoardView.LogLine line : v.log()) {
            // a line's continuation goes two columns in from the line's own indent
            String text = line.text();
            String indent = " ".repeat(text.length() - text.stripLeading().length() + 2);
            List<String> parts = Columns.wrap(text, w - indent.length());
            for (int i = 0; i < parts.size(); i++) {
                wrapped.add(new BoardView.LogLine((i == 0 ? "" : indent) + parts.get(i), line.tone()));
            }
        }
        int body = rows - 1;
        int scroll = Math.max(0, Math.min(v.logScroll(), wrapped.size() - body));
        String title = scroll > 0 ? chrome.say("log.scrolled", chrome.say("log.title"), scroll)
                : "── " + chrome.say("log.title") + " ";
        pen.put(0, top, title, Columns.width(title), Tone.DIM);
        int x = Columns.width(title);
        if (v.headline() != null && x + 4 < w) {
            String pinned = "─ " + v.headline() + " ";
            int shown = Math.min(Columns.width(pinned), w - x);
            pen.put(x, top, pinned, shown, Tone.MOVE);
            x += shown;
        }
        pen.put(x, top, "─".repeat(Math.max(0, w - x)), Math.max(0, w - x), Tone.DIM);
        int start = Math.max(0, wrapped.size() - body - scroll);
        for (int i = 0; i < body; i++) {
            BoardView.LogLine line = start + i < wrapped.size() ? wrapped.get(start + i) : null;
            pen.put(0, top + 1 + i, line == null ? "" : line.text(), w, line == null ? Tone.NORMAL : line.tone());
        }
    }

    /**
     * A box over whatever is drawn: briefings, help, hints, results, menus. Lines are wrapped
     * to the box; {@code tones} gives each source line's tone (NORMAL when shorter).
     */
    public static void dialog(TextGraphics g, Theme theme, String title, List<BoardView.LogLine> lines) {
        dialog(g, theme, title, lines, 0);
    }

    /**
     * The same, scrolled down {@code scroll} lines when the box cannot hold them all: then its last
     * line (a dialog's keys) stays at the bottom, and the bottom border says how many lines are
     * above and below.
     *
     * @return the most {@code scroll} can be (0 when everything fits)
     */
    public static int dialog(TextGraphics g, Theme theme, String title, List<BoardView.LogLine> lines, int scroll) {
        TerminalSize size = g.getSize();
        Pen pen = new Pen(g, theme);
        int w = Math.min(size.getColumns() - 2, 76);
        List<BoardView.LogLine> body = new ArrayList<>();
        for (BoardView.LogLine l : lines) {
            for (String part : Columns.wrap(l.text(), w - 4)) {
                body.add(new BoardView.LogLine(part, l.tone()));
            }
        }
        int h = Math.min(size.getRows() - 2, body.size() + 2);
        int inside = h - 2;
        int most = 0;
        int from = 0;
        String more = "";
        if (body.size() > inside && !lines.isEmpty() && inside > 1) {
            // keep the source's last line (its keys) in view; the rest scrolls above it
            int lastLines = Columns.wrap(lines.get(lines.size() - 1).text(), w - 4).size();
            List<BoardView.LogLine> footer = new ArrayList<>(body.subList(body.size() - lastLines, body.size()));
            List<BoardView.LogLine> rest = body.subList(0, body.size() - lastLines);
            int room = Math.max(1, inside - footer.size());
            most = Math.max(0, rest.size() - room);
            from = Math.max(0, Math.min(scroll, most));
            List<BoardView.LogLine> shown = new ArrayList<>(rest.subList(from, Math.min(rest.size(), from + room)));
            shown.addAll(footer);
            body = shown;
            int below = rest.size() - room - from;
            more = (from > 0 ? "↑" + from + " " : "") + (below > 0 ? "↓" + below + " " : "");
        }
        int x = (size.getColumns() - w) / 2;
        int y = Math.max(0, (size.getRows() - h) / 2);
        pen.put(x, y, "┌─ " + title + " " + "─".repeat(Math.max(0, w - 5 - Columns.width(title))) + "┐", w, Tone.TITLE);
        for (int i = 0; i < inside; i++) {
            pen.put(x, y + 1 + i, "│ ", 2, Tone.TITLE);
            BoardView.LogLine l = i < body.size() ? body.get(i) : new BoardView.LogLine("", Tone.NORMAL);
            pen.put(x + 2, y + 1 + i, l.text(), w - 4, l.tone());
            pen.put(x + w - 2, y + 1 + i, " │", 2, Tone.TITLE);
        }
        String bottom = more.isEmpty() ? "" : "─ " + more;
        pen.put(x, y + h - 1, "└" + bottom + "─".repeat(Math.max(0, w - 2 - Columns.width(bottom))) + "┘", w,
                Tone.TITLE);
        return most;
    }
}
