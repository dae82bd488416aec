package org.cowarena.level;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A process present at the start of a level. The value lists hold what is already
 * written in each page of the segment, in vpn order; a null entry (YAML {@code ~})
 * leaves that page untouched.
 *
 * @param forkOf 0 for a process that starts by exec; otherwise the earlier listed pid it
 *               is forked from (the Android zygote's way), moved to {@code owner}'s cgroup
 * @param mlock  its address space is mlocked (mlockall): reclaim never takes a page it maps
 */
public record ProcessSpec(int pid, String program, String owner, List<String> data, List<String> heap,
                          List<String> stack, int oomScoreAdj, int forkOf, boolean mlock, Pos pos) {
    public ProcessSpec {
        data = Collections.unmodifiableList(new ArrayList<>(data));
        heap = Collections.unmodifiableList(new ArrayList<>(heap));
        stack = Collections.unmodifiableList(new ArrayList<>(stack));
    }
}
