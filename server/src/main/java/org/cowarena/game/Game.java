package org.cowarena.game;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cowarena.kernel.Kernel;
import org.cowarena.kernel.Outcome;
import org.cowarena.kernel.ProcessInfo;
import org.cowarena.kernel.Stats;
import org.cowarena.level.Actor;
import org.cowarena.level.Goal;
import org.cowarena.level.Level;
import org.cowarena.level.LevelBoot;
import org.cowarena.level.LevelException;
import org.cowarena.level.Metrics;
import org.cowarena.level.ProcessSpec;
import org.cowarena.move.Move;

/**
 * A level being played: the kernel plus the level's rules (allowed moves, the move
 * limit, seats) and its scoring. Every mode — headless {@code play}, solo, arena —
 * plays through this class, so the rules exist once.
 */
public final class Game {
    private final Level level;
    private final Kernel kernel;
    /** The pids there were when play started: {@code moves.only} extends to processes forked after. */
    private final Set<Integer> startPids;
    private int offered;
    private int moves;
    private int rejected;
    /**
     * Refusals the kernel counted for moves {@link #attempt} was asked to leave untouched:
     * {@link #stats} takes them back out, so the game reads as if they were never offered.
     */
    private int uncountedKernelRefusals;

    private Game(Level level, Kernel kernel, Set<Integer> startPids) {
        this.level = level;
        this.kernel = kernel;
        this.startPids = startPids;
    }

    /** An independent copy of the game so far: search and undo play on copies. */
    public Game copy() {
        Game copy = new Game(level, kernel.copy(), startPids);
        copy.offered = offered;
        copy.moves = moves;
        copy.rejected = rejected;
        copy.uncountedKernelRefusals = uncountedKernelRefusals;
        return copy;
    }

    /** Boots the level: its processes, their values and its setup. */
    public static Game start(Level level) throws LevelException {
        Kernel kernel = LevelBoot.boot(level);
        return new Game(level, kernel, Set.copyOf(kernel.pids()));
    }

    public Level level() {
        return level;
    }

    /** The board. Callers read it; moves go through {@link #play}. */
    public Kernel kernel() {
        return kernel;
    }

    /** A move made with no player named: solo and headless play. */
    public Turn play(Move move) {
        return play(Optional.empty(), move);
    }

    /**
     * A move made by {@code player}, who may only move processes they own. A refused
     * move changes nothing and counts in {@code rejected}.
     */
    public Turn play(Optional<String> player, Move move) {
        offered++;
        String problem = ruleProblem(player, move);
        Outcome outcome = problem != null ? Outcome.refused(problem) : kernel.apply(move);
        if (!outcome.ok()) {
            rejected++;
            return new Turn(offered, move, outcome);
        }
        return accepted(move, outcome);
    }

    /**
     * A move made by {@code player}, played only if it is accepted: a refused move leaves
     * the game exactly as it was, its counters included. Rooms and races play this way, in
     * place: their players' replicas replay the accepted moves only, and must reach the same
     * state and digest.
     */
    public Turn attempt(Optional<String> player, Move move) {
        String problem = ruleProblem(player, move);
        Outcome outcome = problem != null ? Outcome.refused(problem) : kernel.apply(move);
        if (!outcome.ok()) {
            if (problem == null) {
                uncountedKernelRefusals++; // the kernel counts every refusal it makes
            }
            return new Turn(offered + 1, move, outcome);
        }
        offered++;
        return accepted(move, outcome);
    }

    private Turn accepted(Move move, Outcome outcome) {
        int turn = moves++;
        List<ActorMove> answers = new ArrayList<>();
        for (Actor actor : level.actors()) {
            // The environment's moves bypass the level's rules; a refused one changes nothing.
            actor.moveFor(turn).ifPresent(m -> answers.add(new ActorMove(actor.name(), m, kernel.apply(m))));
        }
        return new Turn(offered, move, outcome, answers);
    }

    /** The kernel's counters, less the refusals of moves {@link #attempt} left untouched. */
    public Stats stats() {
        Stats s = kernel.stats();
        return new Stats(s.copies(), s.framesCopied(), s.reuses(), s.zeroFills(), s.zeroMaps(), s.oomKills(),
                s.segv(), s.kernelRefusals() - uncountedKernelRefusals, s.reclaims(), s.majorFaults(), s.cacheHits(),
                s.enomem());
    }

    private String ruleProblem(Optional<String> player, Move move) {
        if (!level.moves().allows(move.verb())) {
            List<String> allowed = new ArrayList<>(level.moves().allowed());
            if (!allowed.contains("pass")) {
                allowed.add("pass"); // allowed in every level, though a level's list may not name it
            }
            return "\"" + move.verb() + "\" is not allowed in this level (allowed: " + String.join(", ", allowed) + ")";
        }
        if (level.moves().limit().isPresent() && moves >= level.moves().limit().getAsInt()) {
            return "no moves left: this level allows " + level.moves().limit().getAsInt();
        }
        if (move.pid() != 0 && !level.moves().only().isEmpty() && !mayMove(move.pid())) {
            return "pid " + move.pid() + " is not yours to move in this level (yours: "
                    + level.moves().only().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ", and the processes they fork)";
        }
        if (player.isPresent() && move.pid() != 0) {
            Optional<ProcessInfo> p = kernel.process(move.pid());
            if (p.isPresent() && !p.get().owner().equals(player.get())) {
                return "process " + move.pid() + " belongs to " + p.get().owner();
            }
        }
        return null;
    }

    /** A pid {@code moves.only} names, or a process forked during play by one the player may move. */
    private boolean mayMove(int pid) {
        if (level.moves().only().contains(pid)) {
            return true;
        }
        if (startPids.contains(pid)) {
            return false;
        }
        return kernel.process(pid).map(p -> p.ppid() != 0 && mayMove(p.ppid())).orElse(false);
    }

    public int movesLeft() {
        return level.moves().limit().isPresent() ? Math.max(0, level.moves().limit().getAsInt() - moves)
                : Integer.MAX_VALUE;
    }

    public Metrics metrics() {
        Stats s = kernel.stats();
        int faults = s.zeroFills() + s.copies() + s.reuses() + s.zeroMaps() + s.majorFaults();
        return new Metrics(moves, s.copies(), s.framesCopied(), kernel.peak(), faults, rejected, s.reclaims(),
                s.majorFaults());
    }

    /**
     * The checklist and the stars: none while a goal fails; three when every metric is
     * at or under the level's best known result, one fewer for each metric past it,
     * never fewer than one for a met goal.
     */
    public Score score() {
        Metrics metrics = metrics();
        List<GoalCheck> checks = new ArrayList<>();
        boolean met = true;
        for (Goal goal : level.goals()) {
            boolean ok = goal.isMet(kernel, metrics);
            checks.add(new GoalCheck(goal, ok));
            met &= ok;
        }
        List<Overrun> overruns = new ArrayList<>();
        for (Map.Entry<String, Integer> star : level.stars().entrySet()) {
            int value = metrics.get(star.getKey());
            if (value > star.getValue()) {
                overruns.add(new Overrun(star.getKey(), value, star.getValue()));
            }
        }
        int stars = met ? Math.max(1, 3 - overruns.size()) : 0;
        return new Score(checks, met, stars, overruns);
    }

    /** The players: the level's seats (its {@code seats}, or every owner of a listed process but its actors). */
    public List<String> players() {
        return level.seats();
    }

    /**
     * The arena's standings. A goal naming a process is that process's owner's job
     * (the owner at the start, or for a process forked during play, its owner now); a
     * charge goal is its owner's. Players are ordered by jobs met, then by processes
     * still alive, then by fewer frames charged (the cgroup usage: sharing is cheap,
     * copies are not); equal standings share a rank.
     */
    public List<Standing> standings() {
        Metrics metrics = metrics();
        List<Standing> list = new ArrayList<>();
        for (String player : players()) {
            int jobs = 0;
            int met = 0;
            for (Goal goal : level.goals()) {
                if (player.equals(jobOwner(goal))) {
                    jobs++;
                    met += goal.isMet(kernel, metrics) ? 1 : 0;
                }
            }
            int alive = (int) kernel.processes().stream()
                    .filter(p -> p.owner().equals(player) && p.state().alive()).count();
            list.add(new Standing(player, jobs, met, alive, kernel.charged(player), 0));
        }
        Comparator<Standing> order = Comparator.comparingInt(Standing::jobsMet).reversed()
                .thenComparing(Comparator.comparingInt(Standing::alive).reversed())
                .thenComparingInt(Standing::charged);
        list.sort(order);
        List<Standing> ranked = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Standing s = list.get(i);
            int rank = i > 0 && order.compare(list.get(i - 1), s) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Standing(s.player(), s.jobs(), s.jobsMet(), s.alive(), s.charged(), rank));
        }
        return ranked;
    }

    private String jobOwner(Goal goal) {
        int pid;
        if (goal instanceof Goal.MaxCharge g) {
            return g.owner();
        } else if (goal instanceof Goal.Page g) {
            pid = g.pid();
        } else if (goal instanceof Goal.State g) {
            pid = g.pid();
        } else if (goal instanceof Goal.Shared g) {
            pid = g.pid();
        } else {
            return null;
        }
        for (ProcessSpec p : level.processes()) {
            if (p.pid() == pid) {
                return p.owner();
            }
        }
        return kernel.process(pid).map(ProcessInfo::owner).orElse(null);
    }
}
