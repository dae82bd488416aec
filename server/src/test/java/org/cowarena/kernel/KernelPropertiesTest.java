package org.cowarena.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cowarena.move.Move;

/**
 * Random games on random small machines (DESIGN §2): the invariants hold after every
 * move, a refused move changes nothing, the kernel is deterministic, and a copy evolves
 * independently of its original. Seeds are fixed so a run is reproducible.
 */
class KernelPropertiesTest {

    @Provide
    Arbitrary<RandomPlay.Game> games() {
        return RandomPlay.games(80);
    }

    @Property(edgeCases = EdgeCasesMode.NONE, tries = 2000, seed = "7351902265")
    void invariantsHoldAfterEveryMoveAndARefusedMoveChangesNothing(@ForAll("games") RandomPlay.Game game) {
        Kernel kernel = game.boot();
        assertThat(kernel.invariantViolations()).as("after boot of %s", game).isEmpty();
        List<String> trace = new ArrayList<>();
        for (RandomPlay.Step step : game.steps()) {
            Move move = RandomPlay.move(kernel, step);
            trace.add(move.notation());
            Kernel before = kernel.copy();
            Outcome outcome = kernel.apply(move);
            String where = game + " after " + trace;

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
        int allocs = 0;
        int frees = 0;
        int copies = 0;
        int framesCopied = 0;
        int reuses = 0;
        int zeroFills = 0;
        int zeroMaps = 0;
        int kills = 0;
        int segvs = 0;
        for (Event e : events) {
            if (e instanceof Event.Alloc) {
                allocs++;
            } else if (e instanceof Event.Free) {
                frees++;
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
            } else if (e instanceof Event.ZeroMap) {
                zeroMaps++;
            } else if (e instanceof Event.OomKill) {
                kills++;
            } else if (e instanceof Event.Segv) {
                segvs++;
            }
        }
        Stats s0 = before.stats();
        Stats s1 = after.stats();
        assertThat(after.used() - before.used()).as("used vs alloc/free events, %s", where).isEqualTo(allocs - frees);
        assertThat(s1.copies() - s0.copies()).as(where).isEqualTo(copies);
        assertThat(s1.framesCopied() - s0.framesCopied()).as(where).isEqualTo(framesCopied);
        assertThat(s1.reuses() - s0.reuses()).as(where).isEqualTo(reuses);
        assertThat(s1.zeroFills() - s0.zeroFills()).as(where).isEqualTo(zeroFills);
        assertThat(s1.zeroMaps() - s0.zeroMaps()).as(where).isEqualTo(zeroMaps);
        assertThat(s1.oomKills() - s0.oomKills()).as(where).isEqualTo(kills);
        assertThat(s1.segv() - s0.segv()).as(where).isEqualTo(segvs);
        assertThat(s1.kernelRefusals()).as(where).isEqualTo(s0.kernelRefusals());
    }

    /** Replays the alloc and free events over the free frames: each alloc takes the lowest one. */
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
        if (move instanceof Move.Write w) {
            boolean alive = after.process(w.pid()).map(p -> p.state().alive()).orElse(false);
            PageInfo old = before.page(w.pid(), w.vpn()).orElseThrow();
            boolean forbidden = old.segment() == Segment.TEXT || old.mapping() == PageInfo.Mapping.ABSENT;
            assertThat(segv).as("segv iff text or absent page, %s", where).isEqualTo(forbidden);
            if (alive && !segv) {
                PageInfo now = after.page(w.pid(), w.vpn()).orElseThrow();
                assertThat(now.value()).as("value stored, %s", where).isEqualTo(w.value());
                assertThat(now.writable()).as(where).isTrue();
            }
            if (segv || old.writable()) {
                assertThat(events.stream().anyMatch(e -> e instanceof Event.Alloc)).as(where).isFalse();
            }
        } else if (move instanceof Move.Read r) {
            PageInfo old = before.page(r.pid(), r.vpn()).orElseThrow();
            assertThat(events.stream().anyMatch(e -> e instanceof Event.Alloc)).as(where).isFalse();
            if (old.mapping() == PageInfo.Mapping.UNMAPPED) {
                assertThat(events).as(where).containsExactly(new Event.ZeroMap(r.pid(), r.vpn()));
            } else if (old.mapping() != PageInfo.Mapping.ABSENT) {
                assertThat(events).as(where).isEmpty();
            }
        } else if (move instanceof Move.Fork f) {
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
                    assertThat(c.writable()).as(where).isFalse();
                    if (p.mapping() == PageInfo.Mapping.FRAME) {
                        assertThat(c.refs()).as(where).isEqualTo(p.refs() + 1);
                        assertThat(after.page(f.pid(), p.vpn()).orElseThrow().writable()).as(where).isFalse();
                        assertThat(c.cow()).as(where).isEqualTo(p.cow() || p.writable());
                    }
                }
            }
        } else if (move instanceof Move.VFork v) {
            assertThat(events).as(where).containsExactly(new Event.VFork(v.pid(), before.highestPid() + 1));
            assertThat(after.process(v.pid()).orElseThrow().state()).as(where).isEqualTo(TaskState.BLOCKED);
            assertThat(after.pageTable(before.highestPid() + 1)).as(where).isEqualTo(before.pageTable(v.pid()));
        } else if (move instanceof Move.Exit x) {
            assertThat(after.process(x.pid()).orElseThrow().state()).as(where).isEqualTo(TaskState.EXITED);
        } else if (move instanceof Move.Exec x) {
            ProcessInfo p = after.process(x.pid()).orElseThrow();
            if (p.state().alive()) {
                assertThat(p.program()).as(where).isEqualTo(x.program());
                assertThat(p.inVfork()).as(where).isFalse();
                for (PageInfo page : after.pageTable(x.pid())) {
                    boolean file = page.segment() == Segment.TEXT || page.segment() == Segment.DATA;
                    assertThat(page.mapping()).as(where)
                            .isEqualTo(file ? PageInfo.Mapping.FRAME : PageInfo.Mapping.UNMAPPED);
                    assertThat(page.writable()).as(where).isFalse();
                    assertThat(page.cow()).as(where).isEqualTo(page.segment() == Segment.DATA);
                }
            }
        }
    }

    /** rss, uss and pss as DESIGN §2 defines them, recomputed from the page tables. */
    private static void assertAccountingMatchesPageTables(Kernel kernel, String where) {
        for (ProcessInfo p : kernel.processes()) {
            int rss = 0;
            int uss = 0;
            double pss = 0;
            for (PageInfo page : kernel.pageTable(p.pid())) {
                if (page.mapping() == PageInfo.Mapping.FRAME) {
                    rss++;
                    pss += 1.0 / page.refs();
                    if (page.refs() == 1) {
                        uss++;
                    }
                    assertThat(kernel.frame(page.frame()).refs()).as(where).isEqualTo(page.refs());
                    assertThat(page.writable() && page.refs() != 1).as("writable shared page, %s", where).isFalse();
                }
            }
            assertThat(p.rss()).as("rss of %d, %s", p.pid(), where).isEqualTo(rss);
            assertThat(p.uss()).as("uss of %d, %s", p.pid(), where).isEqualTo(uss);
            assertThat(p.pss()).as("pss of %d, %s", p.pid(), where).isEqualTo(pss);
            if (!p.state().alive()) {
                assertThat(rss).as(where).isZero();
            }
        }
    }
}
