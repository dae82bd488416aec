package org.cowarena.kernel;

/** The kernel's counters since play started (the level's setup is not counted). */
public record Stats(int copies, int framesCopied, int reuses, int zeroFills, int zeroMaps, int oomKills,
                    int segv, int kernelRefusals, int reclaims, int majorFaults, int cacheHits, int enomem) {
}
