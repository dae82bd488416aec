package org.cowarena.level;

import java.util.List;
import java.util.OptionalInt;
import org.cowarena.kernel.Kernel;
import org.cowarena.kernel.PageInfo;
import org.cowarena.kernel.ProcessInfo;
import org.cowarena.kernel.TaskState;

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

    /** The number of live processes is at least / at most N. */
    record Processes(OptionalInt atLeast, OptionalInt atMost, Pos pos) implements Goal {
        public String describe() {
            if (atLeast.isPresent() && atMost.isPresent()) {
                return "between " + atLeast.getAsInt() + " and " + atMost.getAsInt() + " live processes";
            }
            return atLeast.isPresent() ? "at least " + atLeast.getAsInt() + " live processes"
                    : "at most " + atMost.orElse(0) + " live processes";
        }

        public boolean isMet(Kernel kernel, Metrics metrics) {
            long n = kernel.processes().stream().filter(p -> p.state().alive()).count();
            return n >= atLeast.orElse(0) && n <= atMost.orElse(Integer.MAX_VALUE);
        }
    }

    /** At most N copy-on-write copy faults during play. */
    record MaxCopies(int max, Pos pos) implements Goal {
        public String describe() {
            return "at most " + max + (max == 1 ? " copy" : " copies");
        }

        public boolean isMet(Kernel kernel, Metrics metrics) {
            return metrics.copies() <= max;
        }
    }

    /** At most N frames copied during play (a huge-page copy counts all its frames). */
    record MaxFramesCopied(int max, Pos pos) implements Goal {
        public String describe() {
            return "at most " + max + " frames copied";
        }

        public boolean isMet(Kernel kernel, Metrics metrics) {
            return metrics.framesCopied() <= max;
        }
    }

    /** The OOM killer never runs during play. */
    record NoOomKill(Pos pos) implements Goal {
        public String describe() {
            return "no process killed by the OOM killer";
        }

        public boolean isMet(Kernel kernel, Metrics metrics) {
            return kernel.stats().oomKills() == 0;
        }
    }

    /** Process {@code pid} ends in one of {@code states}. */
    record State(int pid, List<TaskState> states, Pos pos) implements Goal {
        public State {
            states = List.copyOf(states);
        }

        public String describe() {
            return "pid " + pid + " " + (states.contains(TaskState.RUNNING) ? "is alive"
                    : states.get(0) == TaskState.EXITED ? "has exited" : "was killed");
        }

        public boolean isMet(Kernel kernel, Metrics metrics) {
            return kernel.process(pid).map(p -> states.contains(p.state())).orElse(false);
        }
    }

    /** At least N virtual pages of {@code pid} map the same frame as the same page of {@code with}. */
    record Shared(int pid, int with, int atLeast, Pos pos) implements Goal {
        public String describe() {
            return "pid " + pid + " still shares at least " + atLeast + " pages with pid " + with;
        }

        public boolean isMet(Kernel kernel, Metrics metrics) {
            List<PageInfo> a = kernel.pageTable(pid);
            List<PageInfo> b = kernel.pageTable(with);
            int shared = 0;
            for (int v = 0; v < Math.min(a.size(), b.size()); v++) {
                if (a.get(v).mapping() == PageInfo.Mapping.FRAME && b.get(v).mapping() == PageInfo.Mapping.FRAME
                        && a.get(v).frame() == b.get(v).frame()) {
                    shared++;
                }
            }
            return shared >= atLeast;
        }
    }

    /** The frames charged to {@code owner} (its memory cgroup) end at most at N. */
    record MaxCharge(String owner, int atMost, Pos pos) implements Goal {
        public String describe() {
            return owner + " is charged at most " + atMost + " frames";
        }

        public boolean isMet(Kernel kernel, Metrics metrics) {
            return kernel.charged(owner) <= atMost;
        }
    }
}
