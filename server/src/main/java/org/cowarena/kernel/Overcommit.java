package org.cowarena.kernel;

import java.util.Locale;

/**
 * {@code vm.overcommit_memory}: when a fork or exec may commit more private writable
 * memory than the machine has (see {@link Kernel}'s commit accounting).
 */
public enum Overcommit {
    /** 0: refuse only an obvious overcommit, one commit larger than all of memory. */
    HEURISTIC,
    /** 1: never refuse; copy-on-write pays only for what is written. */
    ALWAYS,
    /** 2: refuse when the total committed would pass CommitLimit = frames × ratio / 100. */
    NEVER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value of {@code vm.overcommit_memory} this mode is. */
    public int sysctl() {
        return switch (this) {
            case HEURISTIC -> 0;
            case ALWAYS -> 1;
            case NEVER -> 2;
        };
    }
}
