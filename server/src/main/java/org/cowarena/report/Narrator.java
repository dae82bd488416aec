package org.cowarena.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cowarena.game.ActorMove;
import org.cowarena.game.Game;
import org.cowarena.game.Turn;
import org.cowarena.kernel.Event;
import org.cowarena.kernel.FrameKind;
import org.cowarena.kernel.Kernel;
import org.cowarena.kernel.Outcome;
import org.cowarena.kernel.Overcommit;
import org.cowarena.kernel.PageInfo;
import org.cowarena.kernel.ProcessInfo;
import org.cowarena.kernel.ProgramImage;
import org.cowarena.kernel.TaskState;
import org.cowarena.level.Goal;
import org.cowarena.move.Move;

/**
 * Explains moves and events in plain sentences, one per event, in English or Chinese,
 * reading the board as it is after the move (who still shares a frame, what a frame
 * holds). The first time an event type happens, the level's note on it follows.
 */
public final class Narrator {
    /** Languages with a translation; others read English. */
    public static final List<String> LANGUAGES = List.of("en", "zh");

    private final Game game;
    private final String language;
    private final Phrasebook text;
    private final Set<String> explained = new HashSet<>();

    public Narrator(Game game, String language) {
        this.game = game;
        this.text = Phrasebook.load("org.cowarena.report.narration", language);
        this.language = text.language();
    }

    public String language() {
        return language;
    }

    /** A sentence from the narration bundle (see {@link Phrasebook#say}). */
    public String say(String key, Object... args) {
        return text.say(key, args);
    }

    /** The sentences for a move just played, then its actors' moves, in event order. */
    public List<String> narrate(Turn turn) {
        List<String> lines = new ArrayList<>();
        tell(turn.move(), turn.outcome(), lines, "");
        for (ActorMove a : turn.actors()) {
            lines.add(say("actor", a.actor(), a.move().notation()));
            tell(a.move(), a.outcome(), lines, "  ");
        }
        return lines;
    }

    private void tell(Move move, Outcome outcome, List<String> lines, String indent) {
        if (outcome instanceof Outcome.Refused refused) {
            lines.add(indent + say("refused", refused.reason()));
            return;
        }
        if (outcome.events().isEmpty()) {
            lines.add(indent + quiet(move));
            return;
        }
        for (Event e : outcome.events()) {
            sentence(e, outcome.events()).ifPresent(s -> lines.add(indent + s));
            String key = game.level().explainKey(e);
            if (explained.add(key)) {
                depth(e, key).ifPresent(n -> lines.add(indent + say("note", n.strip())));
            }
        }
    }

    /** A move that caused no event: a private write, a read of a mapped page, a pass. */
    private String quiet(Move move) {
        if (move instanceof Move.Write w) {
            String frame = kernel().page(w.pid(), w.vpn()).filter(p -> p.mapping() == PageInfo.Mapping.FRAME)
                    .map(p -> String.valueOf(p.frame())).orElse("?");
            return say("quiet.write", w.pid(), w.value(), w.vpn(), frame);
        }
        if (move instanceof Move.Read r) {
            return say("quiet.read", r.pid(), r.vpn());
        }
        if (move instanceof Move.Pass) {
            return say("quiet.pass");
        }
        return say("quiet.other", move.notation());
    }

    private Kernel kernel() {
        return game.kernel();
    }

    /** The sentence for {@code e}, one of the events of a move ({@code move}), which some sentences read. */
    public Optional<String> sentence(Event e, List<Event> move) {
        if (e instanceof Event.Fork x) {
            int pages = kernel().process(x.child()).map(ProcessInfo::rss).orElse(0);
            return Optional.of(say("fork", x.pid(), x.child(), pages));
        }
        if (e instanceof Event.VFork x) {
            return Optional.of(say("vfork", x.pid(), x.child()));
        }
        if (e instanceof Event.Exec x) {
            return Optional.of(exec(x, move));
        }
        if (e instanceof Event.Exit x) {
            return Optional.of(say("exit", x.pid()));
        }
        if (e instanceof Event.Unblock x) {
            return Optional.of(say("unblock", x.pid(), x.child()));
        }
        if (e instanceof Event.ZeroMap x) {
            return Optional.of(say("zero-map", x.pid(), x.vpn()));
        }
        if (e instanceof Event.ZeroFill x) {
            return Optional.of(say("zero-fill", x.pid(), x.vpn(), x.frame()));
        }
        if (e instanceof Event.HugeZeroFill x) {
            return Optional.of(say("zero-fill.huge", x.pid(), x.vpn(), x.frames().size(), frames(x.frames()),
                    x.firstVpn(), x.firstVpn() + x.frames().size() - 1));
        }
        if (e instanceof Event.CowCopy x) {
            if (x.fromKind() == FrameKind.FILE) {
                return Optional.of(say("cow-copy.file", x.pid(), x.vpn(), x.from(), x.to()));
            }
            return Optional.of(say("cow-copy", x.pid(), x.vpn(), sharers(x.from(), x.pid(), x.refs() - 1), x.from(),
                    x.to()));
        }
        if (e instanceof Event.HugeCowCopy x) {
            return Optional.of(say("cow-copy.huge", x.pid(), x.vpn(), x.from().size(), frames(x.from()),
                    frames(x.to())));
        }
        if (e instanceof Event.CowReuse x) {
            return Optional.of(say("cow-reuse", x.pid(), x.vpn(), x.frame()));
        }
        if (e instanceof Event.HugeCowReuse x) {
            return Optional.of(say("cow-reuse.huge", x.pid(), x.vpn(), frames(x.frames())));
        }
        if (e instanceof Event.Split x) {
            return Optional.of(say("thp-split", x.pid(), x.firstVpn(), x.firstVpn() + x.pages() - 1, x.pages()));
        }
        if (e instanceof Event.Segv x) {
            return Optional.of(say("segv." + x.cause(), x.pid(), x.vpn(),
                    say(x.killed() ? "segv.killed" : "segv.ignored")));
        }
        if (e instanceof Event.OomKill x) {
            // The faulting process may be the victim itself: then its move ends, nothing goes on.
            String key = "oom-kill." + x.scope() + (x.pid() == x.trigger() ? ".self" : "");
            String sentence = say(key, x.pid(), x.badness(), x.trigger(), x.owner());
            return Optional.of(x.companions().isEmpty() ? sentence
                    : sentence + "; " + say("oom-kill.companions", pidList(x.companions())));
        }
        if (e instanceof Event.Alloc x) {
            // Anonymous allocations are told by the fault that made them.
            if (x.kind() == FrameKind.FILE) {
                // The value loaded, from the event: the frame may be gone or reused by the end of the move.
                return Optional.of(say("alloc.file", x.frame(), x.value()));
            }
            return Optional.empty();
        }
        if (e instanceof Event.Free x) {
            return Optional.of(say("free", x.frame()));
        }
        if (e instanceof Event.Madvise x) {
            String range = x.from() + (x.to() != x.from() ? "-" + x.to() : "");
            return Optional.of(say("madvise", x.pid(), range, x.advice().notation()));
        }
        return pressureSentence(e);
    }

    /** Sentences for the page cache, reclaim, shared memory and commit accounting. */
    private Optional<String> pressureSentence(Event e) {
        if (e instanceof Event.Cached x) {
            return Optional.of(say("cached", x.frame()));
        }
        if (e instanceof Event.Reclaim x) {
            if (x.scope().equals("cgroup")) {
                String owner = kernel().frame(x.frame()).chargedTo();
                return Optional.of(say("reclaim.cgroup", x.frame(), x.program(), x.page(), x.pids().isEmpty() ? 0 : 1,
                        owner == null ? "?" : owner));
            }
            return Optional.of(x.pids().isEmpty() ? say("reclaim.cached", x.frame(), x.program(), x.page())
                    : say("reclaim.mapped", x.frame(), x.program(), x.page(), pidList(x.pids())));
        }
        if (e instanceof Event.MajorFault x) {
            return Optional.of(say("major-fault", x.pid(), x.vpn(), x.frame()));
        }
        if (e instanceof Event.CacheHit x) {
            return Optional.of(say("cache-hit", x.pid(), x.vpn(), x.frame()));
        }
        if (e instanceof Event.ShmFill x) {
            return Optional.of(say("shm-fill", x.pid(), x.vpn(), x.frame()));
        }
        if (e instanceof Event.ShmMap x) {
            return Optional.of(say("shm-map", x.pid(), x.vpn(), x.frame()));
        }
        if (e instanceof Event.SharedWrite x) {
            return Optional.of(say("shared-write", x.pid(), x.vpn(), x.frame(), x.value()));
        }
        if (e instanceof Event.Enomem x) {
            return Optional.of(x.mode() == Overcommit.NEVER
                    ? say("enomem.never", x.pid(), x.call(), x.need(), x.committed(), x.limit())
                    : say("enomem.heuristic", x.pid(), x.call(), x.need(), kernel().totalFrames()));
        }
        if (e instanceof Event.HugeZeroMap x) {
            return Optional.of(say("zero-map.huge", x.pid(), x.vpn(), x.firstVpn(), x.firstVpn() + x.pages() - 1));
        }
        throw new IllegalArgumentException("no sentence for event " + e);
    }

    /** "pid 1" or "pids 1 and 2". */
    private String pidList(List<Integer> pids) {
        List<String> names = pids.stream().map(String::valueOf).collect(Collectors.toList());
        if (names.size() == 1) {
            return say("sharers.one", names.get(0));
        }
        return say("sharers.many", String.join(", ", names.subList(0, names.size() - 1)),
                names.get(names.size() - 1));
    }

    /**
     * The "in depth" note for the first event of its kind: the level's own, or for the kernel's
     * memory-pressure events the game's (reclaim, a major fault, a shared-memory fault, ENOMEM,
     * a frame kept cached), so they are explained even in a level that says nothing of them.
     */
    private Optional<String> depth(Event e, String key) {
        Optional<String> own = game.level().explain(key, language);
        if (own.isPresent()) {
            return own;
        }
        String type = e instanceof Event.ShmMap ? "shm-fill" : e.type();
        if (!type.equals(key) && !explained.add(type)) {
            return Optional.empty(); // a shared-memory fault is explained once, filled or mapped
        }
        return switch (type) {
            case "cached", "reclaim", "major-fault", "shm-fill", "enomem" -> Optional.of(say("depth." + type));
            default -> Optional.empty();
        };
    }

    /**
     * What an exec mapped, and whether it had to load it: the page-cache frames it allocated
     * are the alloc events after it in the same move (an exec is the only move that loads).
     */
    private String exec(Event.Exec x, List<Event> move) {
        ProgramImage image = kernel().program(x.program()).orElseThrow();
        int pages = image.fileSize();
        if (pages == 0) {
            return say("exec.empty", x.pid(), x.program());
        }
        int loaded = 0;
        boolean cut = false;
        for (Event e : move.subList(move.indexOf(x) + 1, move.size())) {
            if (e instanceof Event.Alloc a && a.kind() == FrameKind.FILE) {
                loaded++;
            } else if (e instanceof Event.OomKill k && k.pid() == x.pid()) {
                cut = true; // killed while loading: the rest was never looked up
            }
        }
        String what = say(image.data().isEmpty() ? "exec.what.text"
                : image.text().isEmpty() ? "exec.what.data" : "exec.what.both");
        if (cut) {
            return say("exec.cut", x.pid(), x.program(), what, loaded, pages);
        }
        if (loaded == 0) {
            return say("exec.cached", x.pid(), x.program(), what);
        }
        if (loaded == pages) {
            return say("exec.loaded", x.pid(), x.program(), what, loaded);
        }
        return say("exec.partly", x.pid(), x.program(), what, loaded, pages - loaded, pages);
    }

    /** A goal in the checklist, in this narrator's language. */
    public String describe(Goal goal) {
        if (goal instanceof Goal.Running g) {
            return g.exactly().isPresent() ? say("goal.running.exactly", g.exactly().getAsInt(), g.program())
                    : say("goal.running.atLeast", g.atLeast().orElse(1), g.program());
        }
        if (goal instanceof Goal.Page g) {
            return say("goal.page", g.pid(), g.vpn(), g.value());
        }
        if (goal instanceof Goal.MaxPeakFrames g) {
            return say("goal.maxPeakFrames", g.max());
        }
        if (goal instanceof Goal.Processes g) {
            if (g.atLeast().isPresent() && g.atMost().isPresent()) {
                return say("goal.processes.between", g.atLeast().getAsInt(), g.atMost().getAsInt());
            }
            return g.atLeast().isPresent() ? say("goal.processes.atLeast", g.atLeast().getAsInt())
                    : say("goal.processes.atMost", g.atMost().orElse(0));
        }
        if (goal instanceof Goal.MaxCopies g) {
            return say("goal.maxCopies", g.max());
        }
        if (goal instanceof Goal.MaxFramesCopied g) {
            return say("goal.maxFramesCopied", g.max());
        }
        if (goal instanceof Goal.NoOomKill) {
            return say("goal.noOomKill");
        }
        if (goal instanceof Goal.State g) {
            String key = g.states().contains(TaskState.RUNNING) ? "goal.alive"
                    : g.states().contains(TaskState.EXITED) ? "goal.exited" : "goal.killed";
            return say(key, g.pid());
        }
        if (goal instanceof Goal.Shared g) {
            return say("goal.shared", g.pid(), g.with(), g.atLeast());
        }
        if (goal instanceof Goal.MaxCharge g) {
            return say("goal.maxCharge", g.owner(), g.atMost());
        }
        throw new IllegalArgumentException("no description for goal " + goal);
    }

    /**
     * "pid 1" or "pids 1, 2 and 3": the other live processes still mapping a frame. The board
     * is read after the whole turn, so when an actor's move changed who maps the frame, the
     * names no longer match the {@code others} the event counted, and the count is told instead.
     */
    private String sharers(int frame, int except, int others) {
        Set<Integer> pids = new LinkedHashSet<>();
        for (ProcessInfo p : kernel().processes()) {
            if (p.pid() == except || !p.state().alive()) {
                continue;
            }
            for (PageInfo page : kernel().pageTable(p.pid())) {
                if (page.mapping() == PageInfo.Mapping.FRAME && page.frame() == frame) {
                    pids.add(p.pid());
                }
            }
        }
        List<String> names = pids.stream().map(String::valueOf).collect(Collectors.toList());
        if (names.size() != others) {
            return say("sharers.count", others);
        }
        if (names.isEmpty()) {
            return say("sharers.none");
        }
        if (names.size() == 1) {
            return say("sharers.one", names.get(0));
        }
        return say("sharers.many", String.join(", ", names.subList(0, names.size() - 1)),
                names.get(names.size() - 1));
    }

    private static String frames(List<Integer> frames) {
        return frames.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
