package org.cowarena.kernel;

import java.util.Arrays;

/**
 * The physical frames: one slot per frame in parallel arrays, so a machine with half a
 * million frames costs a few megabytes and no object per frame. Allocation takes the
 * lowest-numbered free frame.
 *
 * <p>A frame is free, or holds a page: {@code file} (a page-cache page of a program),
 * {@code anon} (private anonymous memory) or {@code shm} (shared anonymous memory). A
 * {@code file} frame that no page table maps is <em>cached</em>: still in the page cache,
 * not counted in {@link #used()}, until reclaim takes it. So used + cached + free = total.
 *
 * <p>Reclaim order lives here too: every {@code file} frame that reclaim may take sits in
 * one of two {@link FrameHeap}s keyed by its stamp — cached frames, and mapped frames no
 * mlocked address space maps. Owners with a memory budget get the same two heaps over the
 * frames charged to them, for reclaim inside their cgroup.
 */
final class PhysicalMemory {
    static final byte FREE = 0;
    static final byte FILE = 1;
    static final byte ANON = 2;
    static final byte SHM = 3;
    /** No owner is charged for the frame. */
    static final int NO_OWNER = -1;

    final int total;
    final int[] refs;
    final byte[] kind;
    final String[] value;
    /** The owner (memory cgroup) charged for the frame, an index into the kernel's owner list. */
    final int[] chargedTo;
    /** For a page-cache frame: the program index and page index it caches, packed. */
    final long[] cacheKey;
    /** For a page-cache frame: the operation count when it was last mapped, read or fetched. */
    final int[] stamp;
    /** How many of the frame's mappings belong to mlocked address spaces. */
    final int[] lockedRefs;
    /** For a shm frame: whether anyone has written it (a dirty page in smaps). */
    final boolean[] written;
    /**
     * Free frames, one bit each. Not a {@link java.util.BitSet}: clearing the last set bit of
     * a BitSet rescans every word below it, which on a full machine, where each allocation
     * takes the one frame reclaim just freed, made every allocation a scan of all frames.
     */
    private final long[] free;
    /** No free frame is below this index. */
    private int lowestFreeHint;
    private int allocated;
    private int cached;
    private int peak;

    /** Cached frames, and mapped unlocked file frames: what global reclaim takes, in order. */
    final FrameHeap cachedOrder;
    final FrameHeap mappedOrder;
    /** The same per owner, for owners with a budget; null for the others. */
    private FrameHeap[] ownerCached;
    private FrameHeap[] ownerMapped;

    PhysicalMemory(int total) {
        this.total = total;
        this.refs = new int[total];
        this.kind = new byte[total];
        this.value = new String[total];
        this.chargedTo = new int[total];
        this.cacheKey = new long[total];
        this.stamp = new int[total];
        this.lockedRefs = new int[total];
        this.written = new boolean[total];
        Arrays.fill(chargedTo, NO_OWNER);
        Arrays.fill(cacheKey, -1L);
        this.free = new long[(total + 63) >>> 6];
        for (int f = 0; f < total; f++) {
            free[f >>> 6] |= 1L << f;
        }
        this.cachedOrder = new FrameHeap(total);
        this.mappedOrder = new FrameHeap(total);
        this.ownerCached = new FrameHeap[0];
        this.ownerMapped = new FrameHeap[0];
    }

    PhysicalMemory(PhysicalMemory other) {
        this.total = other.total;
        this.refs = other.refs.clone();
        this.kind = other.kind.clone();
        this.value = other.value.clone();
        this.chargedTo = other.chargedTo.clone();
        this.cacheKey = other.cacheKey.clone();
        this.stamp = other.stamp.clone();
        this.lockedRefs = other.lockedRefs.clone();
        this.written = other.written.clone();
        this.free = other.free.clone();
        this.lowestFreeHint = other.lowestFreeHint;
        this.allocated = other.allocated;
        this.cached = other.cached;
        this.peak = other.peak;
        this.cachedOrder = new FrameHeap(other.cachedOrder);
        this.mappedOrder = new FrameHeap(other.mappedOrder);
        this.ownerCached = copyHeaps(other.ownerCached);
        this.ownerMapped = copyHeaps(other.ownerMapped);
    }

    private static FrameHeap[] copyHeaps(FrameHeap[] heaps) {
        FrameHeap[] copy = new FrameHeap[heaps.length];
        for (int i = 0; i < heaps.length; i++) {
            copy[i] = heaps[i] == null ? null : new FrameHeap(heaps[i]);
        }
        return copy;
    }

    /** Gives {@code owner} its own reclaim order: it has a budget (a memory cgroup limit). */
    void trackOwner(int owner) {
        if (owner >= ownerCached.length) {
            ownerCached = Arrays.copyOf(ownerCached, owner + 1);
            ownerMapped = Arrays.copyOf(ownerMapped, owner + 1);
        }
        if (ownerCached[owner] == null) {
            ownerCached[owner] = new FrameHeap(total);
            ownerMapped[owner] = new FrameHeap(total);
        }
    }

    FrameHeap cachedOrder(int owner) {
        return owner < 0 ? cachedOrder : ownerCached[owner];
    }

    FrameHeap mappedOrder(int owner) {
        return owner < 0 ? mappedOrder : ownerMapped[owner];
    }

    /** Frames holding a page someone uses: allocated and not merely cached. */
    int used() {
        return allocated - cached;
    }

    int cached() {
        return cached;
    }

    int freeCount() {
        return total - allocated;
    }

    int peak() {
        return peak;
    }

    void resetPeak() {
        peak = used();
    }

    boolean isFree(int frame) {
        return kind[frame] == FREE;
    }

    boolean isCached(int frame) {
        return kind[frame] == FILE && refs[frame] == 0;
    }

    /** Allocates the lowest free frame, mapped once; the caller has checked that one is free. */
    int allocate(byte frameKind, String initialValue, int owner) {
        int frame = nextFree(lowestFreeHint);
        if (frame < 0) {
            throw new IllegalStateException("no free frame: the caller must check first");
        }
        free[frame >>> 6] &= ~(1L << frame);
        lowestFreeHint = frame + 1;
        kind[frame] = frameKind;
        value[frame] = initialValue;
        refs[frame] = 1;
        chargedTo[frame] = owner;
        cacheKey[frame] = -1L;
        stamp[frame] = 0;
        lockedRefs[frame] = 0;
        written[frame] = false;
        allocated++;
        raisePeak();
        return frame;
    }

    /** The lowest free frame at or above {@code from}, or -1. */
    private int nextFree(int from) {
        int w = from >>> 6;
        if (w >= free.length) {
            return -1;
        }
        long word = free[w] & (-1L << from);
        while (true) {
            if (word != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(word);
            }
            if (++w == free.length) {
                return -1;
            }
            word = free[w];
        }
    }

    private void raisePeak() {
        if (used() > peak) {
            peak = used();
        }
    }

    /** A file frame's last mapping went away: it stays in the page cache. */
    void toCache(int frame) {
        cached++;
        order(frame);
    }

    /** A cached frame is mapped again (a cache hit): it counts as used once more. */
    void fromCache(int frame) {
        cached--;
        raisePeak();
    }

    void release(int frame) {
        if (cachedOrder.contains(frame)) {
            cached--;
        }
        unorder(frame);
        kind[frame] = FREE;
        value[frame] = null;
        refs[frame] = 0;
        chargedTo[frame] = NO_OWNER;
        cacheKey[frame] = -1L;
        stamp[frame] = 0;
        lockedRefs[frame] = 0;
        written[frame] = false;
        free[frame >>> 6] |= 1L << frame;
        if (frame < lowestFreeHint) {
            lowestFreeHint = frame;
        }
        allocated--;
    }

    /**
     * Puts a file frame where reclaim will find it, after its refs, locks or stamp changed:
     * in the cached order when nothing maps it, in the mapped order when only unlocked
     * address spaces map it, nowhere when an mlocked one does.
     */
    void order(int frame) {
        if (kind[frame] != FILE) {
            return;
        }
        int owner = chargedTo[frame];
        FrameHeap ownCached = owner >= 0 && owner < ownerCached.length ? ownerCached[owner] : null;
        FrameHeap ownMapped = ownCached == null ? null : ownerMapped[owner];
        if (refs[frame] == 0) {
            mappedOrder.remove(frame);
            cachedOrder.put(frame, stamp[frame]);
            if (ownCached != null) {
                ownMapped.remove(frame);
                ownCached.put(frame, stamp[frame]);
            }
        } else if (lockedRefs[frame] == 0) {
            cachedOrder.remove(frame);
            mappedOrder.put(frame, stamp[frame]);
            if (ownCached != null) {
                ownCached.remove(frame);
                ownMapped.put(frame, stamp[frame]);
            }
        } else {
            unorder(frame);
        }
    }

    private void unorder(int frame) {
        cachedOrder.remove(frame);
        mappedOrder.remove(frame);
        int owner = chargedTo[frame];
        if (owner >= 0 && owner < ownerCached.length && ownerCached[owner] != null) {
            ownerCached[owner].remove(frame);
            ownerMapped[owner].remove(frame);
        }
    }

    /** Stamps a file frame as used now. */
    void touch(int frame, int now) {
        if (kind[frame] == FILE && stamp[frame] != now) {
            stamp[frame] = now;
            order(frame);
        }
    }

    FrameKind kindOf(int frame) {
        return switch (kind[frame]) {
            case FILE -> FrameKind.FILE;
            case ANON -> FrameKind.ANON;
            case SHM -> FrameKind.SHM;
            default -> throw new IllegalStateException("frame " + frame + " is free");
        };
    }

    static long cacheKey(int program, int page) {
        return ((long) program << 32) | (page & 0xffffffffL);
    }
}
