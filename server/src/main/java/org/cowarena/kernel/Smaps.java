package org.cowarena.kernel;

/**
 * A process's memory as {@code /proc/PID/smaps_rollup} counts it, in frames. A frame is
 * shared when more than one page-table entry maps it and private otherwise; dirty when it
 * is anonymous memory or a written shared-memory frame, clean when it is a page-cache page
 * (a MAP_PRIVATE mapping never writes its file). {@code anonymous} counts {@code anon}
 * frames only: Linux reports shared anonymous memory as Shmem. Redis reports a BGSAVE
 * child's copy-on-write cost as its {@code privateDirty}.
 */
public record Smaps(int rss, double pss, int sharedClean, int sharedDirty, int privateClean, int privateDirty,
                    int anonymous) {
    public static final Smaps NONE = new Smaps(0, 0, 0, 0, 0, 0, 0);
}
