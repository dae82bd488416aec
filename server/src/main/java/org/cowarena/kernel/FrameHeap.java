package org.cowarena.kernel;

import java.util.Arrays;

/**
 * The order in which reclaim takes page-cache frames: an indexed 4-ary min-heap of frame
 * numbers keyed by (stamp, frame), so "the frame unused longest, ties to the lower frame
 * number" is the head, found without looking at any other frame. A frame can be added,
 * removed, or given a new stamp in O(log n); a machine of half a million frames keeps all
 * of it in three primitive arrays.
 */
final class FrameHeap {
    private static final int ARITY = 4;

    /** Heap slot → frame. */
    private int[] heap;
    /** Heap slot → the frame's key, kept beside it so sifting reads one array. */
    private long[] keys;
    /** Frame → heap slot, or -1 when the frame is not in the heap. */
    private final int[] slot;
    private int size;

    FrameHeap(int frames) {
        this.heap = new int[Math.min(frames, 16)];
        this.keys = new long[heap.length];
        this.slot = new int[frames];
        Arrays.fill(slot, -1);
    }

    FrameHeap(FrameHeap other) {
        this.heap = Arrays.copyOf(other.heap, Math.max(other.size, 1));
        this.keys = Arrays.copyOf(other.keys, heap.length);
        this.slot = other.slot.clone();
        this.size = other.size;
    }

    static long key(int stamp, int frame) {
        return ((long) stamp << 32) | (frame & 0xffffffffL);
    }

    int size() {
        return size;
    }

    boolean contains(int frame) {
        return slot[frame] >= 0;
    }

    /** The frame unused longest, or -1 when the heap is empty. */
    int peek() {
        return size == 0 ? -1 : heap[0];
    }

    /** The frame after the head in heap order, ignoring {@code skip}: the head's smallest child, or -1. */
    int peekExcept(int skip) {
        if (size == 0) {
            return -1;
        }
        if (heap[0] != skip) {
            return heap[0];
        }
        int best = -1;
        long bestKey = Long.MAX_VALUE;
        for (int c = 1; c <= ARITY && c < size; c++) {
            if (keys[c] < bestKey) {
                bestKey = keys[c];
                best = heap[c];
            }
        }
        return best;
    }

    /** Adds {@code frame} with {@code stamp}, or moves it to that stamp when it is already in. */
    void put(int frame, int stamp) {
        long k = key(stamp, frame);
        int s = slot[frame];
        if (s >= 0) {
            long old = keys[s];
            keys[s] = k;
            if (k < old) {
                up(s);
            } else if (k > old) {
                down(s);
            }
            return;
        }
        if (size == heap.length) {
            int grown = Math.min(Math.max(heap.length * 2, 16), slot.length);
            heap = Arrays.copyOf(heap, grown);
            keys = Arrays.copyOf(keys, grown);
        }
        heap[size] = frame;
        keys[size] = k;
        slot[frame] = size;
        size++;
        up(size - 1);
    }

    void remove(int frame) {
        int s = slot[frame];
        if (s < 0) {
            return;
        }
        slot[frame] = -1;
        size--;
        if (s == size) {
            return;
        }
        int last = heap[size];
        long lastKey = keys[size];
        heap[s] = last;
        keys[s] = lastKey;
        slot[last] = s;
        up(s);
        down(slot[last]);
    }

    private void up(int s) {
        int frame = heap[s];
        long k = keys[s];
        while (s > 0) {
            int parent = (s - 1) / ARITY;
            if (keys[parent] <= k) {
                break;
            }
            heap[s] = heap[parent];
            keys[s] = keys[parent];
            slot[heap[s]] = s;
            s = parent;
        }
        heap[s] = frame;
        keys[s] = k;
        slot[frame] = s;
    }

    private void down(int s) {
        int frame = heap[s];
        long k = keys[s];
        while (true) {
            int first = s * ARITY + 1;
            if (first >= size) {
                break;
            }
            int best = first;
            long bestKey = keys[first];
            int end = Math.min(first + ARITY, size);
            for (int c = first + 1; c < end; c++) {
                if (keys[c] < bestKey) {
                    best = c;
                    bestKey = keys[c];
                }
            }
            if (bestKey >= k) {
                break;
            }
            heap[s] = heap[best];
            keys[s] = bestKey;
            slot[heap[s]] = s;
            s = best;
        }
        heap[s] = frame;
        keys[s] = k;
        slot[frame] = s;
    }
}
