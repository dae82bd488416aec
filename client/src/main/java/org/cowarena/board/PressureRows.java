package org.cowarena.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cowarena.kernel.Kernel;
import org.cowarena.kernel.Overcommit;
import org.cowarena.kernel.Smaps;

/**
 * The board's pressure block, between the middle panels and the log: the machine's commit
 * accounting (Committed_AS of CommitLimit, and the overcommit mode that decides whether it is
 * enforced); then the selected process's
 * smaps_rollup line — Private_Dirty first, the number Redis reports as a child's
 * copy-on-write — its OOM badness with its oom_score_adj, and whether it is mlocked.
 *
 * The counters of reclaim, major faults and ENOMEM go to the side panel, under the moves.
 *
 * <p>Each row is a list of pieces laid out in order: one that does not fit is left out, so the
 * most important come first.
 */
final class PressureRows {
    private static final String GAP = "  ";

    private PressureRows() {
    }

    /**
     * Rows of the block: three from 30 rows (the commit line; the smaps line; badness and mlock),
     * two below (the smaps line, mlock in its label; the commit line and the badness).
     */
    static int rows(int h) {
        return h >= 30 ? 3 : 2;
    }

    /** A piece of a row, and a shorter way to say it where the row has no room for it ({@code shorter} or null). */
    private record Piece(String text, Tone tone, String shorter) {
        Piece(String text, Tone tone) {
            this(text, tone, null);
        }
    }

    static void draw(BoardView v, Chrome chrome, Pen pen, int top, int w, int rows) {
        boolean wide = w >= 120;
        BoardView.ProcRow p = v.processes().stream().filter(r -> r.pid() == v.selectedPid()).findFirst()
                .orElse(null);
        Piece commit = commit(v.pressure(), chrome, wide);
        if (rows >= 3) {
            lay(List.of(commit), pen, top, w);
            lay(smaps(p, chrome, wide, false), pen, top + 1, w);
            lay(oom(p, chrome, w >= 140 ? v.total() : 0, true), pen, top + 2, w);
        } else {
            lay(smaps(p, chrome, wide, true), pen, top, w);
            List<Piece> second = new ArrayList<>(List.of(commit));
            second.addAll(oom(p, chrome, 0, false));
            lay(second, pen, top + 1, w);
        }
    }

    /** "Committed 10 / CommitLimit 12, overcommit never": enforced or not, as the mode says. */
    static Piece commit(BoardView.Pressure p, Chrome chrome, boolean wide) {
        Overcommit mode = p.overcommit();
        String modeName = chrome.say("commit.mode." + mode.label());
        return new Piece(wide
                ? chrome.say("commit.wide", p.committed(), p.commitLimit(), modeName, p.ratio(), mode.sysctl(),
                        chrome.say("commit.rule." + mode.label()))
                : chrome.say("commit.short", p.committed(), p.commitLimit(), modeName),
                mode == Overcommit.NEVER && p.committed() >= p.commitLimit() ? Tone.UNMET : Tone.NORMAL);
    }

    /** The side panel's lines for the memory-pressure counters that are not 0: reclaims, major faults, ENOMEM. */
    static List<BoardView.LogLine> counters(BoardView v, Chrome chrome) {
        BoardView.Pressure p = v.pressure();
        List<BoardView.LogLine> lines = new ArrayList<>();
        if (p.reclaims() > 0) {
            lines.add(new BoardView.LogLine(chrome.say("pressure.reclaims", p.reclaims()), Tone.INFO));
        }
        if (p.majorFaults() > 0) {
            lines.add(new BoardView.LogLine(chrome.say("pressure.majorFaults", p.majorFaults()), Tone.INFO));
        }
        if (p.enomem() > 0) {
            lines.add(new BoardView.LogLine(chrome.say("pressure.enomem", p.enomem()), Tone.REFUSED));
        }
        return lines;
    }

    /**
     * The selected process's smaps line, Private_Dirty first; {@code lockInLabel} names mlock in
     * the label ("pid 2 db, mlocked:") where the badness's row has no room for it.
     */
    static List<Piece> smaps(BoardView.ProcRow p, Chrome chrome, boolean wide, boolean lockInLabel) {
        List<Piece> pieces = new ArrayList<>();
        if (p == null) {
            pieces.add(new Piece(chrome.say("detail.select"), Tone.DIM));
            return pieces;
        }
        boolean alive = p.state().alive();
        pieces.add(new Piece(chrome.say(lockInLabel && alive && p.locked() ? "detail.pid.locked" : "detail.pid",
                p.pid(), p.program()), Tone.TITLE));
        if (!alive) {
            pieces.add(new Piece(chrome.say("detail.dead", chrome.state(p.state())), Tone.DIM));
            return pieces;
        }
        Smaps s = p.smaps();
        pieces.add(new Piece(chrome.say(wide ? "detail.privateDirty.wide" : "detail.privateDirty", s.privateDirty()),
                Tone.KEY));
        pieces.add(new Piece(chrome.say("detail.sharedDirty", s.sharedDirty()), Tone.NORMAL));
        pieces.add(new Piece(chrome.say("detail.privateClean", s.privateClean()), Tone.NORMAL));
        pieces.add(new Piece(chrome.say("detail.sharedClean", s.sharedClean()), Tone.NORMAL));
        pieces.add(new Piece(chrome.say("detail.anonymous", s.anonymous()), Tone.NORMAL));
        pieces.add(new Piece(chrome.say("detail.rssPss", s.rss(), String.format(Locale.ROOT, "%.2f", s.pss())),
                Tone.NORMAL));
        return pieces;
    }

    /**
     * What the OOM killer makes of the selected process now, and its mlock when {@code lock}. Given
     * the machine's {@code frames} (0: no room), the badness shows how the game computes it, and
     * that Linux's own formula would give 0 for the adjustment on so few frames.
     */
    static List<Piece> oom(BoardView.ProcRow p, Chrome chrome, int frames, boolean lock) {
        List<Piece> pieces = new ArrayList<>();
        if (p == null || !p.state().alive()) {
            return pieces;
        }
        if (p.inVfork()) {
            pieces.add(new Piece(chrome.say("detail.vfork", p.oomScoreAdj()), Tone.NORMAL));
        } else if (p.oomScoreAdj() == Kernel.OOM_SCORE_ADJ_MIN) {
            pieces.add(new Piece(chrome.say("detail.unkillable", p.oomScoreAdj()), Tone.NORMAL));
        } else {
            String plain = chrome.say("detail.badness", p.badness(), p.oomScoreAdj());
            // the game's formula, shown only where it is the kernel's answer (rss plus the scaled adjustment)
            boolean formula = frames > 0
                    && p.badness() == p.rss() + Math.floorDiv((long) p.oomScoreAdj() * frames, 1000L);
            pieces.add(formula ? new Piece(chrome.say("detail.badness.wide", p.badness(), p.oomScoreAdj(), p.rss(),
                    frames), Tone.NORMAL, plain) : new Piece(plain, Tone.NORMAL));
        }
        if (lock && p.locked()) {
            pieces.add(new Piece(chrome.say("detail.locked.wide"), Tone.INFO, chrome.say("detail.locked")));
        }
        return pieces;
    }

    /** The pieces on row {@code row} in order, each that fits; every cell of the row is written. */
    private static void lay(List<Piece> pieces, Pen pen, int row, int w) {
        int col = 0;
        for (Piece piece : pieces) {
            String text = piece.text();
            int gap = col == 0 ? 0 : GAP.length();
            if (col + gap + Columns.width(text) > w && piece.shorter() != null) {
                text = piece.shorter();
            }
            int width = Columns.width(text);
            if (col == 0 && width > w) {
                pen.put(0, row, text, w, piece.tone()); // a piece wider than the screen is cut
                col = w;
                continue;
            }
            if (col + gap + width > w) {
                continue; // no room: left out, a shorter one after it may fit
            }
            if (col > 0) {
                pen.put(col, row, GAP, Tone.NORMAL);
                col += GAP.length();
            }
            pen.put(col, row, text, piece.tone());
            col += width;
        }
        pen.put(col, row, "", w - col, Tone.NORMAL);
    }
}
