package org.cowarena.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import org.cowarena.move.Advice;
import org.cowarena.move.Move;

/**
 * Random games for the property tests: a small machine, a few programs, the processes
 * present at the start, and raw steps that become moves against the kernel's current
 * state, biased towards live pids and in-range vpns so most moves do something.
 */
final class RandomPlay {
    static final String[] OWNERS = {"alice", "bob"};

    /** A machine, its programs and starting processes, and the raw steps of a game. */
    record Game(MemoryConfig config, List<ProgramImage> programs, List<Start> starts, List<Step> steps) {
        Kernel boot() {
            Kernel kernel = new Kernel(config, programs);
            int pid = 1;
            for (Start s : starts) {
                // a start that does not fit is simply left out
                kernel.spawn(pid++, programs.get(s.program() % programs.size()).name(), s.owner(), s.oomScoreAdj(),
                        s.mlock());
            }
            return kernel;
        }

        @Override
        public String toString() {
            return "Game[" + config + ", programs=" + programs + ", starts=" + starts + ", " + steps.size()
                    + " steps]";
        }
    }

    record Start(int program, String owner, int oomScoreAdj, boolean mlock) {
    }

    /** Raw choices, each 0-99 (kind, pid, vpn) or any small int, read by {@link #move}. */
    record Step(int kind, int pid, int vpn, int value, int extra) {
    }

    private RandomPlay() {
    }

    static Arbitrary<Game> games(int maxSteps) {
        Arbitrary<MemoryConfig> configs = Combinators.combine(
                Arbitraries.integers().between(4, 64).withDistribution(RandomDistribution.uniform()),
                Arbitraries.of(OomPolicy.REJECT, OomPolicy.KILL),
                Arbitraries.of(1, 2, 4),
                Arbitraries.of(ThpCow.SPLIT, ThpCow.COPY_HUGE),
                Arbitraries.of(false, true),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(2, 24),
                Arbitraries.integers().between(2, 24))
                .as((frames, oom, huge, cow, segv, budgetMode, alice, bob) -> {
                    MemoryConfig c = MemoryConfig.of(frames, oom).withHugePages(huge, cow).withSegvKills(segv);
                    switch (budgetMode) {
                        case 1:
                            return c.withBudgets(Map.of("alice", alice));
                        case 2:
                            return c.withBudgets(Map.of("alice", alice, "bob", bob));
                        default:
                            return c;
                    }
                });
        Arbitrary<MemoryConfig> machines = Combinators.combine(configs, Arbitraries.of(Overcommit.values()),
                Arbitraries.of(0, 25, 50, 100, 200))
                .as((c, overcommit, ratio) -> c.withOvercommit(overcommit, ratio));
        Arbitrary<ProgramImage> program = Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 2),
                Arbitraries.of(0, 0, 1, 2))
                .as((text, data, heap, stack, shared) -> {
                    List<String> values = new ArrayList<>();
                    for (int i = 0; i < data; i++) {
                        values.add("d" + i);
                    }
                    return ProgramImage.of("x", Math.max(text, heap + stack + data + shared == 0 ? 1 : 0), values,
                            heap, stack).withShared(shared);
                });
        Arbitrary<List<ProgramImage>> programs = program.list().ofMinSize(1).ofMaxSize(3).map(list -> {
            List<ProgramImage> named = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                ProgramImage p = list.get(i);
                named.add(new ProgramImage("prog" + i, p.text(), p.data(), p.heap(), p.stack(), p.shared()));
            }
            return named;
        });
        Arbitrary<Start> start = Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.of(OWNERS),
                Arbitraries.of(-1000, -300, 0, 0, 0, 200, 800),
                Arbitraries.of(false, false, false, true))
                .as(Start::new);
        Arbitrary<Integer> percent = Arbitraries.integers().between(0, 99)
                .withDistribution(RandomDistribution.uniform()).withoutEdgeCases();
        Arbitrary<Step> step = Combinators.combine(percent, percent, percent, percent, percent).as(Step::new);
        return Combinators.combine(machines, programs, start.list().ofMinSize(1).ofMaxSize(3),
                step.list().ofMinSize(1).ofMaxSize(maxSteps).withSizeDistribution(RandomDistribution.uniform()))
                .as(Game::new);
    }

    /** The move a raw step stands for in the kernel's current state. */
    static Move move(Kernel kernel, Step s) {
        int pid = pid(kernel, s.pid());
        int k = s.kind();
        if (k < 2) {
            return new Move.Pass();
        }
        if (k < 12) {
            return new Move.Fork(pid);
        }
        if (k < 17) {
            return new Move.VFork(pid);
        }
        if (k < 24) {
            int choice = s.extra() % (kernel.programs().size() + 1);
            String name = choice < kernel.programs().size() ? kernel.programs().get(choice).name() : "nosuch";
            return new Move.Exec(pid, name);
        }
        if (k < 28) {
            return new Move.Exit(pid);
        }
        int vpn = vpn(kernel, pid, s.vpn());
        if (k < 37) {
            return new Move.Read(pid, vpn);
        }
        if (k < 90) {
            return new Move.Write(pid, vpn, "v" + s.value() % 7);
        }
        Advice advice = Advice.values()[s.value() % Advice.values().length];
        int to = s.extra() % 23 == 0 ? vpn - 1 : vpn + s.extra() % 5;
        return new Move.Madvise(pid, vpn, to, advice);
    }

    /** Mostly running pids, sometimes blocked, dead or unknown ones (which must be refused). */
    private static int pid(Kernel kernel, int pick) {
        List<Integer> running = new ArrayList<>();
        List<Integer> alive = new ArrayList<>();
        for (ProcessInfo p : kernel.processes()) {
            if (p.state() == TaskState.RUNNING) {
                running.add(p.pid());
            }
            if (p.state().alive()) {
                alive.add(p.pid());
            }
        }
        if (pick < 75 && !running.isEmpty()) {
            return running.get(pick % running.size());
        }
        if (pick < 85 && !alive.isEmpty()) {
            return alive.get(pick % alive.size());
        }
        List<Integer> pids = kernel.pids();
        if (pick < 96 && !pids.isEmpty()) {
            return pids.get(pick % pids.size());
        }
        return pick % 2 == 0 ? 0 : kernel.highestPid() + 1 + pick % 3;
    }

    /** Mostly anonymous and shared pages (where the faults are), sometimes any page, rarely out of range. */
    private static int vpn(Kernel kernel, int pid, int pick) {
        ProgramImage image = kernel.process(pid).flatMap(p -> kernel.program(p.program())).orElse(null);
        if (image == null) {
            return pick % 4;
        }
        int size = image.size();
        int anon = image.heap() + image.stack() + image.shared();
        if (pick < 60 && anon > 0) {
            return image.heapStart() + pick % anon;
        }
        if (pick < 95) {
            return pick % size;
        }
        return pick % 2 == 0 ? -1 : size + pick % 3;
    }
}
