package org.cowarena.solver;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.cowarena.game.Game;
import org.cowarena.kernel.Kernel;
import org.cowarena.kernel.PageInfo;
import org.cowarena.kernel.ProcessInfo;
import org.cowarena.kernel.TaskState;
import org.cowarena.level.Goal;
import org.cowarena.level.Level;

/**
 * A lower bound on the moves a state still needs to meet the goal, so the search can
 * drop states that cannot make it within the move limit. It counts only what each move
 * can do at most:
 * <ul>
 * <li>a fork or vfork creates one process: a pid a goal names that does not exist yet
 *     needs one each, and a goal asking for N running (or live) processes needs as many
 *     as are missing;</li>
 * <li>a write or read changes one page of one address space: each page of a live
 *     process that a goal wants to hold a value other than {@code 0} needs one, and all
 *     its {@code 0} pages together at least one (a huge page zero-maps several at
 *     once); a pid not forked yet gets its pages from its parent, so each value a goal
 *     wants of it that no live process holds at that page (and no goal above counts)
 *     needs a write somewhere first;</li>
 * <li>an exec can do several of these at once (it sets every data page, and starts a
 *     process running its program), so with exec allowed a process's pages count as one
 *     and the bound is the largest of the counts instead of forks plus writes; with vfork
 *     (a child writes its parent's pages) or shared memory (one write changes the page
 *     for every process attached) the pages count per process, not summed; text pages
 *     count nothing, since any move of a process fetches its code back in.</li>
 * </ul>
 * A pid a goal needs alive that has exited, was killed, or was skipped for good (pids
 * are never reused) can never meet the goal: the bound is then {@link #NEVER}. Levels
 * with actors get no bound: the environment's moves are free.
 */
final class MoveBound {
    static final int NEVER = Integer.MAX_VALUE;

    private final boolean off;
    private final boolean execAllowed;
    private final boolean vfork;
    /** pid → vpn → value its page goals want. */
    private final Map<Integer, Map<Integer, String>> pages = new TreeMap<>();
    /** Pids a goal needs alive. */
    private final Set<Integer> alive = new HashSet<>();
    private final List<Goal.Running> running = new ArrayList<>();
    private int liveAtLeast;

    MoveBound(Level level) {
        this.off = !level.actors().isEmpty();
        this.execAllowed = level.moves().allows("exec");
        // With vfork a child writes its parent's pages; with shared memory one write changes
        // the page for every process attached: either way one move can meet goals of several pids.
        this.vfork = level.moves().allows("vfork") || level.programs().stream().anyMatch(p -> p.shared() > 0);
        for (Goal goal : level.goals()) {
            if (goal instanceof Goal.Page g) {
                pages.computeIfAbsent(g.pid(), p -> new TreeMap<>()).put(g.vpn(), g.value());
                alive.add(g.pid());
            } else if (goal instanceof Goal.State g && g.states().stream().allMatch(TaskState::alive)) {
                alive.add(g.pid());
            } else if (goal instanceof Goal.Running g && (g.atLeast().isPresent() || g.exactly().isPresent())) {
                running.add(g);
            } else if (goal instanceof Goal.Processes g && g.atLeast().isPresent()) {
                liveAtLeast = Math.max(liveAtLeast, g.atLeast().getAsInt());
            }
        }
    }

    int of(Game game) {
        if (off) {
            return 0;
        }
        Kernel kernel = game.kernel();
        Map<Integer, ProcessInfo> processes = new TreeMap<>();
        int live = 0;
        Map<String, Integer> byProgram = new TreeMap<>();
        for (ProcessInfo p : kernel.processes()) {
            processes.put(p.pid(), p);
            if (p.state().alive()) {
                live++;
                if (p.program() != null) {
                    byProgram.merge(p.program(), 1, Integer::sum);
                }
            }
        }
        int missing = 0;
        for (int pid : alive) {
            ProcessInfo p = processes.get(pid);
            if (p != null ? !p.state().alive() : pid <= kernel.highestPid()) {
                return NEVER;
            }
            if (p == null) {
                missing++;
            }
        }
        int forks = Math.max(missing, liveAtLeast - live);
        for (Goal.Running g : running) {
            int want = g.exactly().isPresent() ? g.exactly().getAsInt() : g.atLeast().getAsInt();
            forks = Math.max(forks, want - byProgram.getOrDefault(g.program(), 0));
        }
        int writes = 0;
        Set<String> unmet = new HashSet<>();
        for (Map.Entry<Integer, Map<Integer, String>> e : pages.entrySet()) {
            int pid = e.getKey();
            if (!processes.containsKey(pid)) {
                continue;
            }
            int need = 0;
            boolean zero = false;
            for (Map.Entry<Integer, String> want : e.getValue().entrySet()) {
                Optional<PageInfo> page = kernel.page(pid, want.getKey());
                if (page.isPresent() && page.get().segment() == org.cowarena.kernel.Segment.TEXT) {
                    // Any move of the process may fetch its code back in: no move of its own.
                    continue;
                }
                boolean met = page.isPresent() && page.get().present() && want.getValue().equals(page.get().value());
                if (!met) {
                    if (want.getValue().equals("0")) {
                        zero = true;
                    } else {
                        need++;
                        unmet.add(want.getKey() + " " + want.getValue());
                    }
                }
            }
            need += zero ? 1 : 0;
            if (execAllowed) {
                // One exec can set several data pages at once.
                need = Math.min(need, 1);
            }
            writes = vfork || execAllowed ? Math.max(writes, need) : writes + need;
        }
        if (execAllowed) {
            return Math.max(forks, writes);
        }
        if (!vfork) {
            writes += valuesNobodyHolds(kernel, processes, unmet);
        }
        return forks + writes;
    }

    /**
     * The (page, value) pairs the goals want of pids not forked yet that no live process
     * holds and no unmet goal of a live process ({@code unmet}) already counts: a child
     * gets its pages from its parent, so each such value must first be written somewhere,
     * by one move of its own (without exec, nothing else makes a value other than 0).
     */
    private int valuesNobodyHolds(Kernel kernel, Map<Integer, ProcessInfo> processes, Set<String> unmet) {
        Set<String> counted = new HashSet<>(unmet);
        int writes = 0;
        for (Map.Entry<Integer, Map<Integer, String>> e : pages.entrySet()) {
            if (processes.containsKey(e.getKey())) {
                continue;
            }
            for (Map.Entry<Integer, String> want : e.getValue().entrySet()) {
                if (want.getValue().equals("0") || !counted.add(want.getKey() + " " + want.getValue())) {
                    continue;
                }
                if (!held(kernel, processes, want.getKey(), want.getValue())) {
                    writes++;
                }
            }
        }
        return writes;
    }

    /** Some live process holds {@code value} at {@code vpn}, or it is a text page (code is fetched back in). */
    private static boolean held(Kernel kernel, Map<Integer, ProcessInfo> processes, int vpn, String value) {
        for (ProcessInfo p : processes.values()) {
            if (!p.state().alive()) {
                continue;
            }
            Optional<PageInfo> page = kernel.page(p.pid(), vpn);
            if (page.isPresent() && (page.get().segment() == org.cowarena.kernel.Segment.TEXT
                    || page.get().present() && value.equals(page.get().value()))) {
                return true;
            }
        }
        return false;
    }
}
