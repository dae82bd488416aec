package org.cowarena.kernel;

import java.util.Map;
import java.util.TreeMap;

/**
 * The machine a level defines.
 *
 * @param frames          physical frames (the zero page is not one of them)
 * @param oom             what an allocation does when no frame is free and none can be reclaimed
 * @param hugePage        pages per transparent huge page; 1 turns THP off
 * @param thpCow          how a write to a shared huge page is handled
 * @param segvKills       true when a segv kills the process ({@code rules.segv: kill})
 * @param budgets         per-owner frame budgets (memory cgroups); an owner not named has none
 * @param overcommit      {@code vm.overcommit_memory}
 * @param overcommitRatio {@code vm.overcommit_ratio}: CommitLimit = frames × ratio / 100
 */
public record MemoryConfig(int frames, OomPolicy oom, int hugePage, ThpCow thpCow, boolean segvKills,
                           Map<String, Integer> budgets, Overcommit overcommit, int overcommitRatio) {
    /** Linux's default {@code vm.overcommit_ratio}. */
    public static final int DEFAULT_OVERCOMMIT_RATIO = 50;

    public MemoryConfig {
        if (frames < 1) {
            throw new IllegalArgumentException("frames must be at least 1, was " + frames);
        }
        if (hugePage < 1) {
            throw new IllegalArgumentException("hugePage must be at least 1, was " + hugePage);
        }
        if (overcommitRatio < 0) {
            throw new IllegalArgumentException("overcommitRatio must not be negative, was " + overcommitRatio);
        }
        budgets = java.util.Collections.unmodifiableMap(new TreeMap<>(budgets));
    }

    /** A machine with the default overcommit policy (heuristic, ratio 50). */
    public MemoryConfig(int frames, OomPolicy oom, int hugePage, ThpCow thpCow, boolean segvKills,
                        Map<String, Integer> budgets) {
        this(frames, oom, hugePage, thpCow, segvKills, budgets, Overcommit.HEURISTIC, DEFAULT_OVERCOMMIT_RATIO);
    }

    public static MemoryConfig of(int frames, OomPolicy oom) {
        return new MemoryConfig(frames, oom, 1, ThpCow.SPLIT, false, Map.of());
    }

    /** CommitLimit: frames × overcommitRatio / 100, rounded down (there is no swap). */
    public long commitLimit() {
        return (long) frames * overcommitRatio / 100;
    }

    public MemoryConfig withHugePages(int pages, ThpCow cow) {
        return new MemoryConfig(frames, oom, pages, cow, segvKills, budgets, overcommit, overcommitRatio);
    }

    public MemoryConfig withBudgets(Map<String, Integer> newBudgets) {
        return new MemoryConfig(frames, oom, hugePage, thpCow, segvKills, newBudgets, overcommit, overcommitRatio);
    }

    public MemoryConfig withSegvKills(boolean kills) {
        return new MemoryConfig(frames, oom, hugePage, thpCow, kills, budgets, overcommit, overcommitRatio);
    }

    public MemoryConfig withOvercommit(Overcommit mode, int ratio) {
        return new MemoryConfig(frames, oom, hugePage, thpCow, segvKills, budgets, mode, ratio);
    }
}
