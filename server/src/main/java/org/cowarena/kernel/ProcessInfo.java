package org.cowarena.kernel;

/**
 * A process as players see it. {@code rss} counts frames mapped (the zero page
 * excluded), {@code pss} is the sum of 1/refs over them, {@code uss} counts those
 * mapped by nobody else.
 */
public record ProcessInfo(int pid, int ppid, String owner, String program, TaskState state, int rss, double pss,
                          int uss, int oomScoreAdj, boolean inVfork) {
}
