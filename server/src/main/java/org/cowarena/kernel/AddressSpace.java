package org.cowarena.kernel;

import java.util.Arrays;

/**
 * A page table: one compact entry per virtual page, a frame number in an {@code int[]}
 * and flag bits in a {@code byte[]}. A vfork child shares its parent's address space,
 * so {@link #users} counts the processes using it.
 */
final class AddressSpace {
    static final int UNMAPPED = -1;
    /** The shared zero page: not one of the budget frames. */
    static final int ZERO_PAGE = -2;
    /** A file page reclaim took away: not present until a fault reads it back. */
    static final int GONE = -3;

    static final byte WRITABLE = 1;
    static final byte COW = 2;
    static final byte DONTFORK = 4;
    static final byte WIPEONFORK = 8;
    /** Left out of this child by MADV_DONTFORK in its parent: any access is a segv. */
    static final byte ABSENT = 16;
    /** Part of a transparent huge page mapping (or of the huge zero page). */
    static final byte HUGE = 32;
    static final byte NOHUGEPAGE = 64;

    final ProgramImage program;
    final int programIndex;
    final int[] frame;
    final byte[] flags;
    int users;
    /** Frames mapped (the zero page excluded), kept up to date for rss. */
    int mapped;
    /** mlockall: every page it maps is pinned against reclaim. */
    boolean locked;
    /** Private writable pages it commits (data, heap and stack pages not left out by dontfork). */
    int commit;
    /** Private writable pages (data, heap, stack) marked dontfork: a fork child does not commit them. */
    int dontforkPrivate;
    /** The shared memory object it is attached to, or null. */
    ShmObject shm;

    AddressSpace(ProgramImage program, int programIndex) {
        this.program = program;
        this.programIndex = programIndex;
        this.frame = new int[program.size()];
        this.flags = new byte[program.size()];
        Arrays.fill(frame, UNMAPPED);
        this.users = 1;
    }

    /** A copy; {@code shm} is the copy of this space's shared object in the same kernel copy. */
    AddressSpace(AddressSpace other, ShmObject shm) {
        this.program = other.program;
        this.programIndex = other.programIndex;
        this.frame = other.frame.clone();
        this.flags = other.flags.clone();
        this.users = other.users;
        this.mapped = other.mapped;
        this.locked = other.locked;
        this.commit = other.commit;
        this.dontforkPrivate = other.dontforkPrivate;
        this.shm = shm;
    }

    int size() {
        return frame.length;
    }

    boolean has(int vpn, byte flag) {
        return (flags[vpn] & flag) != 0;
    }

    void set(int vpn, byte flag) {
        flags[vpn] |= flag;
    }

    void clear(int vpn, byte flag) {
        flags[vpn] &= (byte) ~flag;
    }
}
