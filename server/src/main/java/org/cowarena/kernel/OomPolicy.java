package org.cowarena.kernel;

/** What happens when an allocation finds no free frame ({@code memory.oom}). */
public enum OomPolicy {
    /** The move is refused with its reason and nothing changes. */
    REJECT,
    /** The OOM killer kills the process with the highest badness and the fault starts again. */
    KILL
}
