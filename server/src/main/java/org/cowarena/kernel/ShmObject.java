package org.cowarena.kernel;

import java.util.Arrays;

/**
 * A shared anonymous memory object (MAP_SHARED | MAP_ANONYMOUS), created by one exec and
 * shared with every fork child of that image: its pages live in {@code shm} frames that
 * every attached address space maps writable, so a write by anyone is seen by all and
 * nothing is ever copied. Its frames are freed when the last address space detaches.
 */
final class ShmObject {
    /** The frame of each page, or -1 before anyone touched it. */
    final int[] frame;
    /** Address spaces attached to it. */
    int attached;

    ShmObject(int pages) {
        this.frame = new int[pages];
        Arrays.fill(frame, -1);
        this.attached = 1;
    }

    ShmObject(ShmObject other) {
        this.frame = other.frame.clone();
        this.attached = other.attached;
    }
}
