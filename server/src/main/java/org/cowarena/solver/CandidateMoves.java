package org.cowarena.solver;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cowarena.game.Game;
import org.cowarena.kernel.Kernel;
import org.cowarena.kernel.PageInfo;
import org.cowarena.kernel.ProcessInfo;
import org.cowarena.kernel.ProgramImage;
import org.cowarena.kernel.Segment;
import org.cowarena.kernel.TaskState;
import org.cowarena.level.Goal;
import org.cowarena.level.Level;
import org.cowarena.level.MoveRules;
import org.cowarena.move.Advice;
import org.cowarena.move.Move;

/**
 * The moves worth trying in a state, in a fixed order (pass first while an actor still
 * moves, then pids ascending, and verbs as {@link MoveRules#ALL_VERBS} lists them): only
 * verbs the level allows, only running processes, and no move known to change nothing.
 *
 * <p>Values: the kernel never looks at a value, only goals do, and a value never moves
 * from one page number to another (fork, copies and vfork keep the vpn). So a write to
 * page {@code v} tries each value a {@code page} goal names for page {@code v}, plus one
 * value no goal names ({@link #genericValue}). Any other value would behave exactly like
 * that one as far as any goal can see, and a write that only changes a value into one
 * no goal on that page tells apart from it is not tried.
 *
 * <p>madvise: in a segment of up to {@value #ALL_RANGES_UP_TO} pages, every range of it;
 * in a longer one, every single page and the whole segment; with huge pages, every
 * huge-page group of the heap too.
 */
final class CandidateMoves {
    /** Segments up to this many pages get every range tried with madvise. */
    static final int ALL_RANGES_UP_TO = 8;

    private final Level level;
    private final boolean reduced;
    private final MoveRules rules;
    private final List<String> values;
    private final Set<String> named;
    /** vpn → the values page goals name for it, then the generic one. */
    private final java.util.Map<Integer, List<String>> valuesAt;
    private final List<String> genericOnly;
    private final String generic;
    private final boolean segvKills;
    /** No actor has a move for this turn or any later one. */
    private final int actorsUntil;
    /** Pids a goal, the move rules or an actor names: never swapped for another. */
    private final Set<Integer> fixedPids;
    /**
     * Whether swapping two unnamed processes is a symmetry of the level. Not under the
     * OOM killer, nor with memory cgroup budgets (which have an OOM killer of their own):
     * its ties go to the process created last, which a swap would change.
     */
    private final boolean symmetric;

    CandidateMoves(Level level) {
        this(level, true);
    }

    /**
     * {@code reduced}: false tries every value goals name on every page and the moves of
     * every process, twins too (what a plain search without these reductions tries).
     */
    CandidateMoves(Level level, boolean reduced) {
        this.reduced = reduced;
        this.level = level;
        this.rules = level.moves();
        Set<String> named = new LinkedHashSet<>();
        java.util.Map<Integer, Set<String>> byVpn = new java.util.TreeMap<>();
        for (Goal goal : level.goals()) {
            if (goal instanceof Goal.Page page) {
                named.add(page.value());
                byVpn.computeIfAbsent(page.vpn(), v -> new LinkedHashSet<>()).add(page.value());
            }
        }
        this.named = java.util.Collections.unmodifiableSet(named);
        this.generic = genericValue(named);
        List<String> all = new ArrayList<>(named);
        all.add(generic);
        this.values = List.copyOf(all);
        this.genericOnly = List.of(generic);
        java.util.Map<Integer, List<String>> at = new java.util.HashMap<>();
        byVpn.forEach((vpn, values) -> {
            List<String> list = new ArrayList<>(values);
            list.add(generic);
            at.put(vpn, List.copyOf(list));
        });
        this.valuesAt = java.util.Collections.unmodifiableMap(at);
        this.segvKills = level.memory().segvKills();
        this.actorsUntil = actorsUntil(level);
        this.fixedPids = fixedPids(level);
        this.symmetric = reduced && level.memory().oom() != org.cowarena.kernel.OomPolicy.KILL
                && level.memory().budgets().isEmpty();
    }

    private static Set<Integer> fixedPids(Level level) {
        Set<Integer> pids = new java.util.TreeSet<>(level.moves().only());
        for (Goal goal : level.goals()) {
            if (goal instanceof Goal.Page g) {
                pids.add(g.pid());
            } else if (goal instanceof Goal.State g) {
                pids.add(g.pid());
            } else if (goal instanceof Goal.Shared g) {
                pids.add(g.pid());
                pids.add(g.with());
            }
        }
        for (var actor : level.actors()) {
            actor.script().forEach(m -> pids.add(m.pid()));
            actor.pick().forEach(m -> pids.add(m.pid()));
        }
        return java.util.Collections.unmodifiableSet(pids);
    }

    /** A value no goal names: {@code w}, or {@code w1}, {@code w2}... when a goal names it. */
    static String genericValue(Set<String> named) {
        String value = "w";
        for (int i = 1; named.contains(value); i++) {
            value = "w" + i;
        }
        return value;
    }

    /** The values goals name: the only ones the search tells apart. */
    Set<String> named() {
        return named;
    }

    /** The values goals name, then the generic one. */
    List<String> values() {
        return values;
    }

    /** The values a write to page {@code vpn} tries: those its goals name, then the generic one. */
    List<String> valuesAt(int vpn) {
        if (!reduced) {
            return values;
        }
        return valuesAt.getOrDefault(vpn, genericOnly);
    }

    /** The first turn from which the actors play nothing more (Integer.MAX_VALUE when they never stop). */
    int actorsUntil() {
        return actorsUntil;
    }

    private static int actorsUntil(Level level) {
        int until = 0;
        for (var actor : level.actors()) {
            if (!actor.pick().isEmpty() || (actor.loop() && !actor.script().isEmpty())) {
                return Integer.MAX_VALUE;
            }
            until = Math.max(until, actor.script().size());
        }
        return until;
    }

    /** The candidates in {@code game}, whose next move is turn {@code turn} (the number of moves so far). */
    List<Move> of(Game game, int turn) {
        return of(game, turn, null);
    }

    /**
     * The candidates, and in {@code weights} (when not null) how many move sequences each
     * stands for: a process's move counts once for it and once for each twin left out.
     */
    List<Move> of(Game game, int turn, IntList weights) {
        Kernel kernel = game.kernel();
        List<Move> moves = new ArrayList<>();
        if (turn < actorsUntil) {
            // Without actors a pass changes nothing; with them it lets the environment move.
            // First, so that among equal solutions the one that waits with pass is found first.
            moves.add(new Move.Pass());
        }
        List<ProcessInfo> twins = new ArrayList<>();
        List<List<PageInfo>> twinPages = new ArrayList<>();
        /** Per twin: where its moves start and end in {@code moves}, and how many processes it stands for. */
        IntList twinMoves = new IntList();
        IntList twinCount = new IntList();
        for (ProcessInfo p : kernel.processes()) {
            if (p.state() != TaskState.RUNNING) {
                continue;
            }
            int pid = p.pid();
            List<PageInfo> pages = kernel.pageTable(pid);
            if (symmetric && !fixedPids.contains(pid) && !p.inVfork()) {
                int twin = twinOf(p, pages, twins, twinPages);
                if (twin >= 0) {
                    twinCount.values[twin]++;
                    continue;
                }
                twins.add(p);
                twinPages.add(pages);
                twinMoves.add(moves.size());
                twinCount.add(1);
            }
            boolean vforkChild = p.inVfork();
            if (!vforkChild && rules.allows("fork")) {
                moves.add(new Move.Fork(pid));
            }
            if (!vforkChild && rules.allows("vfork")) {
                moves.add(new Move.VFork(pid));
            }
            if (rules.allows("exec")) {
                for (ProgramImage program : level.programs()) {
                    moves.add(new Move.Exec(pid, program.name()));
                }
            }
            if (rules.allows("write")) {
                writes(pid, pages, moves);
            }
            if (rules.allows("read")) {
                for (PageInfo page : pages) {
                    if (readDoesSomething(page)) {
                        moves.add(new Move.Read(pid, page.vpn()));
                    }
                }
            }
            if (rules.allows("exit")) {
                moves.add(new Move.Exit(pid));
            }
            if (!vforkChild && rules.allows("madvise")) {
                kernel.program(p.program()).ifPresent(image -> madvise(pid, image, kernel, moves));
            }
            if (twinMoves.size % 2 == 1) {
                twinMoves.add(moves.size()); // where this twin's moves end
            }
        }
        if (weights != null) {
            weights.size = 0;
            for (int i = 0; i < moves.size(); i++) {
                weights.add(1);
            }
            for (int t = 0; t < twinCount.size; t++) {
                for (int i = twinMoves.values[2 * t]; i < twinMoves.values[2 * t + 1]; i++) {
                    weights.values[i] = twinCount.values[t];
                }
            }
        }
        return moves;
    }

    /**
     * A read maps an untouched page (the zero page, or a shared-memory frame), faults a
     * reclaimed page back in, refreshes a page-cache frame's place in the reclaim order
     * (the page that was read is the last reclaim takes), or segfaults on an absent page
     * (only worth it when that kills). A read of a mapped anonymous or shared page does
     * nothing.
     */
    private boolean readDoesSomething(PageInfo page) {
        return switch (page.mapping()) {
            case UNMAPPED, GONE -> true;
            case ABSENT -> segvKills;
            case ZERO -> false;
            case FRAME -> page.kind() == org.cowarena.kernel.FrameKind.FILE;
        };
    }

    /**
     * The earlier process that is {@code p}'s twin (-1: none): same parent, owner, program, OOM
     * adjustment, mlock and state, and every page mapped to the same frame with the same flags.
     * Swapping the two pids then maps the state onto itself, and every move of {@code p}
     * onto the same move of its twin, to a state that differs only by that swap.
     */
    private static int twinOf(ProcessInfo p, List<PageInfo> pages, List<ProcessInfo> twins,
                              List<List<PageInfo>> twinPages) {
        for (int i = 0; i < twins.size(); i++) {
            ProcessInfo q = twins.get(i);
            if (q.ppid() == p.ppid() && q.owner().equals(p.owner()) && java.util.Objects.equals(q.program(), p.program())
                    && q.oomScoreAdj() == p.oomScoreAdj() && q.locked() == p.locked()
                    && twinPages.get(i).equals(pages)) {
                return i;
            }
        }
        return -1;
    }

    private void writes(int pid, List<PageInfo> pages, List<Move> moves) {
        for (PageInfo page : pages) {
            int vpn = page.vpn();
            if (page.segment() == Segment.TEXT || page.mapping() == PageInfo.Mapping.ABSENT) {
                // A segv: it changes nothing unless it kills the writer.
                if (segvKills) {
                    moves.add(new Move.Write(pid, vpn, generic));
                }
                continue;
            }
            boolean privatePage = page.mapping() == PageInfo.Mapping.FRAME && page.writable();
            List<String> tried = valuesAt(vpn);
            for (String value : tried) {
                if (privatePage && alike(value, page.value(), tried)) {
                    continue; // no fault, and no change a goal could see
                }
                moves.add(new Move.Write(pid, vpn, value));
            }
        }
    }

    /** Values no goal on the page can tell apart: equal, or both named by none ({@code tried}: the page's). */
    private static boolean alike(String a, String b, List<String> tried) {
        // The last value tried is the generic one, named by no goal.
        int named = tried.size() - 1;
        return a.equals(b) || (tried.indexOf(a) < 0 || tried.indexOf(a) == named)
                && (tried.indexOf(b) < 0 || tried.indexOf(b) == named);
    }

    private void madvise(int pid, ProgramImage image, Kernel kernel, List<Move> moves) {
        int hugePage = kernel.config().hugePage();
        for (Advice advice : Advice.values()) {
            Set<List<Integer>> ranges = new LinkedHashSet<>();
            for (Segment segment : Segment.values()) {
                if (!applies(advice, segment) || image.length(segment) == 0) {
                    continue;
                }
                int start = image.start(segment);
                int end = start + image.length(segment) - 1;
                ranges.add(List.of(start, end));
                if (segment == Segment.HEAP && hugePage > 1) {
                    for (int g = start; g + hugePage - 1 <= end; g += hugePage) {
                        ranges.add(List.of(g, g + hugePage - 1));
                    }
                }
                if (end - start < ALL_RANGES_UP_TO) {
                    for (int from = start; from <= end; from++) {
                        for (int to = from; to <= end; to++) {
                            ranges.add(List.of(from, to));
                        }
                    }
                } else {
                    for (int v = start; v <= end; v++) {
                        ranges.add(List.of(v, v));
                    }
                }
            }
            for (List<Integer> r : ranges) {
                moves.add(new Move.Madvise(pid, r.get(0), r.get(1), advice));
            }
        }
    }

    private static boolean applies(Advice advice, Segment segment) {
        return switch (advice) {
            case DONTFORK, DOFORK -> true;
            case WIPEONFORK, KEEPONFORK -> segment == Segment.HEAP || segment == Segment.STACK;
            case HUGEPAGE, NOHUGEPAGE -> segment == Segment.HEAP;
        };
    }
}
