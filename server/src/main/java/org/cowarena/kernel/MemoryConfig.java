package org.cowarena.kernel;

import java.util.Map;
import java.util.TreeMap;

/**
 * The machine a level defines.
 *
 * @param frames    physical frames (the zero page is not one of them)
 * @param oom       what an allocation does when no frame is free
 * @param hugePage  pages per transparent huge page; 1 turns THP off
 * @param thpCow    how a write to a shared huge page is handled
 * @param segvKills true when a segv kills the process ({@code rules.segv: kill})
 * @param budgets   per-owner frame budgets (memory cgroups); an owner not named has none
 */
public record MemoryConfig(int frames, OomPolicy oom, int hugePage, ThpCow thpCow, boolean segvKills,
                           Map<String, Integer> budgets) {
    public MemoryConfig {
        if (frames < 1) {
            throw new IllegalArgumentException("frames must be at least 1, was " + frames);
        }
        if (hugePage < 1) {
            throw new IllegalArgumentException("hugePage must be at least 1, was " + hugePage);
        }
        budgets = java.util.Collections.unmodifiableMap(new TreeMap<>(budgets));
    }

    public static MemoryConfig of(int frames, OomPolicy oom) {
        return new MemoryConfig(frames, oom, 1, ThpCow.SPLIT, false, Map.of());
    }

    public MemoryConfig withHugePages(int pages, ThpCow cow) {
        return new MemoryConfig(frames, oom, pages, cow, segvKills, budgets);
    }

    public MemoryConfig withBudgets(Map<String, Integer> newBudgets) {
        return new MemoryConfig(frames, oom, hugePage, thpCow, segvKills, newBudgets);
    }

    public MemoryConfig withSegvKills(boolean kills) {
        return new MemoryConfig(frames, oom, hugePage, thpCow, kills, budgets);
    }
}
