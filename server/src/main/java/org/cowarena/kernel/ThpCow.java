package org.cowarena.kernel;

/** How a write fault on a shared transparent huge page is handled ({@code memory.thpCow}). */
public enum ThpCow {
    /**
     * Linux 5.8 and later (commit 3917c80280c9): the huge mapping is split and only
     * the faulting small page is copied.
     */
    SPLIT,
    /**
     * Before Linux 5.8: the whole huge page is copied, the reason Redis advises
     * turning THP off.
     */
    COPY_HUGE
}
