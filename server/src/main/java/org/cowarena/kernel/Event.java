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

    /**
     * A huge mapping was split into small pages in one address space. {@code cause} says why:
     * {@code cow}, a write to a huge page shared copy-on-write (split instead of copied whole, as
     * kernels since 5.8 do, or for want of a free huge page); {@code zero}, a write to the huge
     * zero page under the split policy; {@code madvise}, an madvise range that cut through it.
     */
    record Split(int pid, int firstVpn, int pages, String cause) implements Event {
        public static final String COW = "cow";
        public static final String ZERO = "zero";
        public static final String MADVISE = "madvise";

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
     * {@code companions} died with it: the processes sharing its address space (a vfork
     * child with its parent), as {@code __oom_kill_process} kills them, but for those at -1000.
     */
    record OomKill(int pid, long badness, String scope, String owner, int trigger, List<Integer> companions)
            implements Event {
        public OomKill {
            companions = List.copyOf(companions);
        }

        /** A kill with no companion: nobody else shared the victim's address space. */
        public OomKill(int pid, long badness, String scope, String owner, int trigger) {
            this(pid, badness, scope, owner, trigger, List.of());
        }

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

    /** A frame's last mapping went away and the frame is free again (anonymous or shared memory). */
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

    /**
     * A page-cache frame's last mapping went away: it stays in the page cache ({@code cached}),
     * not counted as used, until reclaim takes it; an exec or fault that needs the page maps it
     * again without reading anything.
     */
    record Cached(int frame) implements Event {
        public String type() {
            return "cached";
        }
    }

    /**
     * Reclaim took {@code frame}, a clean page-cache page: a cached one, or a mapped one
     * unmapped from {@code pids} (reverse mapping), whose page is gone until a fault reads it
     * back. {@code program} and {@code page} say which file page it held; {@code scope} is
     * {@code global}, or {@code cgroup} when the owner's budget was full.
     */
    record Reclaim(int frame, String program, int page, List<Integer> pids, String scope) implements Event {
        public Reclaim {
            pids = List.copyOf(pids);
        }

        public String type() {
            return "reclaim";
        }
    }

    /** {@code pid} touched vpn {@code vpn}, a file page reclaim had taken: it was read back into {@code frame}. */
    record MajorFault(int pid, int vpn, int frame) implements Event {
        public String type() {
            return "major-fault";
        }
    }

    /** {@code pid} needed a file page the page cache still held in {@code frame}: mapped with no read. */
    record CacheHit(int pid, int vpn, int frame) implements Event {
        public String type() {
            return "cache-hit";
        }
    }

    /** {@code pid} touched a shared memory page first: a zero-filled {@code shm} frame joined the object. */
    record ShmFill(int pid, int vpn, int frame) implements Event {
        public String type() {
            return "shm-fill";
        }
    }

    /** {@code pid} touched a shared memory page another process had filled: it maps that frame. */
    record ShmMap(int pid, int vpn, int frame) implements Event {
        public String type() {
            return "shm-map";
        }
    }

    /** {@code pid} wrote a shared memory page: the one frame changed, seen by every process attached. */
    record SharedWrite(int pid, int vpn, int frame, String value) implements Event {
        public String type() {
            return "shared-write";
        }
    }

    /**
     * A {@code fork} or {@code exec} by {@code pid} failed with ENOMEM: committing {@code need}
     * more pages would break the overcommit policy {@code mode} ({@code committed} already,
     * CommitLimit {@code limit}). Nothing else changed.
     */
    record Enomem(int pid, String call, long need, long committed, long limit, Overcommit mode) implements Event {
        public String type() {
            return "enomem";
        }
    }

    /** A read of an untouched huge-page group mapped it whole to the huge zero page. */
    record HugeZeroMap(int pid, int vpn, int firstVpn, int pages) implements Event {
        public String type() {
            return "zero-map";
        }

        @Override
        public String explainKey() {
            return "huge-zero-map";
        }
    }
}
