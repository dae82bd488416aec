package org.cowarena.kernel;

/**
 * A process as players see it. {@code rss} counts frames mapped (the zero page
 * excluded), {@code pss} is the sum of 1/refs over them, {@code uss} counts those
 * mapped by nobody else. {@code locked} is true while its address space is mlocked;
 * {@code badness} is what the OOM killer would score it now over the whole machine
 * (rss plus oomScoreAdj scaled by the frames), {@code smaps} its smaps_rollup line.
 */
public record ProcessInfo(int pid, int ppid, String owner, String program, TaskState state, int rss, double pss,
                          int uss, int oomScoreAdj, boolean inVfork, boolean locked, long badness, Smaps smaps) {
}
