package org.cowarena.level;

import java.util.OptionalInt;
import org.cowarena.kernel.Kernel;
import org.cowarena.kernel.PageInfo;
import org.cowarena.kernel.ProcessInfo;

/** One condition a level's end state must meet. */
public sealed interface Goal {

    /** Where the level states it. */
    Pos pos();

    /** The goal in one plain sentence for the checklist. */
    String describe();

    boolean isMet(Kernel kernel, Metrics metrics);

    /** At least / exactly N live processes (running or blocked) run {@code program}. */
    record Running(String program, OptionalInt atLeast, OptionalInt exactly, Pos pos) implements Goal {
        public String describe() {
            return exactly.isPresent()
                    ? "exactly " + exactly.getAsInt() + " running " + program
                    : "at least " + atLeast.orElse(1) + " running " + program;
        }

        public boolean isMet(Kernel kernel, Metrics metrics) {
            long n = kernel.processes().stream()
                    .filter(p -> p.state().alive() && program.equals(p.program()))
                    .count();
            return exactly.isPresent() ? n == exactly.getAsInt() : n >= atLeast.orElse(1);
        }
    }

    /** Page {@code vpn} of live process {@code pid} holds {@code value} (the zero page holds "0"). */
    record Page(int pid, int vpn, String value, Pos pos) implements Goal {
        public String describe() {
            return "pid " + pid + " page " + vpn + " holds " + value;
        }

        public boolean isMet(Kernel kernel, Metrics metrics) {
            boolean alive = kernel.process(pid).map(ProcessInfo::state).map(s -> s.alive()).orElse(false);
            return alive && kernel.page(pid, vpn).filter(PageInfo::present)
                    .map(p -> value.equals(p.value())).orElse(false);
        }
    }

    /** The peak of frames used during play stays at or below {@code max}. */
    record MaxPeakFrames(int max, Pos pos) implements Goal {
        public String describe() {
            return "peak memory at most " + max + " frames";
        }

        public boolean isMet(Kernel kernel, Metrics metrics) {
            return metrics.peakFrames() <= max;
        }
    }
}
