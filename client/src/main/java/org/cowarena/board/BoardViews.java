package org.cowarena.board;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cowarena.game.ActorMove;
import org.cowarena.game.Game;
import org.cowarena.game.GoalCheck;
import org.cowarena.game.Score;
import org.cowarena.game.Turn;
import org.cowarena.kernel.Event;
import org.cowarena.kernel.FrameInfo;
import org.cowarena.kernel.Kernel;
import org.cowarena.kernel.PageInfo;
import org.cowarena.kernel.ProcessInfo;
import org.cowarena.kernel.Stats;
import org.cowarena.level.Goal;
import org.cowarena.report.Narrator;

/** Builds the {@link BoardView} of a game: the same for a solo game, a room's replica and a replay. */
public final class BoardViews {
    private BoardViews() {
    }

    /**
     * The board after {@code last} (whose frames are marked), with {@code pid}/{@code vpn}
     * selected; log and status are left empty for the caller to fill.
     */
    public static BoardView of(Game game, Narrator narrator, String mode, int pid, int vpn, Optional<Turn> last) {
        Kernel k = game.kernel();
        Map<Integer, Mark> marks = marks(last);
        List<BoardView.FrameCell> frames = new ArrayList<>(k.totalFrames());
        for (int i = 0; i < k.totalFrames(); i++) {
            FrameInfo f = k.frame(i);
            BoardView.Kind kind = kind(f);
            frames.add(new BoardView.FrameCell(i, kind, f.value(), f.refs(), f.chargedTo(),
                    marks.getOrDefault(i, Mark.NONE)));
        }
        List<ProcessInfo> all = k.processes();
        int zeroMaps = 0;
        for (ProcessInfo p : all) {
            if (p.state().alive() && !p.inVfork()) {
                for (PageInfo page : k.pageTable(p.pid())) {
                    zeroMaps += page.mapping() == PageInfo.Mapping.ZERO ? 1 : 0;
                }
            }
        }
        List<BoardView.PteRow> pages = new ArrayList<>();
        for (PageInfo p : k.pageTable(pid)) {
            pages.add(new BoardView.PteRow(p.vpn(), p.segment().label(),
                    mapping(p.mapping()), p.frame(), p.refs(), p.writable(), p.cow(),
                    p.huge(), p.value(), p.mapping() == PageInfo.Mapping.FRAME
                            ? marks.getOrDefault(p.frame(), Mark.NONE) : Mark.NONE));
        }
        List<BoardView.ChargeRow> charges = new ArrayList<>();
        for (String owner : game.players()) {
            charges.add(new BoardView.ChargeRow(owner, k.charged(owner),
                    k.config().budgets().getOrDefault(owner, -1)));
        }
        Score score = game.score();
        List<BoardView.GoalRow> goals = new ArrayList<>();
        for (GoalCheck c : score.checks()) {
            goals.add(new BoardView.GoalRow(describe(narrator, c.goal()), c.met()));
        }
        int movesLeft = game.level().moves().limit().isPresent() ? game.movesLeft() : -1;
        String title = game.level().source().replaceFirst("^levels/", "").replaceFirst("\\.yaml$", "") + ": "
                + game.level().title(narrator.language());
        return new BoardView(title, mode, frames, zeroMaps, k.used(), k.peak(), tree(all), pid, pages, vpn,
                charges, goals, game.metrics().moves(), movesLeft, score.stars(), score.met(), null, List.of(),
                BoardView.StatusLine.of(""), 0, null, pressure(k));
    }

    /** A free frame, a page-cache frame mapped or only cached (refs 0), private or shared anonymous memory. */
    static BoardView.Kind kind(FrameInfo f) {
        if (f.free()) {
            return BoardView.Kind.FREE;
        }
        return switch (f.kind()) {
            case FILE -> f.refs() == 0 ? BoardView.Kind.CACHED : BoardView.Kind.FILE;
            case ANON -> BoardView.Kind.ANON;
            case SHM -> BoardView.Kind.SHM;
        };
    }

    static BoardView.Pressure pressure(Kernel k) {
        Stats s = k.stats();
        return new BoardView.Pressure(k.cached(), k.committed(), k.commitLimit(), k.config().overcommit(),
                k.config().overcommitRatio(), s.reclaims(), s.majorFaults(), s.enomem());
    }

    /** Processes in tree order: each parent followed by its children, by pid. */
    public static List<BoardView.ProcRow> tree(List<ProcessInfo> all) {
        Map<Integer, List<ProcessInfo>> children = new HashMap<>();
        Set<Integer> pids = new HashSet<>();
        all.forEach(p -> pids.add(p.pid()));
        List<ProcessInfo> roots = new ArrayList<>();
        for (ProcessInfo p : all) {
            if (pids.contains(p.ppid()) && p.ppid() != p.pid()) {
                children.computeIfAbsent(p.ppid(), x -> new ArrayList<>()).add(p);
            } else {
                roots.add(p);
            }
        }
        List<BoardView.ProcRow> rows = new ArrayList<>();
        roots.sort(Comparator.comparingInt(ProcessInfo::pid));
        for (ProcessInfo r : roots) {
            walk(r, 0, children, rows);
        }
        return rows;
    }

    private static void walk(ProcessInfo p, int depth, Map<Integer, List<ProcessInfo>> children,
                             List<BoardView.ProcRow> rows) {
        rows.add(new BoardView.ProcRow(p.pid(), p.ppid(), depth, p.owner(), p.program(), p.state(), p.rss(), p.pss(),
                p.uss(), p.smaps(), p.oomScoreAdj(), p.badness(), p.locked(), p.inVfork()));
        List<ProcessInfo> kids = new ArrayList<>(children.getOrDefault(p.pid(), List.of()));
        kids.sort(Comparator.comparingInt(ProcessInfo::pid));
        for (ProcessInfo c : kids) {
            walk(c, depth + 1, children, rows);
        }
    }

    /** What the move (and its actors' answers) did to each frame; a later event wins. */
    static Map<Integer, Mark> marks(Optional<Turn> last) {
        Map<Integer, Mark> marks = new HashMap<>();
        if (last.isEmpty()) {
            return marks;
        }
        List<Event> events = new ArrayList<>(last.get().outcome().events());
        for (ActorMove a : last.get().actors()) {
            events.addAll(a.outcome().events());
        }
        for (Event e : events) {
            if (e instanceof Event.Alloc x) {
                marks.put(x.frame(), Mark.NEW);
            } else if (e instanceof Event.ZeroFill x) {
                marks.put(x.frame(), Mark.NEW);
            } else if (e instanceof Event.HugeZeroFill x) {
                x.frames().forEach(f -> marks.put(f, Mark.NEW));
            } else if (e instanceof Event.CowCopy x) {
                marks.put(x.to(), Mark.COPIED);
            } else if (e instanceof Event.HugeCowCopy x) {
                x.to().forEach(f -> marks.put(f, Mark.COPIED));
            } else if (e instanceof Event.CowReuse x) {
                marks.put(x.frame(), Mark.REUSED);
            } else if (e instanceof Event.HugeCowReuse x) {
                x.frames().forEach(f -> marks.put(f, Mark.REUSED));
            } else if (e instanceof Event.Free x) {
                marks.put(x.frame(), Mark.FREED);
            }
        }
        return marks;
    }

    /** The kernel's mapping of a page as the board shows it: a new kind of mapping must be placed here. */
    static BoardView.PteRow.Mapping mapping(PageInfo.Mapping m) {
        return switch (m) {
            case UNMAPPED -> BoardView.PteRow.Mapping.UNMAPPED;
            case ZERO -> BoardView.PteRow.Mapping.ZERO;
            case FRAME -> BoardView.PteRow.Mapping.FRAME;
            case ABSENT -> BoardView.PteRow.Mapping.ABSENT;
            case GONE -> BoardView.PteRow.Mapping.GONE;
        };
    }

    /**
     * A goal in the narrator's words, with the level's default owner {@code you} said in the
     * player's language ("你" in Chinese), as the board's side panel says it.
     */
    public static String describe(Narrator narrator, Goal goal) {
        if (goal instanceof Goal.MaxCharge g) {
            String owner = BoardRenderer.owner(Chrome.of(narrator.language()), g.owner());
            return narrator.describe(new Goal.MaxCharge(owner, g.atMost(), g.pos()));
        }
        return narrator.describe(goal);
    }
}
