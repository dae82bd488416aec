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

    static final byte WRITABLE = 1;
    static final byte COW = 2;
    static final byte DONTFORK = 4;
    static final byte WIPEONFORK = 8;
    /** Left out of this child by MADV_DONTFORK in its parent: any access is a segv. */
    static final byte ABSENT = 16;
    /** Part of a transparent huge page mapping. */
    static final byte HUGE = 32;
    static final byte NOHUGEPAGE = 64;

    final ProgramImage program;
    final int programIndex;
    final int[] frame;
    final byte[] flags;
    int users;
    /** Frames mapped (the zero page excluded), kept up to date for rss. */
    int mapped;

    AddressSpace(ProgramImage program, int programIndex) {
        this.program = program;
        this.programIndex = programIndex;
        this.frame = new int[program.size()];
        this.flags = new byte[program.size()];
        Arrays.fill(frame, UNMAPPED);
        this.users = 1;
    }

    AddressSpace(AddressSpace other) {
        this.program = other.program;
        this.programIndex = other.programIndex;
        this.frame = other.frame.clone();
        this.flags = other.flags.clone();
        this.users = other.users;
        this.mapped = other.mapped;
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
