package org.cowarena.level;

import java.util.List;
import org.cowarena.kernel.Event;
import org.cowarena.kernel.Kernel;
import org.cowarena.kernel.Outcome;
import org.cowarena.kernel.ProgramImage;
import org.cowarena.kernel.Segment;

/**
 * The start of play (levels/README.md): each listed process execed in order (pid as given,
 * ppid 0) — or, with {@code forkOf}, forked from an earlier one into its own owner's
 * cgroup —, its listed values written in vpn order, then the setup moves. A start
 * may reclaim page-cache pages; one that does not fit in the level's frames even so (a
 * refusal, or the OOM killer having to kill) makes the level invalid. Counters and
 * peak start at zero afterwards.
 */
public final class LevelBoot {
    private LevelBoot() {
    }

    public static Kernel boot(Level level) throws LevelException {
        Kernel kernel = new Kernel(level.memory(), level.programs());
        for (ProcessSpec spec : level.processes()) {
            check(level, spec.pos(), "process " + spec.pid() + " cannot start", spec.forkOf() == 0
                    ? kernel.spawn(spec.pid(), spec.program(), spec.owner(), spec.oomScoreAdj(), spec.mlock())
                    : kernel.spawnFork(spec.pid(), spec.forkOf(), spec.owner(), spec.oomScoreAdj()));
            ProgramImage image = kernel.program(spec.program()).orElseThrow();
            writeValues(level, kernel, spec, image, Segment.DATA, spec.data());
            writeValues(level, kernel, spec, image, Segment.HEAP, spec.heap());
            writeValues(level, kernel, spec, image, Segment.STACK, spec.stack());
        }
        for (SetupMove setup : level.setup()) {
            check(level, setup.pos(), "setup move \"" + setup.move().notation() + "\" fails",
                    kernel.apply(setup.move()));
        }
        kernel.resetCounters();
        return kernel;
    }

    private static void writeValues(Level level, Kernel kernel, ProcessSpec spec, ProgramImage image,
                                    Segment segment, List<String> values) throws LevelException {
        if (values.size() > image.length(segment)) {
            throw new LevelException(new LevelProblem(level.source(), spec.pos(), "process " + spec.pid() + " lists "
                    + values.size() + " " + segment.label() + " values but program " + image.name() + " has "
                    + image.length(segment) + " " + segment.label() + " pages"));
        }
        int start = image.start(segment);
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value != null) {
                check(level, spec.pos(), "process " + spec.pid() + " cannot write its " + segment.label()
                        + " value " + value, kernel.startWrite(spec.pid(), start + i, value));
            }
        }
    }

    private static String frames(int n) {
        return n + (n == 1 ? " frame" : " frames");
    }

    private static void check(Level level, Pos pos, String what, Outcome outcome) throws LevelException {
        if (outcome instanceof Outcome.Refused refused) {
            throw new LevelException(new LevelProblem(level.source(), pos, what + ": " + refused.reason()));
        }
        for (Event e : outcome.events()) {
            if (e instanceof Event.OomKill kill) {
                // A cgroup kill means the owner's budget, not the machine, was too small.
                String room = "cgroup".equals(kill.scope())
                        ? "the budget of owner " + kill.owner() + ", "
                                + frames(level.memory().budgets().get(kill.owner()))
                        : frames(level.memory().frames());
                throw new LevelException(new LevelProblem(level.source(), pos, what
                        + ": the start does not fit in " + room + " (the OOM killer killed pid " + kill.pid() + ")"));
            }
            if (e instanceof Event.Segv segv) {
                throw new LevelException(new LevelProblem(level.source(), pos, what + ": segv at vpn " + segv.vpn()));
            }
        }
    }
}
