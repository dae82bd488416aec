package org.cowarena.kernel;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The physical frames: one slot per frame in parallel arrays, so a machine with a
 * quarter of a million frames costs a few megabytes and no object per frame.
 * Allocation takes the lowest-numbered free frame.
 */
final class PhysicalMemory {
    static final byte FREE = 0;
    static final byte FILE = 1;
    static final byte ANON = 2;
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
    private final BitSet free;
    /** No free frame is below this index. */
    private int lowestFreeHint;
    private int used;
    private int peak;

    PhysicalMemory(int total) {
        this.total = total;
        this.refs = new int[total];
        this.kind = new byte[total];
        this.value = new String[total];
        this.chargedTo = new int[total];
        this.cacheKey = new long[total];
        Arrays.fill(chargedTo, NO_OWNER);
        Arrays.fill(cacheKey, -1L);
        this.free = new BitSet(total);
        this.free.set(0, total);
    }

    PhysicalMemory(PhysicalMemory other) {
        this.total = other.total;
        this.refs = other.refs.clone();
        this.kind = other.kind.clone();
        this.value = other.value.clone();
        this.chargedTo = other.chargedTo.clone();
        this.cacheKey = other.cacheKey.clone();
        this.free = (BitSet) other.free.clone();
        this.lowestFreeHint = other.lowestFreeHint;
        this.used = other.used;
        this.peak = other.peak;
    }

    int used() {
        return used;
    }

    int freeCount() {
        return total - used;
    }

    int peak() {
        return peak;
    }

    void resetPeak() {
        peak = used;
    }

    boolean isFree(int frame) {
        return kind[frame] == FREE;
    }

    /** Allocates the lowest free frame; the caller has checked that one is free. */
    int allocate(byte frameKind, String initialValue, int owner) {
        int frame = free.nextSetBit(lowestFreeHint);
        if (frame < 0) {
            throw new IllegalStateException("no free frame: the caller must check first");
        }
        free.clear(frame);
        lowestFreeHint = frame + 1;
        kind[frame] = frameKind;
        value[frame] = initialValue;
        refs[frame] = 1;
        chargedTo[frame] = owner;
        cacheKey[frame] = -1L;
        used++;
        if (used > peak) {
            peak = used;
        }
        return frame;
    }

    void release(int frame) {
        kind[frame] = FREE;
        value[frame] = null;
        refs[frame] = 0;
        chargedTo[frame] = NO_OWNER;
        cacheKey[frame] = -1L;
        free.set(frame);
        if (frame < lowestFreeHint) {
            lowestFreeHint = frame;
        }
        used--;
    }

    FrameKind kindOf(int frame) {
        return switch (kind[frame]) {
            case FILE -> FrameKind.FILE;
            case ANON -> FrameKind.ANON;
            default -> throw new IllegalStateException("frame " + frame + " is free");
        };
    }

    static long cacheKey(int program, int page) {
        return ((long) program << 32) | (page & 0xffffffffL);
    }
}
