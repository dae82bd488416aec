package org.cowarena.board;

import java.util.List;
import org.cowarena.kernel.Overcommit;
import org.cowarena.kernel.Smaps;
import org.cowarena.kernel.TaskState;

/**
 * Everything the board shows, as plain values: built from a game by {@link BoardViews}
 * (solo, multiplayer replica, replay alike) and drawn by {@link BoardRenderer}.
 *
 * @param title      the level: id and title
 * @param mode       where the game runs: "solo", "room K7QP", "replay 3/9"
 * @param zeroMaps   pages mapped to the shared zero page (which is no frame)
 * @param movesLeft  -1 when the level sets no limit
 * @param stars      stars earned if play stopped now (0 while a goal fails)
 * @param turn       whose turn and the timer, in multiplayer; null otherwise
 * @param logScroll  how many lines the log is scrolled back from its newest (0: the newest show)
 * @param headline   the last move's line, pinned over the log so that it never scrolls away; null before one
 * @param pressure   the machine's page cache, commit accounting and memory-pressure counters
 * @param targets    the level's star thresholds (three stars at or under each), in the level's order
 */
public record BoardView(String title, String mode, List<FrameCell> frames, int zeroMaps, int used, int peak,
                        List<ProcRow> processes, int selectedPid, List<PteRow> pages, int selectedVpn,
                        List<ChargeRow> charges, List<GoalRow> goals, int moves, int movesLeft, int stars,
                        boolean goalMet, String turn, List<LogLine> log, StatusLine status, int logScroll,
                        String headline, Pressure pressure, List<Target> targets) {
    public BoardView {
        targets = List.copyOf(targets);
        frames = List.copyOf(frames);
        processes = List.copyOf(processes);
        pages = List.copyOf(pages);
        charges = List.copyOf(charges);
        goals = List.copyOf(goals);
        log = List.copyOf(log);
    }

    /** One physical frame. {@code kind} FREE has no value and no refs; CACHED has a value and no refs. */
    public record FrameCell(int frame, Kind kind, String value, int refs, String chargedTo, Mark mark) {
    }

    /**
     * What a frame holds: FILE a page-cache page some page table maps, CACHED one no page table
     * maps (kept until reclaim takes it, not counted as used), ANON private anonymous memory,
     * SHM shared anonymous memory (MAP_SHARED, never copied on write).
     */
    public enum Kind {
        FREE, FILE, ANON, CACHED, SHM
    }

    /**
     * A process in tree order: {@code depth} 0 for a process whose parent is not on the board.
     * {@code smaps} is its smaps_rollup line, {@code badness} the OOM killer's score of it now,
     * {@code locked} true while its address space is mlocked.
     */
    public record ProcRow(int pid, int ppid, int depth, String owner, String program, TaskState state, int rss,
                         double pss, int uss, Smaps smaps, int oomScoreAdj, long badness, boolean locked,
                         boolean inVfork) {
        /** A row with no smaps line, oom_score_adj 0 and no mlock. */
        public ProcRow(int pid, int ppid, int depth, String owner, String program, TaskState state, int rss,
                       double pss, int uss) {
            this(pid, ppid, depth, owner, program, state, rss, pss, uss, Smaps.NONE, 0, rss, false, false);
        }
    }

    /**
     * The machine's memory beyond the frames: page-cache frames no page table maps, the commit
     * accounting ({@code committed} of {@code commitLimit}, enforced under {@code overcommit}
     * never) and the counters of memory pressure since play started.
     */
    public record Pressure(int cached, long committed, long commitLimit, Overcommit overcommit, int ratio,
                           int reclaims, int majorFaults, int enomem) {
        public static final Pressure NONE = new Pressure(0, 0, 0, Overcommit.HEURISTIC, 50, 0, 0, 0);
    }

    /**
     * One page-table entry of the selected process. {@code frame} is the frame number, or -1
     * with {@code mapping} telling why.
     */
    public record PteRow(int vpn, String segment, Mapping mapping, int frame, int refs, boolean writable,
                         boolean cow, boolean huge, String value, Mark mark) {
        /** ABSENT: left out of a child by MADV_DONTFORK; GONE: a file page reclaim took, read back on a touch. */
        public enum Mapping {
            UNMAPPED, ZERO, FRAME, ABSENT, GONE
        }

        /** R, RW, R COW: what a write to this page would do. */
        public String flags() {
            return switch (mapping) {
                case FRAME -> writable ? "RW" : cow ? "R COW" : "R";
                case ZERO -> "R";
                case UNMAPPED, ABSENT -> "";
                case GONE -> cow ? "COW" : "";
            };
        }
    }

    /** Frames charged to an owner (its memory cgroup), against its budget (-1: none). */
    public record ChargeRow(String owner, int charged, int budget) {
    }

    public record GoalRow(String text, boolean met) {
    }

    public record LogLine(String text, Tone tone) {
    }

    /** The bottom line: key help, a message, or the command line with its cursor column (-1: none). */
    public record StatusLine(String text, Tone tone, int cursor) {
        public static StatusLine of(String text) {
            return new StatusLine(text, Tone.DIM, -1);
        }
    }

    /** A star threshold: three stars need {@code metric} at most {@code best}; {@code value} is where play stands. */
    public record Target(String metric, int best, int value) {
        public boolean over() {
            return value > best;
        }
    }

    public int total() {
        return frames.size();
    }

    public BoardView withLog(List<LogLine> lines) {
        return new BoardView(title, mode, frames, zeroMaps, used, peak, processes, selectedPid, pages, selectedVpn,
                charges, goals, moves, movesLeft, stars, goalMet, turn, lines, status, logScroll, headline, pressure,
                targets);
    }

    public BoardView withStatus(StatusLine line) {
        return new BoardView(title, mode, frames, zeroMaps, used, peak, processes, selectedPid, pages, selectedVpn,
                charges, goals, moves, movesLeft, stars, goalMet, turn, log, line, logScroll, headline, pressure,
                targets);
    }

    public BoardView withTurn(String text) {
        return new BoardView(title, mode, frames, zeroMaps, used, peak, processes, selectedPid, pages, selectedVpn,
                charges, goals, moves, movesLeft, stars, goalMet, text, log, status, logScroll, headline, pressure,
                targets);
    }

    public BoardView withMode(String text) {
        return new BoardView(title, text, frames, zeroMaps, used, peak, processes, selectedPid, pages, selectedVpn,
                charges, goals, moves, movesLeft, stars, goalMet, turn, log, status, logScroll, headline, pressure,
                targets);
    }

    /** The log scrolled back {@code lines} from its newest, with the last move pinned over it. */
    public BoardView withLogScroll(int lines, String pinned) {
        return new BoardView(title, mode, frames, zeroMaps, used, peak, processes, selectedPid, pages, selectedVpn,
                charges, goals, moves, movesLeft, stars, goalMet, turn, log, status, lines, pinned, pressure,
                targets);
    }
}
