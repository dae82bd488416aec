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
import org.cowarena.kernel.FrameInfo;
import org.cowarena.kernel.FrameKind;
import org.cowarena.kernel.Kernel;
import org.cowarena.kernel.Outcome;
import org.cowarena.kernel.Overcommit;
import org.cowarena.kernel.PageInfo;
import org.cowarena.kernel.ProcessInfo;
import org.cowarena.kernel.ProgramImage;
import org.cowarena.kernel.Segment;
import org.cowarena.kernel.TaskState;
import org.cowarena.kernel.ThpCow;
import org.cowarena.level.ExplainNote;
import org.cowarena.level.Goal;
import org.cowarena.move.Move;

/**
 * Explains moves and events in plain sentences, one per event, in English or Chinese,
 * reading the board as it is after the move (who still shares a frame, what a frame
 * holds). A level's {@code explain} note follows the first event it is about: the first of
 * its type, or the first that meets the note's condition (a pid, vpn, segment, move or advice).
 */
public final class Narrator {
    /** Languages with a translation; others read English. */
    public static final List<String> LANGUAGES = List.of("en", "zh");

    private final Game game;
    private final String language;
    private final Phrasebook text;
    /** The level's notes told so far: each is told once, with the first event that meets its condition. */
    /** The memory-pressure events already explained in depth by the game's own note. */
    private final Set<String> deepened = new HashSet<>();
    private final Set<ExplainNote> explained = new HashSet<>();

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
            sentence(e, move, outcome.events()).ifPresent(s -> lines.add(indent + s));
            Optional<String> note = game.level().note(e, move, kernel()).filter(explained::add)
                    .flatMap(n -> n.text(language));
            note.or(() -> depth(e)).ifPresent(n -> lines.add(indent + say("note", n.strip())));
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

    /**
     * The sentence for {@code e}, one of the events ({@code move}) that the move {@code played}
     * caused; some sentences read the other events, the move, or the board after it.
     */
    public Optional<String> sentence(Event e, Move played, List<Event> move) {
        if (e instanceof Event.Fork x) {
            return Optional.of(fork(x));
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
            return Optional.of(split(x, played, move));
        }
        if (e instanceof Event.Segv x) {
            return Optional.of(say("segv." + x.cause(), x.pid(), x.vpn(),
                    say(x.killed() ? "segv.killed" : "segv.ignored")));
        }
        if (e instanceof Event.OomKill x) {
            // Reclaim runs before the OOM killer and found nothing to drop: the sentences say so.
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
            // Anonymous or shared memory: a page-cache frame whose last mapping goes stays cached
            // (Event.Cached) instead.
            return Optional.of(say("free", x.frame()));
        }
        if (e instanceof Event.Madvise x) {
            return Optional.of(say("madvise", x.pid(), range(x.from(), x.to()), x.advice().notation()));
        }
        return pressureSentence(e, played);
    }

    /** Sentences for the page cache, reclaim, shared memory and commit accounting. */
    private Optional<String> pressureSentence(Event e, Move move) {
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
            boolean touched = move instanceof Move.Write w ? w.vpn() == x.vpn()
                    : move instanceof Move.Read r && r.vpn() == x.vpn();
            // vpn 0 read back before a move that is not about it: the move's own code fetch.
            return Optional.of(x.vpn() == 0 && !touched ? say("major-fault.fetch", x.pid(), x.frame())
                    : say("major-fault", x.pid(), x.vpn(), x.frame()));
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
     * The game's own "in depth" note for the first event of its kind among the kernel's
     * memory-pressure events (a frame kept cached, reclaim, a major fault, a shared-memory
     * fault, ENOMEM), for a level that has no note of its own on it, so they are explained
     * even where a level says nothing of them; told once a game.
     */
    private Optional<String> depth(Event e) {
        String key = game.level().explainKey(e);
        if (game.level().explain(key, language).isPresent()) {
            return Optional.empty();
        }
        String type = e instanceof Event.ShmMap ? "shm-fill" : e.type();
        return switch (type) {
            case "cached", "reclaim", "major-fault", "shm-fill", "enomem" ->
                    deepened.add(type) ? Optional.of(say("depth." + type)) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /**
     * What an exec mapped, and whether it had to load it: the page-cache frames it allocated
     * are the alloc events after it in the same move (an exec is the only move that loads).
     * A vfork child's exec releases its parent (the unblock event of the same move): it had
     * only borrowed the parent's address space, which the parent keeps, pages and all.
     */
    private String exec(Event.Exec x, List<Event> move) {
        ProgramImage image = kernel().program(x.program()).orElseThrow();
        int pages = image.fileSize();
        int loaded = 0;
        boolean cut = false;
        String old = say("exec.old");
        for (Event e : move.subList(move.indexOf(x) + 1, move.size())) {
            if (e instanceof Event.Alloc a && a.kind() == FrameKind.FILE) {
                loaded++;
            } else if (e instanceof Event.OomKill k && k.pid() == x.pid()) {
                cut = true; // killed while loading: the rest was never looked up
            } else if (e instanceof Event.Unblock u && u.child() == x.pid()) {
                old = say("exec.old.vfork", u.pid());
            }
        }
        String what = say(image.data().isEmpty() ? "exec.what.text"
                : image.text().isEmpty() ? "exec.what.data" : "exec.what.both");
        String key = pages == 0 ? "exec.empty" : cut ? "exec.cut" : loaded == 0 ? "exec.cached"
                : loaded == pages ? "exec.loaded" : "exec.partly";
        return say(key, x.pid(), x.program(), what, loaded, pages - loaded, pages, old);
    }

    /**
     * A fork, counted from the child's page table: text pages are shared read-only (a write
     * to text is a segv, so they are never copied), private pages copy-on-write, zero-page
     * mappings copied as they are, MAP_SHARED pages shared writable; pages that madvise kept
     * out of the child or wiped in it, and pages reclaim dropped, are told too.
     */
    private String fork(Event.Fork x) {
        int text = 0;
        int cow = 0;
        int zero = 0;
        int shared = 0;
        int absent = 0;
        int wiped = 0;
        int notPresent = 0;
        for (PageInfo page : kernel().pageTable(x.child())) {
            switch (page.mapping()) {
                case FRAME -> {
                    if (page.segment() == Segment.TEXT) {
                        text++;
                    } else if (page.cow()) {
                        cow++;
                    } else if (page.writable()) {
                        shared++;
                    }
                }
                case ZERO -> zero++;
                case ABSENT -> absent++;
                case UNMAPPED -> wiped += page.wipeonfork() ? 1 : 0;
                // a page reclaim dropped: the child gets the entry as it is, not present
                default -> notPresent++;
            }
        }
        List<String> parts = new ArrayList<>();
        addPart(parts, "fork.text", text);
        addPart(parts, "fork.cow", cow);
        addPart(parts, "fork.zero", zero);
        addPart(parts, "fork.shared", shared);
        addPart(parts, "fork.dontfork", absent);
        addPart(parts, "fork.wiped", wiped);
        addPart(parts, "fork.gone", notPresent);
        String what = parts.isEmpty() ? say("fork.nothing") : String.join(say("fork.and"), parts);
        return say("fork", x.pid(), x.child(), what);
    }

    private void addPart(List<String> parts, String key, int count) {
        if (count > 0) {
            parts.add(say(key, count));
        }
    }

    /**
     * Why a huge page was split, read from the move that split it: an madvise range whose
     * edge cuts through it (split_vma), or a write to a shared huge page, which since Linux
     * 5.8 splits it and copies one small page; under the older copy-huge policy a split means
     * too few frames were free to copy it whole. A write whose split is followed by a
     * zero-fill met the huge zero page.
     */
    private String split(Event.Split x, Move played, List<Event> move) {
        int last = x.firstVpn() + x.pages() - 1;
        if (played instanceof Move.Madvise m) {
            return say("thp-split.madvise", x.pid(), x.firstVpn(), last, x.pages(), range(m.from(), m.to()),
                    m.advice().notation());
        }
        boolean zeroFill = move.subList(move.indexOf(x) + 1, move.size()).stream()
                .anyMatch(e -> e instanceof Event.ZeroFill z && z.pid() == x.pid());
        String key = zeroFill ? "thp-split.zero"
                : kernel().config().thpCow() == ThpCow.COPY_HUGE ? "thp-split.fallback" : "thp-split.write";
        return say(key, x.pid(), x.firstVpn(), last, x.pages());
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
        return pids.size() != others ? say("sharers.count", others) : pidList(pids);
    }

    /**
     * "no one now", "pid 1" or "pids 1, 2 and 3", in the narrator's language: the processes an
     * event names (who still shares a frame, whom reclaim unmapped a frame from).
     */
    String pidList(java.util.Collection<Integer> pids) {
        List<String> names = pids.stream().map(String::valueOf).collect(Collectors.toList());
        if (names.isEmpty()) {
            return say("sharers.none");
        }
        if (names.size() == 1) {
            return say("sharers.one", names.get(0));
        }
        return say("sharers.many", String.join(", ", names.subList(0, names.size() - 1)),
                names.get(names.size() - 1));
    }

    /** A vpn range as the move notation writes it: "4" or "4-7". */
    private static String range(int from, int to) {
        return from + (to != from ? "-" + to : "");
    }

    private static String frames(List<Integer> frames) {
        return frames.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
