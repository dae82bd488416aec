package org.cowarena.kernel;

/** Mutable counters behind {@link Stats}. */
final class Counters {
    int copies;
    int framesCopied;
    int reuses;
    int zeroFills;
    int zeroMaps;
    int oomKills;
    int segv;
    int refusals;
    int reclaims;
    int majorFaults;
    int cacheHits;
    int enomem;

    Counters copy() {
        Counters c = new Counters();
        c.copies = copies;
        c.framesCopied = framesCopied;
        c.reuses = reuses;
        c.zeroFills = zeroFills;
        c.zeroMaps = zeroMaps;
        c.oomKills = oomKills;
        c.segv = segv;
        c.refusals = refusals;
        c.reclaims = reclaims;
        c.majorFaults = majorFaults;
        c.cacheHits = cacheHits;
        c.enomem = enomem;
        return c;
    }

    Stats snapshot() {
        return new Stats(copies, framesCopied, reuses, zeroFills, zeroMaps, oomKills, segv, refusals, reclaims,
                majorFaults, cacheHits, enomem);
    }
}
