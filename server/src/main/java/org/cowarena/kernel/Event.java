package org.cowarena.kernel;

import java.util.List;
import org.cowarena.move.Advice;

/**
 * What a kernel operation caused. The UI, the narration, scoring, network deltas and
 * replays are all built from events. {@link #type()} is the name used in
 * {@code play --json}.
 */
public sealed interface Event {

    String type();

    /**
     * The key of a level's {@code explain} note for this event: its type, or for the huge-page
     * variants {@code huge-} and the type, so that a level can explain a huge page's fault
     * apart from a small page's (a level without such a note falls back to the type's).
     */
    default String explainKey() {
        return type();
    }

    /** A process forked: {@code child} shares every page of {@code pid}, copy-on-write. */
    record Fork(int pid, int child) implements Event {
        public String type() {
            return "fork";
        }
    }

    /** A process vforked: {@code child} borrows the address space; {@code pid} is blocked. */
    record VFork(int pid, int child) implements Event {
        public String type() {
            return "vfork";
        }
    }

    /** A process replaced its address space with a fresh image of {@code program}. */
    record Exec(int pid, String program) implements Event {
        public String type() {
            return "exec";
        }
    }

    /** A process exited. */
    record Exit(int pid) implements Event {
        public String type() {
            return "exit";
        }
    }

    /** A vfork parent may run again: its child execed or exited (or the parent's wait ended). */
    record Unblock(int pid, int child) implements Event {
        public String type() {
            return "unblock";
        }
    }

    /** A read of untouched anonymous memory mapped the shared zero page: no frame used. */
    record ZeroMap(int pid, int vpn) implements Event {
        public String type() {
            return "zero-map";
        }
    }

    /** A first write to anonymous memory allocated a zeroed frame. */
    record ZeroFill(int pid, int vpn, int frame) implements Event {
        public String type() {
            return "zero-fill";
        }
    }

    /** A first write to an untouched huge-page group allocated all its frames at once. */
    record HugeZeroFill(int pid, int vpn, int firstVpn, List<Integer> frames) implements Event {
        public HugeZeroFill {
            frames = List.copyOf(frames);
        }

        @Override
        public String explainKey() {
            return "huge-" + type();
        }

        public String type() {
            return "zero-fill";
        }
    }

    /**
     * A write to a copy-on-write page that others share, or to a private file page, was
     * copied into a new frame ({@code wp_page_copy}). {@code refs} is the old frame's count
     * before the copy.
     */
    record CowCopy(int pid, int vpn, int from, int to, int refs, FrameKind fromKind) implements Event {
        public String type() {
            return "cow-copy";
        }
    }

    /** A write to a shared huge page copied the whole huge page (kernels before 5.8). */
    record HugeCowCopy(int pid, int vpn, int firstVpn, List<Integer> from, List<Integer> to) implements Event {
        public HugeCowCopy {
            from = List.copyOf(from);
            to = List.copyOf(to);
        }

        @Override
        public String explainKey() {
            return "huge-" + type();
        }

        public String type() {
            return "cow-copy";
        }
    }

    /** A write to a copy-on-write page nobody else maps reused it in place ({@code wp_page_reuse}). */
    record CowReuse(int pid, int vpn, int frame) implements Event {
        public String type() {
            return "cow-reuse";
        }
    }

    /** The same, for a whole huge page. */
    record HugeCowReuse(int pid, int vpn, int firstVpn, List<Integer> frames) implements Event {
        public HugeCowReuse {
            frames = List.copyOf(frames);
        }

        @Override
        public String explainKey() {
            return "huge-" + type();
        }

        public String type() {
            return "cow-reuse";
        }
    }

    /** A huge mapping was split into small pages in one address space. */
    record Split(int pid, int firstVpn, int pages) implements Event {
        public String type() {
            return "thp-split";
        }
    }

    /** An access the process may not make; {@code cause} is {@code text} or {@code dontfork}. */
    record Segv(int pid, int vpn, String cause, boolean killed) implements Event {
        public String type() {
            return "segv";
        }
    }

    /**
     * The OOM killer killed {@code pid}. {@code scope} is {@code global} (the machine ran out)
     * or {@code cgroup} (the owner went over budget); {@code trigger} is the faulting pid.
     */
    record OomKill(int pid, long badness, String scope, String owner, int trigger) implements Event {
        public String type() {
            return "oom-kill";
        }
    }

    /**
     * A frame was allocated, charged to {@code owner}. For a page-cache frame, {@code value}
     * is the program page it was loaded with, as it was then: later events of the same move
     * (an OOM kill) may free the frame or give it to another page. For an anonymous frame it
     * is null: the fault that allocated it tells what it holds.
     */
    record Alloc(int frame, FrameKind kind, String owner, String value) implements Event {
        /** An anonymous frame's allocation. */
        public Alloc(int frame, FrameKind kind, String owner) {
            this(frame, kind, owner, null);
        }

        public String type() {
            return "alloc";
        }
    }

    /** A frame's last mapping went away and the frame is free again. */
    record Free(int frame, FrameKind kind) implements Event {
        public String type() {
            return "free";
        }
    }

    /** Advice was applied to a range of pages. */
    record Madvise(int pid, int from, int to, Advice advice) implements Event {
        public String type() {
            return "madvise";
        }
    }
}
