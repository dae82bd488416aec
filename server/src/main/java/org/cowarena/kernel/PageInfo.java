package org.cowarena.kernel;

/**
 * One page-table entry as players see it.
 *
 * @param frame  the frame number when {@code mapping} is {@link Mapping#FRAME}, else -1
 * @param kind   the frame's kind when mapped to a frame, else null
 * @param value  what the page holds ("0" for the zero page), null when unmapped
 * @param refs   the frame's reference count, 0 when not mapped to a frame
 */
public record PageInfo(int vpn, Segment segment, Mapping mapping, int frame, FrameKind kind, String value,
                       int refs, boolean writable, boolean cow, boolean huge, boolean dontfork,
                       boolean wipeonfork) {

    /** How a virtual page is backed. */
    public enum Mapping {
        /** Not mapped: a read maps the zero page, a write zero-fills a frame. */
        UNMAPPED,
        /** Mapped read-only to the shared zero page. */
        ZERO,
        /** Mapped to a physical frame. */
        FRAME,
        /** Left out of this child by MADV_DONTFORK: any access is a segv. */
        ABSENT,
        /** A file page reclaim took away: the next touch reads it back (a major fault). */
        GONE
    }

    public boolean present() {
        return mapping == Mapping.ZERO || mapping == Mapping.FRAME;
    }
}
