package org.cowarena.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.cowarena.move.Move;

/**
 * Random games on random small machines: the invariants hold after every move, a refused
 * move changes nothing, the kernel is deterministic, and a copy evolves independently of
 * its original. The invariant property runs on a fresh seed every time (jqwik prints it on
 * a failure, so the run can be repeated) and on fixed seeds as regression examples; its
 * statistics show the generators reach the rare paths (reclaim, major faults, OOM kills,
 * ENOMEM, shared memory, huge pages).
 */
class KernelPropertiesTest {
    /** Rare paths the generators must reach, by event type. */
    private static final List<String> RARE = List.of("reclaim", "major-fault", "cache-hit", "oom-kill", "enomem",
            "shm-fill", "shm-map", "shared-write", "thp-split", "huge-zero-fill", "huge-zero-map", "cached");

    @Provide
    Arbitrary<RandomPlay.Game> games() {
        return RandomPlay.games(80);
    }

    @Property(edgeCases = EdgeCasesMode.NONE, tries = 1500)
    void invariantsHoldAfterEveryMoveAndARefusedMoveChangesNothing(@ForAll("games") RandomPlay.Game game) {
        Set<String> reached = play(game);
        for (String kind : RARE) {
            Statistics.label(kind).collect(reached.contains(kind));
        }
        Statistics.label("mlock").collect(game.starts().stream().anyMatch(RandomPlay.Start::mlock));
        Statistics.label("reclaim").coverage(c -> c.check(true).percentage(p -> p >= 5));
        Statistics.label("major-fault").coverage(c -> c.check(true).percentage(p -> p >= 2));
        Statistics.label("oom-kill").coverage(c -> c.check(true).percentage(p -> p >= 2));
        Statistics.label("enomem").coverage(c -> c.check(true).percentage(p -> p >= 2));
        Statistics.label("shm-fill").coverage(c -> c.check(true).percentage(p -> p >= 5));
        Statistics.label("shared-write").coverage(c -> c.check(true).percentage(p -> p >= 2));
        Statistics.label("huge-zero-fill").coverage(c -> c.check(true).percentage(p -> p >= 2));
        Statistics.label("huge-zero-map").coverage(c -> c.check(true).percentage(p -> p >= 1));
        Statistics.label("mlock").coverage(c -> c.check(true).percentage(p -> p >= 10));
    }

    @Property(edgeCases = EdgeCasesMode.NONE, tries = 500, seed = "7351902265")
    void invariantsHoldOnAFixedSeed(@ForAll("games") RandomPlay.Game game) {
        play(game);
    }

    /** Plays a game, checking every step; returns the event types it saw. */
    private static Set<String> play(RandomPlay.Game game) {
        Set<String> reached = new HashSet<>();
        Kernel kernel = game.boot();
        assertThat(kernel.invariantViolations()).as("after boot of %s", game).isEmpty();
        List<String> trace = new ArrayList<>();
        for (RandomPlay.Step step : game.steps()) {
            Move move = RandomPlay.move(kernel, step);
            trace.add(move.notation());
            Kernel before = kernel.copy();
            Outcome outcome = kernel.apply(move);
            String where = game + " after " + trace;
            for (Event e : outcome.events()) {
                reached.add(e.explainKey());
                reached.add(e.type());
            }

            assertThat(kernel.invariantViolations()).as(where).isEmpty();
            assertThat(kernel.used()).as(where).isBetween(0, kernel.totalFrames());
            assertThat(kernel.peak()).as(where).isGreaterThanOrEqualTo(kernel.used());
            if (outcome.ok()) {
                assertEventsAccountForChanges(before, kernel, outcome.events(), where);
                assertAllocationsTakeTheLowestFreeFrame(before, outcome.events(), where);
                assertMoveDidWhatItSays(before, kernel, move, outcome.events(), where);
            } else {
                assertThat(outcome.events()).as(where).isEmpty();
                assertThat(Fingerprint.of(kernel)).as("refused %s", where).isEqualTo(Fingerprint.of(before));
                assertThat(kernel.stats().kernelRefusals()).as(where)
                        .isEqualTo(before.stats().kernelRefusals() + 1);
            }
            if (!(move instanceof Move.Pass) && !actorCanMove(before, move.pid())) {
                assertThat(outcome.ok()).as("a move by a pid that cannot move: %s", where).isFalse();
            }
            assertAccountingMatchesPageTables(kernel, where);
        }
        return reached;
    }

    @Property(edgeCases = EdgeCasesMode.NONE, tries = 400, seed = "1122334455")
    void theSameMovesOnTwoFreshKernelsGiveTheSameEventsAndState(@ForAll("games") RandomPlay.Game game) {
        Kernel a = game.boot();
        Kernel b = game.boot();
        assertThat(Fingerprint.of(b)).isEqualTo(Fingerprint.of(a));
        for (RandomPlay.Step step : game.steps()) {
            Move moveA = RandomPlay.move(a, step);
            Move moveB = RandomPlay.move(b, step);
            assertThat(moveB).isEqualTo(moveA);
            assertThat(b.apply(moveB)).as(moveA.notation()).isEqualTo(a.apply(moveA));
            assertThat(Fingerprint.of(b)).isEqualTo(Fingerprint.of(a));
        }
        assertThat(b.stats()).isEqualTo(a.stats());
    }

    @Property(edgeCases = EdgeCasesMode.NONE, tries = 400, seed = "99887766")
    void aCopyEvolvesIndependentlyOfItsOriginal(@ForAll("games") RandomPlay.Game game) {
        Kernel original = game.boot();
        List<RandomPlay.Step> steps = game.steps();
        int split = steps.get(0).extra() % steps.size();
        for (RandomPlay.Step step : steps.subList(0, split)) {
            original.apply(RandomPlay.move(original, step));
        }
        Kernel copy = original.copy();
        String atCopy = Fingerprint.of(copy);
        assertThat(atCopy).isEqualTo(Fingerprint.of(original));
        assertThat(copy.stats()).isEqualTo(original.stats());

        List<Move> moves = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (RandomPlay.Step step : steps.subList(split, steps.size())) {
            Move move = RandomPlay.move(original, step);
            moves.add(move);
            outcomes.add(original.apply(move));
        }
        assertThat(Fingerprint.of(copy)).as("the copy after its original moved").isEqualTo(atCopy);
        assertThat(copy.invariantViolations()).isEmpty();

        String originalAtEnd = Fingerprint.of(original);
        for (int i = 0; i < moves.size(); i++) {
            assertThat(copy.apply(moves.get(i))).as(moves.get(i).notation()).isEqualTo(outcomes.get(i));
        }
        assertThat(Fingerprint.of(copy)).isEqualTo(originalAtEnd);
        assertThat(Fingerprint.of(original)).as("the original after its copy moved").isEqualTo(originalAtEnd);
    }

    private static boolean actorCanMove(Kernel kernel, int pid) {
        return kernel.process(pid).map(p -> p.state() == TaskState.RUNNING).orElse(false);
    }

    /** Counters and frame use change by exactly what the events say. */
    private static void assertEventsAccountForChanges(Kernel before, Kernel after, List<Event> events, String where) {
        Set<Integer> cached = new HashSet<>();
        for (int f = 0; f < before.totalFrames(); f++) {
            FrameInfo frame = before.frame(f);
            if (frame.kind() == FrameKind.FILE && frame.refs() == 0) {
                cached.add(f);
            }
        }
        int used = 0;
        int copies = 0;
        int framesCopied = 0;
        int reuses = 0;
        int zeroFills = 0;
        int zeroMaps = 0;
        int kills = 0;
        int segvs = 0;
        int reclaims = 0;
        int majorFaults = 0;
        int cacheHits = 0;
        int enomem = 0;
        for (Event e : events) {
            if (e instanceof Event.Alloc) {
                used++;
            } else if (e instanceof Event.Free) {
                used--;
            } else if (e instanceof Event.Cached c) {
                assertThat(cached.add(c.frame())).as("cached twice, %s", where).isTrue();
                used--;
            } else if (e instanceof Event.CacheHit h) {
                cacheHits++;
                if (cached.remove(h.frame())) {
                    used++;
                }
            } else if (e instanceof Event.Reclaim r) {
                reclaims++;
                if (!cached.remove(r.frame())) {
                    used--;
                    assertThat(r.pids()).as("a mapped frame reclaimed from nobody, %s", where).isNotEmpty();
                } else {
                    assertThat(r.pids()).as(where).isEmpty();
                }
            } else if (e instanceof Event.MajorFault) {
                majorFaults++;
            } else if (e instanceof Event.Enomem) {
                enomem++;
            } else if (e instanceof Event.CowCopy) {
                copies++;
                framesCopied++;
            } else if (e instanceof Event.HugeCowCopy h) {
                copies++;
                framesCopied += h.to().size();
            } else if (e instanceof Event.CowReuse || e instanceof Event.HugeCowReuse) {
                reuses++;
            } else if (e instanceof Event.ZeroFill || e instanceof Event.HugeZeroFill) {
                zeroFills++;
            } else if (e instanceof Event.ZeroMap || e instanceof Event.HugeZeroMap) {
                zeroMaps++;
            } else if (e instanceof Event.OomKill) {
                kills++;
            } else if (e instanceof Event.Segv) {
                segvs++;
            }
        }
        Stats s0 = before.stats();
        Stats s1 = after.stats();
        assertThat(after.used() - before.used()).as("used vs the events, %s", where).isEqualTo(used);
        assertThat(after.cached()).as("cached vs the events, %s", where).isEqualTo(cached.size());
        assertThat(after.used() + after.cached() + after.free()).as(where).isEqualTo(after.totalFrames());
        assertThat(s1.copies() - s0.copies()).as(where).isEqualTo(copies);
        assertThat(s1.framesCopied() - s0.framesCopied()).as(where).isEqualTo(framesCopied);
        assertThat(s1.reuses() - s0.reuses()).as(where).isEqualTo(reuses);
        assertThat(s1.zeroFills() - s0.zeroFills()).as(where).isEqualTo(zeroFills);
        assertThat(s1.zeroMaps() - s0.zeroMaps()).as(where).isEqualTo(zeroMaps);
        assertThat(s1.oomKills() - s0.oomKills()).as(where).isEqualTo(kills);
        assertThat(s1.segv() - s0.segv()).as(where).isEqualTo(segvs);
        assertThat(s1.reclaims() - s0.reclaims()).as(where).isEqualTo(reclaims);
        assertThat(s1.majorFaults() - s0.majorFaults()).as(where).isEqualTo(majorFaults);
        assertThat(s1.cacheHits() - s0.cacheHits()).as(where).isEqualTo(cacheHits);
        assertThat(s1.enomem() - s0.enomem()).as(where).isEqualTo(enomem);
        assertThat(s1.kernelRefusals()).as(where).isEqualTo(s0.kernelRefusals());
        assertThat(after.operations()).as("one operation, %s", where).isEqualTo(before.operations() + 1);
    }

    /** Replays the events over the free frames: each alloc takes the lowest free one. */
    private static void assertAllocationsTakeTheLowestFreeFrame(Kernel before, List<Event> events, String where) {
        TreeSet<Integer> free = new TreeSet<>();
        for (int f = 0; f < before.totalFrames(); f++) {
            if (before.frame(f).free()) {
                free.add(f);
            }
        }
        for (Event e : events) {
            if (e instanceof Event.Free f) {
                assertThat(free.add(f.frame())).as("frame %d freed while free, %s", f.frame(), where).isTrue();
            } else if (e instanceof Event.Reclaim r) {
                if (r.scope().equals("global")) {
                    assertThat(free).as("reclaim while a frame was free, %s", where).isEmpty();
                }
                assertThat(free.add(r.frame())).as("frame %d reclaimed while free, %s", r.frame(), where).isTrue();
            } else if (e instanceof Event.Alloc a) {
                assertThat(free).as("alloc with no free frame, %s", where).isNotEmpty();
                assertThat(a.frame()).as("lowest free frame, %s", where).isEqualTo(free.first());
                free.remove(a.frame());
            }
        }
    }

    /** The rule-level effect of a successful move, judged against the state before it. */
    private static void assertMoveDidWhatItSays(Kernel before, Kernel after, Move move, List<Event> events,
                                                String where) {
        boolean segv = events.stream().anyMatch(e -> e instanceof Event.Segv);
        boolean enomem = events.stream().anyMatch(e -> e instanceof Event.Enomem);
        // A move whose code page reclaim took reads it back first: events of its own.
        boolean fetch = !(move instanceof Move.Pass) && before.page(move.pid(), 0)
                .map(p -> p.mapping() == PageInfo.Mapping.GONE && p.segment() == Segment.TEXT).orElse(false);
        long allocs = events.stream().filter(e -> e instanceof Event.Alloc).count();
        long majorFaults = events.stream().filter(e -> e instanceof Event.MajorFault).count();
        if (move instanceof Move.Write w) {
            boolean alive = after.process(w.pid()).map(p -> p.state().alive()).orElse(false);
            PageInfo old = before.page(w.pid(), w.vpn()).orElseThrow();
            boolean forbidden = old.segment() == Segment.TEXT || old.mapping() == PageInfo.Mapping.ABSENT;
            // Unless the OOM killer took the mover first (its code fetch or its own fault).
            boolean moverKilled = events.stream().anyMatch(e -> e instanceof Event.OomKill k
                    && (k.pid() == w.pid() || k.companions().contains(w.pid())));
            if (!moverKilled) {
                assertThat(segv).as("segv iff text or absent page, %s", where).isEqualTo(forbidden);
            }
            if (alive && !segv) {
                PageInfo now = after.page(w.pid(), w.vpn()).orElseThrow();
                assertThat(now.value()).as("value stored, %s", where).isEqualTo(w.value());
                assertThat(now.writable()).as(where).isTrue();
                if (old.segment() == Segment.SHARED) {
                    assertThat(now.kind()).as(where).isEqualTo(FrameKind.SHM);
                    assertThat(events).as(where).contains(new Event.SharedWrite(w.pid(), w.vpn(), now.frame(),
                            w.value()));
                    // Every process attached to the object sees the write.
                    for (ProcessInfo p : after.processes()) {
                        after.page(p.pid(), w.vpn()).filter(q -> q.frame() == now.frame())
                                .ifPresent(q -> assertThat(q.value()).as(where).isEqualTo(w.value()));
                    }
                }
            }
            if (segv || old.writable()) {
                assertThat(allocs).as("only the code fetch allocates, %s", where).isLessThanOrEqualTo(majorFaults);
            }
        } else if (move instanceof Move.Read r) {
            PageInfo old = before.page(r.pid(), r.vpn()).orElseThrow();
            if (fetch) {
                return;
            }
            if (old.mapping() == PageInfo.Mapping.UNMAPPED && old.segment() != Segment.SHARED) {
                assertThat(allocs).as(where).isZero();
                assertThat(events).as(where).hasSize(1);
                assertThat(events.get(0)).as(where).isIn(new Event.ZeroMap(r.pid(), r.vpn()),
                        new Event.HugeZeroMap(r.pid(), r.vpn(), hugeStart(before, r), after.config().hugePage()));
            } else if (old.mapping() == PageInfo.Mapping.FRAME || old.mapping() == PageInfo.Mapping.ZERO) {
                assertThat(events).as(where).isEmpty();
            } else if (old.mapping() == PageInfo.Mapping.GONE) {
                PageInfo now = after.page(r.pid(), r.vpn()).orElse(old);
                if (after.process(r.pid()).orElseThrow().state().alive()) {
                    assertThat(now.mapping()).as(where).isEqualTo(PageInfo.Mapping.FRAME);
                    assertThat(now.kind()).as(where).isEqualTo(FrameKind.FILE);
                }
            }
        } else if (move instanceof Move.Fork f) {
            if (fetch) {
                return;
            }
            if (enomem) {
                assertThat(events).as(where).hasSize(1);
                assertThat(after.highestPid()).as(where).isEqualTo(before.highestPid());
                return;
            }
            int child = before.highestPid() + 1;
            assertThat(events).as(where).containsExactly(new Event.Fork(f.pid(), child));
            assertThat(after.used()).as(where).isEqualTo(before.used());
            List<PageInfo> parentBefore = before.pageTable(f.pid());
            List<PageInfo> childNow = after.pageTable(child);
            assertThat(childNow).as(where).hasSameSizeAs(parentBefore);
            for (PageInfo p : parentBefore) {
                PageInfo c = childNow.get(p.vpn());
                if (p.dontfork() || p.mapping() == PageInfo.Mapping.ABSENT) {
                    assertThat(c.mapping()).as(where).isEqualTo(PageInfo.Mapping.ABSENT);
                } else if (p.wipeonfork()) {
                    assertThat(c.mapping()).as(where).isEqualTo(PageInfo.Mapping.UNMAPPED);
                } else {
                    assertThat(c.mapping()).as(where).isEqualTo(p.mapping());
                    assertThat(c.frame()).as(where).isEqualTo(p.frame());
                    boolean shm = p.kind() == FrameKind.SHM;
                    assertThat(c.writable()).as("only shared memory stays writable, %s", where).isEqualTo(shm);
                    if (p.mapping() == PageInfo.Mapping.FRAME) {
                        assertThat(c.refs()).as(where).isEqualTo(p.refs() + 1);
                        assertThat(after.page(f.pid(), p.vpn()).orElseThrow().writable()).as(where).isEqualTo(shm);
                        assertThat(c.cow()).as(where).isEqualTo(!shm && (p.cow() || p.writable()));
                    }
                }
            }
        } else if (move instanceof Move.VFork v) {
            if (fetch) {
                return;
            }
            assertThat(events).as(where).containsExactly(new Event.VFork(v.pid(), before.highestPid() + 1));
            assertThat(after.process(v.pid()).orElseThrow().state()).as(where).isEqualTo(TaskState.BLOCKED);
            assertThat(after.pageTable(before.highestPid() + 1)).as(where).isEqualTo(after.pageTable(v.pid()));
        } else if (move instanceof Move.Exit x) {
            assertThat(after.process(x.pid()).orElseThrow().state().alive()).as(where).isFalse();
        } else if (move instanceof Move.Exec x) {
            ProcessInfo p = after.process(x.pid()).orElseThrow();
            if (p.state().alive() && !enomem) {
                assertThat(p.program()).as(where).isEqualTo(x.program());
                assertThat(p.inVfork()).as(where).isFalse();
                for (PageInfo page : after.pageTable(x.pid())) {
                    boolean file = page.segment() == Segment.TEXT || page.segment() == Segment.DATA;
                    if (file) {
                        // An exec on a full machine may reclaim its own earlier pages.
                        assertThat(page.mapping()).as(where).isIn(PageInfo.Mapping.FRAME, PageInfo.Mapping.GONE);
                    } else {
                        assertThat(page.mapping()).as(where).isEqualTo(PageInfo.Mapping.UNMAPPED);
                    }
                    assertThat(page.writable()).as(where).isFalse();
                    assertThat(page.cow()).as(where).isEqualTo(page.segment() == Segment.DATA);
                }
            }
        }
    }

    private static int hugeStart(Kernel kernel, Move.Read r) {
        ProgramImage image = kernel.process(r.pid()).flatMap(p -> kernel.program(p.program())).orElseThrow();
        int n = kernel.config().hugePage();
        return image.heapStart() + (r.vpn() - image.heapStart()) / n * n;
    }

    /** rss, uss, pss and smaps as the kernel's package doc defines them, recomputed from the page tables. */
    private static void assertAccountingMatchesPageTables(Kernel kernel, String where) {
        for (ProcessInfo p : kernel.processes()) {
            int rss = 0;
            int uss = 0;
            double pss = 0;
            int privateDirty = 0;
            int sharedClean = 0;
            int anonymous = 0;
            for (PageInfo page : kernel.pageTable(p.pid())) {
                if (page.mapping() == PageInfo.Mapping.FRAME) {
                    rss++;
                    pss += 1.0 / page.refs();
                    if (page.refs() == 1) {
                        uss++;
                        if (page.kind() == FrameKind.ANON) {
                            privateDirty++;
                        }
                    } else if (page.kind() == FrameKind.FILE) {
                        sharedClean++;
                    }
                    if (page.kind() == FrameKind.ANON) {
                        anonymous++;
                    }
                    assertThat(kernel.frame(page.frame()).refs()).as(where).isEqualTo(page.refs());
                    assertThat(page.writable() && page.refs() != 1 && page.kind() != FrameKind.SHM)
                            .as("writable shared private page, %s", where).isFalse();
                }
            }
            assertThat(p.rss()).as("rss of %d, %s", p.pid(), where).isEqualTo(rss);
            assertThat(p.uss()).as("uss of %d, %s", p.pid(), where).isEqualTo(uss);
            assertThat(p.pss()).as("pss of %d, %s", p.pid(), where).isEqualTo(pss);
            Smaps smaps = p.smaps();
            assertThat(smaps.rss()).as(where).isEqualTo(rss);
            assertThat(smaps.anonymous()).as(where).isEqualTo(anonymous);
            assertThat(smaps.sharedClean()).as(where).as("shared file pages are clean").isGreaterThanOrEqualTo(sharedClean);
            assertThat(smaps.privateDirty()).as(where).isGreaterThanOrEqualTo(privateDirty);
            assertThat(smaps.privateClean() + smaps.privateDirty()).as("uss = Private_Clean + Private_Dirty, %s",
                    where).isEqualTo(uss);
            assertThat(smaps.sharedClean() + smaps.sharedDirty() + uss).as(where).isEqualTo(rss);
            if (!p.state().alive()) {
                assertThat(rss).as(where).isZero();
            }
        }
    }
}
