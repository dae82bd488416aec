package org.cowarena.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cowarena.game.Turn;
import org.cowarena.kernel.Event;
import org.cowarena.kernel.FrameKind;
import org.cowarena.kernel.Kernel;
import org.cowarena.kernel.Outcome;
import org.cowarena.kernel.PageInfo;
import org.cowarena.kernel.ProcessInfo;
import org.cowarena.move.Move;

/**
 * Explains moves and events in plain sentences, one per event, reading the board as
 * it is after the move (who still shares a frame, what a frame holds).
 */
public final class Narrator {
    private final Kernel kernel;

    public Narrator(Kernel kernel) {
        this.kernel = kernel;
    }

    /** The sentences for a move just played, in event order. */
    public List<String> narrate(Turn turn) {
        List<String> lines = new ArrayList<>();
        Outcome outcome = turn.outcome();
        if (outcome instanceof Outcome.Refused refused) {
            lines.add("refused: " + refused.reason() + "; nothing changed");
            return lines;
        }
        if (outcome.events().isEmpty()) {
            lines.add(quiet(turn.move()));
            return lines;
        }
        for (Event e : outcome.events()) {
            sentence(e).ifPresent(lines::add);
        }
        return lines;
    }

    /** A move that caused no event: a private write, a read of a mapped page, a pass. */
    private String quiet(Move move) {
        if (move instanceof Move.Write w) {
            String frame = kernel.page(w.pid(), w.vpn()).filter(p -> p.mapping() == PageInfo.Mapping.FRAME)
                    .map(p -> "frame " + p.frame()).orElse("its frame");
            return "pid " + w.pid() + " wrote " + w.value() + " to vpn " + w.vpn() + " in " + frame
                    + ": the page was already private and writable, so no fault";
        }
        if (move instanceof Move.Read r) {
            return "pid " + r.pid() + " read vpn " + r.vpn() + ": the page was already mapped, no fault";
        }
        if (move instanceof Move.Pass) {
            return "pass: nothing happens";
        }
        return move.notation() + ": nothing happened";
    }

    public Optional<String> sentence(Event e) {
        if (e instanceof Event.Fork x) {
            int pages = kernel.process(x.child()).map(ProcessInfo::rss).orElse(0);
            return Optional.of("pid " + x.pid() + " forked pid " + x.child() + ": the child shares all " + pages
                    + " mapped " + plural(pages, "page") + " copy-on-write; no frame was copied");
        }
        if (e instanceof Event.VFork x) {
            return Optional.of("pid " + x.pid() + " vforked pid " + x.child() + ": the child borrows pid " + x.pid()
                    + "'s address space, and pid " + x.pid() + " is blocked until the child execs or exits");
        }
        if (e instanceof Event.Exec x) {
            return Optional.of("pid " + x.pid() + " execed " + x.program() + ": its old pages were dropped and "
                    + x.program() + "'s text and data were mapped from the page cache");
        }
        if (e instanceof Event.Exit x) {
            return Optional.of("pid " + x.pid() + " exited");
        }
        if (e instanceof Event.Unblock x) {
            return Optional.of("pid " + x.pid() + " runs again: its vfork child pid " + x.child()
                    + " no longer borrows its memory");
        }
        if (e instanceof Event.ZeroMap x) {
            return Optional.of("pid " + x.pid() + " read vpn " + x.vpn() + ", never written: the kernel mapped the"
                    + " shared zero page, no frame used");
        }
        if (e instanceof Event.ZeroFill x) {
            return Optional.of("pid " + x.pid() + " wrote vpn " + x.vpn() + " for the first time: the kernel"
                    + " zero-filled frame " + x.frame() + " for it");
        }
        if (e instanceof Event.HugeZeroFill x) {
            return Optional.of("pid " + x.pid() + " wrote vpn " + x.vpn() + " for the first time: the kernel"
                    + " zero-filled a huge page of " + x.frames().size() + " frames (" + frames(x.frames())
                    + ") for vpn " + x.firstVpn() + "-" + (x.firstVpn() + x.frames().size() - 1));
        }
        if (e instanceof Event.CowCopy x) {
            if (x.fromKind() == FrameKind.FILE) {
                return Optional.of("pid " + x.pid() + " wrote vpn " + x.vpn() + ", a private file page: copied frame "
                        + x.from() + " into frame " + x.to() + " so the file itself never changes");
            }
            return Optional.of("pid " + x.pid() + " wrote vpn " + x.vpn() + ", shared with " + sharers(x.from(),
                    x.pid()) + ": copied frame " + x.from() + " into frame " + x.to());
        }
        if (e instanceof Event.HugeCowCopy x) {
            return Optional.of("pid " + x.pid() + " wrote vpn " + x.vpn() + " in a shared huge page: copied all "
                    + x.from().size() + " frames (" + frames(x.from()) + ") into " + frames(x.to()));
        }
        if (e instanceof Event.CowReuse x) {
            return Optional.of("pid " + x.pid() + " wrote vpn " + x.vpn() + ": no one else maps frame " + x.frame()
                    + " any more, so the kernel made it writable in place, no copy");
        }
        if (e instanceof Event.HugeCowReuse x) {
            return Optional.of("pid " + x.pid() + " wrote vpn " + x.vpn() + ": no one else maps its huge page ("
                    + frames(x.frames()) + "), so it became writable in place, no copy");
        }
        if (e instanceof Event.Split x) {
            return Optional.of("pid " + x.pid() + "'s huge page at vpn " + x.firstVpn() + "-"
                    + (x.firstVpn() + x.pages() - 1) + " was split into " + x.pages() + " small pages");
        }
        if (e instanceof Event.Segv x) {
            String what = x.cause().equals("text") ? "a read-only text page" : "a page its parent kept from it"
                    + " with MADV_DONTFORK";
            return Optional.of("pid " + x.pid() + " touched vpn " + x.vpn() + ", " + what + ": segmentation fault, "
                    + (x.killed() ? "the process was killed" : "the access did not happen"));
        }
        if (e instanceof Event.OomKill x) {
            String why = x.scope().equals("cgroup") ? x.owner() + "'s memory budget was full"
                    : "memory was full";
            return Optional.of(why + ": the OOM killer killed pid " + x.pid() + " (badness " + x.badness()
                    + ") to let pid " + x.trigger() + "'s fault go on");
        }
        if (e instanceof Event.Alloc x) {
            // Anonymous allocations are told by the fault that made them.
            if (x.kind() == FrameKind.FILE) {
                FrameKind kind = x.kind();
                return Optional.of("frame " + x.frame() + " now holds a " + kind.label() + " page ("
                        + Optional.ofNullable(kernel.frame(x.frame()).value()).orElse("?") + ") in the page cache");
            }
            return Optional.empty();
        }
        if (e instanceof Event.Free x) {
            return Optional.of("frame " + x.frame() + " is free again: nothing maps it");
        }
        if (e instanceof Event.Madvise x) {
            return Optional.of("pid " + x.pid() + " marked vpn " + x.from() + (x.to() != x.from() ? "-" + x.to() : "")
                    + " " + x.advice().notation());
        }
        throw new IllegalArgumentException("no sentence for event " + e);
    }

    /** "pid 1" or "pids 1 and 3": the other live processes still mapping a frame. */
    private String sharers(int frame, int except) {
        Set<Integer> pids = new LinkedHashSet<>();
        for (ProcessInfo p : kernel.processes()) {
            if (p.pid() == except || !p.state().alive()) {
                continue;
            }
            for (PageInfo page : kernel.pageTable(p.pid())) {
                if (page.mapping() == PageInfo.Mapping.FRAME && page.frame() == frame) {
                    pids.add(p.pid());
                }
            }
        }
        if (pids.isEmpty()) {
            return "no one now";
        }
        List<String> names = pids.stream().map(String::valueOf).collect(Collectors.toList());
        if (names.size() == 1) {
            return "pid " + names.get(0);
        }
        return "pids " + String.join(", ", names.subList(0, names.size() - 1)) + " and "
                + names.get(names.size() - 1);
    }

    private static String frames(List<Integer> frames) {
        return frames.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String plural(int n, String word) {
        return n == 1 ? word : word + "s";
    }
}
