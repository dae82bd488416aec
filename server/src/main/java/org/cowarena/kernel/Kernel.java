package org.cowarena.kernel;

import static org.cowarena.kernel.AddressSpace.ABSENT;
import static org.cowarena.kernel.AddressSpace.COW;
import static org.cowarena.kernel.AddressSpace.DONTFORK;
import static org.cowarena.kernel.AddressSpace.GONE;
import static org.cowarena.kernel.AddressSpace.HUGE;
import static org.cowarena.kernel.AddressSpace.NOHUGEPAGE;
import static org.cowarena.kernel.AddressSpace.UNMAPPED;
import static org.cowarena.kernel.AddressSpace.WIPEONFORK;
import static org.cowarena.kernel.AddressSpace.WRITABLE;
import static org.cowarena.kernel.AddressSpace.ZERO_PAGE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import org.cowarena.move.Advice;
import org.cowarena.move.Move;

/**
 * The simulated kernel: physical frames with reference counts, per-process page
 * tables, and the fork / vfork / exec / read / write / exit / madvise system calls
 * with Linux's copy-on-write semantics, its page cache and reclaim, shared anonymous
 * memory and commit accounting. The rules are written out in {@code docs/kernel.md};
 * the comments here name the Linux functions they model.
 *
 * <p>Pure and deterministic: no I/O, no clocks, no threads, no randomness. Every
 * operation returns the events it caused, or a refusal with a reason after which
 * nothing has changed. Not thread-safe: one game thread owns a kernel.
 *
 * <p>The operation counter ({@link #operations()}) goes up by one for every operation
 * applied — each move, setup move and start-up write; a refused one leaves it as it was.
 * A page-cache frame is stamped with it when exec or a fault maps it, when it is read and
 * when its process fetches code from it: reclaim takes the frame with the lowest stamp.
 */
public final class Kernel {
    /** The oom_score_adj that exempts a process from the OOM killer. */
    public static final int OOM_SCORE_ADJ_MIN = -1000;
    public static final int OOM_SCORE_ADJ_MAX = 1000;
    private static final long NO_BUDGET = Integer.MAX_VALUE;

    private final MemoryConfig config;
    private final List<ProgramImage> programs;
    private final Map<String, Integer> programIndex;
    private final List<String> owners;
    private final Map<String, Integer> ownerIndex;

    private PhysicalMemory mem;
    /** Per program, the page-cache frame of each text and data page, or -1. */
    private int[][] pageCache;
    /** Frames charged per owner: mapped, cached and shared ones alike. */
    private int[] charge;
    /** Budget per owner index; {@link #NO_BUDGET} when the owner has none. */
    private long[] budget;
    private TreeMap<Integer, Task> tasks;
    private int highestPid;
    private int created;
    private Counters counters;
    /** Operations applied so far: the clock that page-cache stamps read. */
    private int clock;
    /** Pages committed: private writable pages of every live address space, each shared object once. */
    private long committed;

    /** Set when an operation may have to undo its changes; see {@link #beginUndoable()}. */
    private Kernel undoPoint;
    private String pressureRefusal;

    public Kernel(MemoryConfig config, List<ProgramImage> programs) {
        this.config = config;
        this.programs = List.copyOf(programs);
        this.programIndex = new HashMap<>();
        for (int i = 0; i < this.programs.size(); i++) {
            if (programIndex.put(this.programs.get(i).name(), i) != null) {
                throw new IllegalArgumentException("program defined twice: " + this.programs.get(i).name());
            }
        }
        this.owners = new ArrayList<>();
        this.ownerIndex = new HashMap<>();
        this.mem = new PhysicalMemory(config.frames());
        this.pageCache = new int[this.programs.size()][];
        for (int i = 0; i < pageCache.length; i++) {
            pageCache[i] = new int[this.programs.get(i).fileSize()];
            Arrays.fill(pageCache[i], -1);
        }
        this.charge = new int[0];
        this.budget = new long[0];
        this.tasks = new TreeMap<>();
        this.counters = new Counters();
        config.budgets().keySet().forEach(this::ownerIndexOf);
    }

    private Kernel(Kernel other) {
        this.config = other.config;
        this.programs = other.programs;
        this.programIndex = other.programIndex;
        this.owners = new ArrayList<>(other.owners);
        this.ownerIndex = new HashMap<>(other.ownerIndex);
        this.budget = other.budget.clone();
        copyStateFrom(other);
    }

    /** A deep copy: the same state, evolving independently (undo, search). */
    public Kernel copy() {
        return new Kernel(this);
    }

    private void copyStateFrom(Kernel other) {
        this.mem = new PhysicalMemory(other.mem);
        this.pageCache = new int[other.pageCache.length][];
        for (int i = 0; i < pageCache.length; i++) {
            pageCache[i] = other.pageCache[i].clone();
        }
        this.charge = other.charge.clone();
        IdentityHashMap<AddressSpace, AddressSpace> spaces = new IdentityHashMap<>();
        IdentityHashMap<ShmObject, ShmObject> objects = new IdentityHashMap<>();
        this.tasks = new TreeMap<>();
        for (Task t : other.tasks.values()) {
            AddressSpace mm = t.mm == null ? null : spaces.computeIfAbsent(t.mm, m -> new AddressSpace(m,
                    m.shm == null ? null : objects.computeIfAbsent(m.shm, ShmObject::new)));
            tasks.put(t.pid, new Task(t, mm));
        }
        this.highestPid = other.highestPid;
        this.created = other.created;
        this.counters = other.counters.copy();
        this.clock = other.clock;
        this.committed = other.committed;
    }

    // ---------------------------------------------------------------- moves

    /** Applies a move. A refused move changes nothing. */
    public Outcome apply(Move move) {
        // Java 17 has no pattern switch: one instanceof per permitted record.
        if (move instanceof Move.Fork m) {
            return fork(m.pid());
        } else if (move instanceof Move.VFork m) {
            return vfork(m.pid());
        } else if (move instanceof Move.Exec m) {
            return exec(m.pid(), m.program());
        } else if (move instanceof Move.Write m) {
            return write(m.pid(), m.vpn(), m.value());
        } else if (move instanceof Move.Read m) {
            return read(m.pid(), m.vpn());
        } else if (move instanceof Move.Exit m) {
            return exit(m.pid());
        } else if (move instanceof Move.Madvise m) {
            return madvise(m.pid(), m.from(), m.to(), m.advice());
        } else if (move instanceof Move.Pass) {
            clock++;
            return Outcome.done(List.of());
        }
        throw new IllegalArgumentException("unknown move " + move);
    }

    /**
     * Starts a process the level lists: a new process (ppid 0) that execs
     * {@code program}. Used for the start of play, not as a player's move: it is no
     * operation (its page-cache frames are stamped with the count as it stands), it
     * fetches nothing and its commit is not checked.
     */
    public Outcome spawn(int pid, String program, String owner, int oomScoreAdj) {
        return spawn(pid, program, owner, oomScoreAdj, false);
    }

    /** As {@link #spawn(int, String, String, int)}; {@code mlock} pins every page its address space maps (mlockall). */
    public Outcome spawn(int pid, String program, String owner, int oomScoreAdj, boolean mlock) {
        String problem = newPidProblem(pid, oomScoreAdj);
        if (problem == null && !programIndex.containsKey(program)) {
            problem = "unknown program \"" + program + "\"";
        }
        if (problem != null) {
            return refuse(problem);
        }
        Kernel before = copy();
        int index = programIndex.get(program);
        Task t = new Task(pid, 0, owner, ownerIndexOf(owner), oomScoreAdj, created++);
        tasks.put(pid, t);
        highestPid = Math.max(highestPid, pid);
        List<Event> events = new ArrayList<>();
        events.add(new Event.Exec(pid, program));
        // The copy taken above is the undo point: the OOM path need not take another, and no
        // stale one may outlive the start.
        undoPoint = before;
        try {
            Pressure p = mapImage(t, index, mlock, events);
            if (p == Pressure.REFUSED || p == Pressure.SELF_KILLED) {
                String why = p == Pressure.REFUSED ? pressureRefusal : "the OOM killer killed it";
                pressureRefusal = null;
                restoreFrom(before);
                return refuse(why);
            }
            return Outcome.done(events);
        } finally {
            undoPoint = null;
        }
    }

    /**
     * Starts a process the level lists as a fork of an earlier one, then moved to
     * {@code owner}'s memory cgroup, as Android's zygote forks an app and hands it to the
     * app's uid. Moving a task does not move its charges (cgroup v2 leaves them with the
     * cgroup that faulted the pages in), so the shared frames stay charged to the
     * parent's owner; what the child copies or fills later is charged to its own. Like
     * {@link #spawn}, it is no operation and its commit is not checked.
     */
    public Outcome spawnFork(int pid, int parentPid, String owner, int oomScoreAdj) {
        String problem = newPidProblem(pid, oomScoreAdj);
        Task parent = tasks.get(parentPid);
        if (problem == null) {
            problem = actorProblem(parentPid, parent, true);
        }
        if (problem != null) {
            return refuse(problem);
        }
        return Outcome.done(List.of(forkInto(parent, pid, owner, oomScoreAdj, childCommit(parent.mm))));
    }

    /**
     * A value the level writes at the start of play: an operation (the count goes up) that
     * fetches no code. A start whose writes need the OOM killer is refused by the level.
     */
    public Outcome startWrite(int pid, int vpn, String value) {
        return write(pid, vpn, value, false);
    }

    private String newPidProblem(int pid, int oomScoreAdj) {
        if (pid < 1) {
            return "pid must be at least 1, was " + pid;
        }
        if (tasks.containsKey(pid)) {
            return "pid " + pid + " is already used";
        }
        if (oomScoreAdj < OOM_SCORE_ADJ_MIN || oomScoreAdj > OOM_SCORE_ADJ_MAX) {
            return "oomScoreAdj must be between -1000 and 1000, was " + oomScoreAdj;
        }
        return null;
    }

    /** What an operation does once its code is fetched; null when it is done with the events it added. */
    private interface Body {
        Outcome perform(List<Event> events);
    }

    /**
     * Runs one operation of {@code t}: the count goes up, the process fetches its code
     * (when {@code fetch}), then {@code body} runs. {@code need} is the most frames it can
     * allocate: when reclaim could not surely find them, the state is kept to undo a refusal.
     */
    private Outcome operation(Task t, boolean fetch, int need, Body body) {
        int before = clock;
        if (mayRunOut(t, need)) {
            beginUndoable();
        }
        clock++;
        List<Event> events = new ArrayList<>(8);
        try {
            if (fetch) {
                Pressure p = fetchCode(t, events);
                if (p == Pressure.REFUSED) {
                    return undo(before);
                }
                if (p == Pressure.SELF_KILLED) {
                    return Outcome.done(events);
                }
            }
            Outcome outcome = body.perform(events);
            if (outcome == null) {
                return Outcome.done(events);
            }
            return outcome.ok() ? outcome : undo(before);
        } finally {
            undoPoint = null;
        }
    }

    /** True when allocating {@code need} frames could end in the OOM path rather than in reclaim. */
    private boolean mayRunOut(Task t, int need) {
        // One frame less: the source of a COW copy cannot be reclaimed during its own fault.
        long supply = (long) mem.freeCount() + mem.cachedOrder.size() + mem.mappedOrder.size() - 1;
        if (supply < need) {
            return true;
        }
        int o = t.ownerIndex;
        if (budget[o] == NO_BUDGET) {
            return false;
        }
        long own = budget[o] - charge[o] + mem.cachedOrder(o).size() + mem.mappedOrder(o).size() - 1;
        return own < need;
    }

    /** fork(2): the child gets a copy of the page table; private writable pages become COW in both. */
    public Outcome fork(int pid) {
        Task parent = tasks.get(pid);
        String problem = actorProblem(pid, parent, true);
        if (problem != null) {
            return refuse(problem);
        }
        return operation(parent, true, 1, events -> {
            if (!parent.state.alive()) {
                return null;
            }
            // dup_mmap → security_vm_enough_memory_mm: the child commits its private writable pages.
            int commit = childCommit(parent.mm);
            Event.Enomem enomem = commitCheck(parent, "fork", commit);
            if (enomem != null) {
                events.add(enomem);
                return null;
            }
            events.add(forkInto(parent, highestPid + 1, parent.owner, parent.oomScoreAdj, commit));
            return null;
        });
    }

    /** The pages a fork child of {@code mm} commits: its private writable pages, less those dontfork leaves out. */
    private static int childCommit(AddressSpace mm) {
        return mm.commit - mm.dontforkPrivate;
    }

    private Event forkInto(Task parent, int childPid, String owner, int oomScoreAdj, int commit) {
        int pid = parent.pid;
        Task child = new Task(childPid, pid, owner, ownerIndexOf(owner), oomScoreAdj, created++);
        child.program = parent.program;
        AddressSpace pm = parent.mm;
        AddressSpace cm = new AddressSpace(pm, null);
        cm.users = 1;
        cm.locked = false;
        cm.commit = commit;
        cm.dontforkPrivate = 0; // the parent's dontfork pages are absent in the child
        int shared = pm.program.sharedStart();
        // Private pages are write-protected for COW; a shared mapping's are not.
        cm.mapped -= copyPtes(mem.refs, pm, cm, 0, shared, true)
                + copyPtes(mem.refs, pm, cm, shared, pm.size(), false);
        if (pm.shm != null && attachedSpace(cm)) {
            cm.shm = pm.shm;
            cm.shm.attached++;
        }
        committed += commit;
        child.mm = cm;
        tasks.put(childPid, child);
        highestPid = Math.max(highestPid, childPid);
        return new Event.Fork(pid, childPid);
    }

    /**
     * {@code copy_page_range} for vpns {@code from} to {@code to}: the child's entries are the
     * parent's, every mapped frame gains a reference, and with {@code cow} every writable entry
     * becomes read-only and copy-on-write in both ({@code __copy_present_ptes}); entries of
     * dontfork and wipeonfork pages are skipped ({@code dup_mmap} skips those VMAs). Returns
     * how many mapped entries were skipped. Kept small and static so the JIT compiles the loop
     * on its own.
     */
    private static int copyPtes(int[] refs, AddressSpace pm, AddressSpace cm, int from, int to, boolean cow) {
        int[] pf = pm.frame;
        byte[] pflags = pm.flags;
        int[] cf = cm.frame;
        byte[] cflags = cm.flags;
        int dropped = 0;
        for (int v = from; v < to; v++) {
            byte f = pflags[v];
            int fr = pf[v];
            if ((f & (DONTFORK | WIPEONFORK)) != 0) {
                if (fr >= 0) {
                    dropped++;
                }
                cf[v] = UNMAPPED;
                cflags[v] = (f & DONTFORK) != 0 ? ABSENT : (byte) (f & (WIPEONFORK | NOHUGEPAGE));
                continue;
            }
            if (fr >= 0) {
                refs[fr]++;
                if (cow && (f & WRITABLE) != 0) {
                    byte cowFlags = (byte) ((f & ~WRITABLE) | COW);
                    pflags[v] = cowFlags;
                    cflags[v] = cowFlags;
                }
            }
        }
        return dropped;
    }

    /** A space stays attached to its shared object while one of its shared vpns is not left out. */
    private static boolean attachedSpace(AddressSpace mm) {
        ProgramImage image = mm.program;
        for (int v = image.sharedStart(), end = image.size(); v < end; v++) {
            if ((mm.flags[v] & ABSENT) == 0) {
                return true;
            }
        }
        return false;
    }

    /** vfork(2): the child borrows the parent's address space; the parent blocks. No commit. */
    public Outcome vfork(int pid) {
        Task parent = tasks.get(pid);
        String problem = actorProblem(pid, parent, true);
        if (problem != null) {
            return refuse(problem);
        }
        return operation(parent, true, 1, events -> {
            if (!parent.state.alive()) {
                return null;
            }
            int childPid = highestPid + 1;
            Task child = new Task(childPid, pid, parent.owner, parent.ownerIndex, parent.oomScoreAdj, created++);
            child.program = parent.program;
            child.mm = parent.mm;
            child.mm.users++;
            child.inVfork = true;
            child.vforkParent = pid;
            parent.state = TaskState.BLOCKED;
            tasks.put(childPid, child);
            highestPid = childPid;
            events.add(new Event.VFork(pid, childPid));
            return null;
        });
    }

    /** execve(2): drops the address space and maps a fresh image through the page cache. */
    public Outcome exec(int pid, String program) {
        Task t = tasks.get(pid);
        String problem = actorProblem(pid, t, false);
        if (problem != null) {
            return refuse(problem);
        }
        Integer index = programIndex.get(program);
        if (index == null) {
            return refuse("unknown program \"" + program + "\"");
        }
        ProgramImage image = programs.get(index);
        return operation(t, true, 1 + image.fileSize(), events -> {
            if (!t.state.alive()) {
                return null;
            }
            // The check comes before exec changes anything, with the old image still committed
            // (Linux releases the old image first, and failing there kills the process).
            Event.Enomem enomem = commitCheck(t, "exec", image.commit());
            if (enomem != null) {
                events.add(enomem);
                return null;
            }
            events.add(new Event.Exec(pid, program));
            leaveAddressSpace(t, events);
            Pressure p = mapImage(t, index, false, events);
            return p == Pressure.REFUSED ? Outcome.refused(pressureRefusal) : null;
        });
    }

    /**
     * Gives {@code t} a new address space for program {@code index} and maps its file pages
     * through the page cache: a cached page is mapped again (a cache hit), a missing one is
     * loaded into a frame (an allocation, not a major fault).
     */
    private Pressure mapImage(Task t, int index, boolean locked, List<Event> events) {
        ProgramImage image = programs.get(index);
        t.mm = new AddressSpace(image, index);
        t.mm.locked = locked;
        t.mm.commit = image.commit() - image.shared();
        t.program = image.name();
        committed += image.commit();
        if (image.shared() > 0) {
            t.mm.shm = new ShmObject(image.shared());
        }
        int[] cache = pageCache[index];
        for (int i = 0; i < image.fileSize(); ) {
            if (!t.state.alive()) {
                return Pressure.SELF_KILLED;
            }
            int frame = cache[i];
            if (frame >= 0) {
                if (mem.isCached(frame)) {
                    counters.cacheHits++;
                    events.add(new Event.CacheHit(t.pid, i, frame));
                }
                mapFile(t.mm, i, frame, false);
                i++;
                continue;
            }
            Pressure p = ensureFrames(t, 1, -1, events);
            if (p == Pressure.REFUSED || p == Pressure.SELF_KILLED) {
                return p;
            }
            if (p == Pressure.RETRY) {
                continue;
            }
            frame = loadFilePage(t, index, i, events);
            mapFile(t.mm, i, frame, true);
            i++;
        }
        return Pressure.OK;
    }

    private int loadFilePage(Task t, int index, int page, List<Event> events) {
        ProgramImage image = programs.get(index);
        boolean text = page < image.text().size();
        String value = text ? image.text().get(page) : image.data().get(page - image.text().size());
        int frame = allocate(t, PhysicalMemory.FILE, value, events);
        mem.cacheKey[frame] = PhysicalMemory.cacheKey(index, page);
        pageCache[index][page] = frame;
        return frame;
    }

    /** Maps page-cache {@code frame} at {@code vpn}, read-only (data as a private COW mapping), stamped now. */
    private void mapFile(AddressSpace mm, int vpn, int frame, boolean fresh) {
        if (!fresh) {
            if (mem.isCached(frame)) {
                mem.fromCache(frame);
            }
            mem.refs[frame]++;
        }
        if (mm.locked) {
            mem.lockedRefs[frame]++;
        }
        mm.frame[vpn] = frame;
        // Data is a private file mapping: read-only until a write copies it.
        mm.flags[vpn] = mm.program.segment(vpn) == Segment.DATA
                ? (byte) ((mm.flags[vpn] & ~WRITABLE) | COW) : (byte) (mm.flags[vpn] & ~(WRITABLE | COW));
        mm.mapped++;
        mem.stamp[frame] = clock;
        mem.order(frame);
    }

    /** exit(2). A vfork child's exit unmaps nothing and releases its parent. */
    public Outcome exit(int pid) {
        Task t = tasks.get(pid);
        String problem = actorProblem(pid, t, false);
        if (problem != null) {
            return refuse(problem);
        }
        return operation(t, true, 1, events -> {
            if (t.state.alive()) {
                events.add(new Event.Exit(pid));
                terminate(t, TaskState.EXITED, events);
            }
            return null;
        });
    }

    /**
     * A read: untouched anonymous memory maps the shared zero page ({@code do_anonymous_page}),
     * or the huge zero page for an untouched huge-page group; a page reclaim took is read
     * back; a shared memory page is found in its object or filled.
     */
    public Outcome read(int pid, int vpn) {
        Task t = tasks.get(pid);
        String problem = actorProblem(pid, t, false);
        if (problem == null) {
            problem = vpnProblem(t, vpn);
        }
        if (problem != null) {
            return refuse(problem);
        }
        return operation(t, true, 2, events -> {
            while (t.state.alive()) {
                AddressSpace mm = t.mm;
                int fr = mm.frame[vpn];
                if (mm.has(vpn, ABSENT)) {
                    segv(t, vpn, "dontfork", events);
                    return null;
                }
                if (fr == GONE) {
                    Pressure p = faultIn(t, vpn, events);
                    return p == Pressure.REFUSED ? Outcome.refused(pressureRefusal) : null;
                }
                if (fr >= 0) {
                    mem.touch(fr, clock);
                    return null;
                }
                if (fr == ZERO_PAGE) {
                    return null;
                }
                if (mm.program.segment(vpn) == Segment.SHARED) {
                    Pressure p = shmTouch(t, vpn, events);
                    if (p == Pressure.REFUSED) {
                        return Outcome.refused(pressureRefusal);
                    }
                    if (p == Pressure.RETRY) {
                        continue;
                    }
                    return null;
                }
                int first = untouchedHugeGroup(mm, vpn);
                if (first >= 0) {
                    // do_huge_pmd_anonymous_page: a read fault maps the huge zero page.
                    int n = config.hugePage();
                    for (int v = first; v < first + n; v++) {
                        mm.frame[v] = ZERO_PAGE;
                        mm.set(v, HUGE);
                    }
                    counters.zeroMaps++;
                    events.add(new Event.HugeZeroMap(pid, vpn, first, n));
                    return null;
                }
                mm.frame[vpn] = ZERO_PAGE;
                counters.zeroMaps++;
                events.add(new Event.ZeroMap(pid, vpn));
                return null;
            }
            return null;
        });
    }

    /** A write, evaluated as the page-fault handler would (in order: segv, shared, gone, zero-fill, COW). */
    public Outcome write(int pid, int vpn, String value) {
        return write(pid, vpn, value, true);
    }

    private Outcome write(int pid, int vpn, String value, boolean fetch) {
        Task t = tasks.get(pid);
        String problem = actorProblem(pid, t, false);
        if (problem == null) {
            problem = vpnProblem(t, vpn);
        }
        if (problem != null) {
            return refuse(problem);
        }
        AddressSpace mm = t.mm;
        if ((mm.flags[vpn] & WRITABLE) != 0 && mem.kind[mm.frame[vpn]] == PhysicalMemory.ANON
                && (!fetch || !needsFetch(mm))) {
            // A private writable page: the value changes, nothing else (but the count and the code's stamp).
            clock++;
            if (fetch) {
                stampCode(mm);
            }
            mem.value[mm.frame[vpn]] = value;
            return Outcome.done(List.of());
        }
        int need = 2 + Math.max(1, config.hugePage());
        return operation(t, fetch, need, events -> writeFault(t, vpn, value, events));
    }

    /** The fault path; returns null when done with {@code events}, or a refusal. */
    private Outcome writeFault(Task t, int vpn, String value, List<Event> events) {
        while (true) {
            if (!t.state.alive()) {
                return null;
            }
            AddressSpace mm = t.mm;
            byte f = mm.flags[vpn];
            int fr = mm.frame[vpn];
            Segment segment = mm.program.segment(vpn);
            if (segment == Segment.TEXT || (f & ABSENT) != 0) {
                segv(t, vpn, (f & ABSENT) != 0 ? "dontfork" : "text", events);
                return null;
            }
            if (segment == Segment.SHARED) {
                if (fr < 0) {
                    Pressure p = shmTouch(t, vpn, events);
                    if (p == Pressure.REFUSED) {
                        return Outcome.refused(pressureRefusal);
                    }
                    continue;
                }
                mem.value[fr] = value;
                mem.written[fr] = true;
                events.add(new Event.SharedWrite(t.pid, vpn, fr, value));
                return null;
            }
            if ((f & WRITABLE) != 0) {
                mem.value[fr] = value;
                return null;
            }
            if (fr == GONE) {
                // A write to a data page reclaim took reads the file page back, then copies it.
                Pressure p = faultIn(t, vpn, events);
                if (p == Pressure.REFUSED) {
                    return Outcome.refused(pressureRefusal);
                }
                continue;
            }
            if (fr == ZERO_PAGE && (f & HUGE) != 0) {
                int first = hugeGroupStart(mm, vpn);
                int n = config.hugePage();
                if (config.thpCow() == ThpCow.COPY_HUGE && canAllocate(t, n)) {
                    // Before 5.8, a write to the huge zero page allocated a whole huge page.
                    hugeZeroFill(t, vpn, first, value, events);
                    return null;
                }
                split(t, first, Event.Split.ZERO, events);
                continue;
            }
            if (fr == UNMAPPED || fr == ZERO_PAGE) {
                int first = untouchedHugeGroup(mm, vpn);
                int n = config.hugePage();
                if (first >= 0 && canAllocate(t, n)) {
                    hugeZeroFill(t, vpn, first, value, events);
                    return null;
                }
                // Short of frames for a huge page, Linux falls back to a small one.
                Pressure p = ensureFrames(t, 1, -1, events);
                if (p == Pressure.REFUSED) {
                    return Outcome.refused(pressureRefusal);
                }
                if (p == Pressure.RETRY || p == Pressure.SELF_KILLED) {
                    continue;
                }
                zeroFill(t, vpn, value, events);
                return null;
            }
            boolean exclusiveAnon = mem.kind[fr] == PhysicalMemory.ANON && mem.refs[fr] == 1;
            if ((f & HUGE) != 0) {
                int first = hugeGroupStart(mm, vpn);
                int n = config.hugePage();
                if (hugeGroupExclusive(mm, first)) {
                    hugeReuse(t, vpn, first, value, events);
                    return null;
                }
                if (config.thpCow() == ThpCow.COPY_HUGE && canAllocate(t, n)) {
                    hugeCopy(t, vpn, first, value, events);
                    return null;
                }
                if (!exclusiveAnon) {
                    Pressure p = ensureFrames(t, 1, fr, events);
                    if (p == Pressure.REFUSED) {
                        return Outcome.refused(pressureRefusal);
                    }
                    if (p != Pressure.OK) {
                        continue;
                    }
                }
                split(t, first, Event.Split.COW, events);
            }
            if (exclusiveAnon) {
                // do_wp_page: "us being the last reference standing to the page".
                mm.flags[vpn] = (byte) ((mm.flags[vpn] & ~COW) | WRITABLE);
                counters.reuses++;
                events.add(new Event.CowReuse(t.pid, vpn, fr));
                mem.value[fr] = value;
                return null;
            }
            // The source of the copy cannot be reclaimed during its own fault.
            Pressure p = ensureFrames(t, 1, fr, events);
            if (p == Pressure.REFUSED) {
                return Outcome.refused(pressureRefusal);
            }
            if (p != Pressure.OK) {
                continue;
            }
            cowCopy(t, vpn, value, events);
            return null;
        }
    }

    /** madvise(2) on a vpn range. */
    public Outcome madvise(int pid, int from, int to, Advice advice) {
        Task t = tasks.get(pid);
        String problem = actorProblem(pid, t, true);
        if (problem == null) {
            problem = vpnProblem(t, from);
        }
        if (problem == null && to != from) {
            problem = to < from ? "range " + from + "-" + to + " ends before it starts" : vpnProblem(t, to);
        }
        if (problem == null) {
            problem = adviceProblem(t, from, to, advice);
        }
        if (problem != null) {
            return refuse(problem);
        }
        return operation(t, true, 1, events -> {
            if (!t.state.alive()) {
                return null;
            }
            AddressSpace mm = t.mm;
            // The range's edges split a huge mapping they cut through, as split_vma does
            // (vma_adjust_trans_huge) for every advice that changes a VMA's flags; an edge on
            // a huge page boundary splits nothing. A huge page thus never spans pages with
            // different advice, which fork relies on.
            splitIfCut(t, from, false, events);
            splitIfCut(t, to, true, events);
            for (int v = from; v <= to; v++) {
                Segment segment = mm.program.segment(v);
                boolean privatePage = segment != Segment.TEXT && segment != Segment.SHARED;
                if (privatePage && advice == Advice.DONTFORK && !mm.has(v, DONTFORK)) {
                    mm.dontforkPrivate++;
                } else if (privatePage && advice == Advice.DOFORK && mm.has(v, DONTFORK)) {
                    mm.dontforkPrivate--;
                }
                switch (advice) {
                    case DONTFORK -> mm.set(v, DONTFORK);
                    case DOFORK -> mm.clear(v, DONTFORK);
                    case WIPEONFORK -> mm.set(v, WIPEONFORK);
                    case KEEPONFORK -> mm.clear(v, WIPEONFORK);
                    case HUGEPAGE -> mm.clear(v, NOHUGEPAGE);
                    case NOHUGEPAGE -> mm.set(v, NOHUGEPAGE);
                }
            }
            events.add(new Event.Madvise(pid, from, to, advice));
            return null;
        });
    }

    private static String adviceProblem(Task t, int from, int to, Advice advice) {
        AddressSpace mm = t.mm;
        ProgramImage image = mm.program;
        for (int v = from; v <= to; v++) {
            if (mm.has(v, ABSENT)) {
                return "vpn " + v + " is not mapped in process " + t.pid
                        + " (its parent's MADV_DONTFORK left it out)";
            }
            Segment s = image.segment(v);
            boolean privateAnon = s == Segment.HEAP || s == Segment.STACK;
            // MADV_KEEPONFORK is accepted on any mapping: it only clears wipeonfork.
            if (advice == Advice.WIPEONFORK && !privateAnon) {
                return "MADV_WIPEONFORK applies to private anonymous memory only (heap and stack); vpn " + v
                        + " is " + s.label();
            }
            if ((advice == Advice.HUGEPAGE || advice == Advice.NOHUGEPAGE) && s != Segment.HEAP) {
                return "transparent huge pages back the heap only; vpn " + v + " is " + s.label();
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- fault handling

    /** True when the process's first page is code that reclaim took: its next move reads it back first. */
    private static boolean needsFetch(AddressSpace mm) {
        return mm.size() > 0 && mm.program.segment(0) == Segment.TEXT && mm.frame[0] == GONE;
    }

    private void stampCode(AddressSpace mm) {
        if (mm.size() > 0 && mm.program.segment(0) == Segment.TEXT && mm.frame[0] >= 0) {
            mem.touch(mm.frame[0], clock);
        }
    }

    /**
     * The instruction fetch that starts every move of a process: its code page (vpn 0) is
     * stamped as used, or read back first when reclaim took it. A page dontfork left out is
     * not fetched.
     */
    private Pressure fetchCode(Task t, List<Event> events) {
        AddressSpace mm = t.mm;
        if (needsFetch(mm)) {
            return faultIn(t, 0, events);
        }
        stampCode(mm);
        return Pressure.OK;
    }

    /**
     * Brings back a file page reclaim took from {@code t}'s address space: the page cache may
     * still hold it (a cache hit: another process read it back, or it is cached), else it is
     * read into a new frame ({@code filemap_fault}: a major fault). Starts again after an OOM
     * kill; returns OK, REFUSED, or SELF_KILLED when the mover died.
     */
    private Pressure faultIn(Task t, int vpn, List<Event> events) {
        while (true) {
            if (!t.state.alive()) {
                return Pressure.SELF_KILLED;
            }
            AddressSpace mm = t.mm;
            int frame = pageCache[mm.programIndex][vpn];
            if (frame >= 0) {
                counters.cacheHits++;
                events.add(new Event.CacheHit(t.pid, vpn, frame));
                mapFile(mm, vpn, frame, false);
                return Pressure.OK;
            }
            Pressure p = ensureFrames(t, 1, -1, events);
            if (p == Pressure.RETRY) {
                continue;
            }
            if (p != Pressure.OK) {
                return p;
            }
            frame = loadFilePage(t, mm.programIndex, vpn, events);
            counters.majorFaults++;
            events.add(new Event.MajorFault(t.pid, vpn, frame));
            mapFile(mm, vpn, frame, true);
            return Pressure.OK;
        }
    }

    /**
     * A first touch of a shared memory page: the object's frame when someone filled it
     * ({@code shm-map}), else a new zero-filled {@code shm} frame ({@code shm-fill}), charged
     * to the toucher's owner. Mapped writable: a shared mapping is never copied on write.
     */
    private Pressure shmTouch(Task t, int vpn, List<Event> events) {
        AddressSpace mm = t.mm;
        ShmObject object = mm.shm;
        int page = vpn - mm.program.sharedStart();
        int frame = object.frame[page];
        if (frame >= 0) {
            mem.refs[frame]++;
            events.add(new Event.ShmMap(t.pid, vpn, frame));
        } else {
            Pressure p = ensureFrames(t, 1, -1, events);
            if (p != Pressure.OK) {
                return p;
            }
            frame = allocate(t, PhysicalMemory.SHM, "0", events);
            object.frame[page] = frame;
            events.add(new Event.ShmFill(t.pid, vpn, frame));
        }
        mm.frame[vpn] = frame;
        mm.flags[vpn] = (byte) ((mm.flags[vpn] & ~COW) | WRITABLE);
        mm.mapped++;
        return Pressure.OK;
    }

    private void zeroFill(Task t, int vpn, String value, List<Event> events) {
        AddressSpace mm = t.mm;
        int frame = allocate(t, PhysicalMemory.ANON, "0", events);
        mm.frame[vpn] = frame;
        mm.flags[vpn] = (byte) ((mm.flags[vpn] & ~COW) | WRITABLE);
        mm.mapped++;
        counters.zeroFills++;
        events.add(new Event.ZeroFill(t.pid, vpn, frame));
        mem.value[frame] = value;
    }

    private void cowCopy(Task t, int vpn, String value, List<Event> events) {
        AddressSpace mm = t.mm;
        int old = mm.frame[vpn];
        int refsBefore = mem.refs[old];
        FrameKind oldKind = mem.kindOf(old);
        // wp_page_copy: a new anonymous page, charged to the faulting process's cgroup.
        int frame = allocate(t, PhysicalMemory.ANON, mem.value[old], events);
        mm.frame[vpn] = frame;
        mm.flags[vpn] = (byte) ((mm.flags[vpn] & ~COW) | WRITABLE);
        counters.copies++;
        counters.framesCopied++;
        events.add(new Event.CowCopy(t.pid, vpn, old, frame, refsBefore, oldKind));
        unmapPte(mm, old, events);
        mem.value[frame] = value;
    }

    private void hugeZeroFill(Task t, int vpn, int first, String value, List<Event> events) {
        AddressSpace mm = t.mm;
        int n = config.hugePage();
        List<Integer> frames = new ArrayList<>(n);
        for (int v = first; v < first + n; v++) {
            int frame = allocate(t, PhysicalMemory.ANON, "0", events);
            frames.add(frame);
            mm.frame[v] = frame;
            mm.flags[v] = (byte) ((mm.flags[v] & ~COW) | WRITABLE | HUGE);
        }
        mm.mapped += n;
        counters.zeroFills++;
        events.add(new Event.HugeZeroFill(t.pid, vpn, first, frames));
        mem.value[mm.frame[vpn]] = value;
    }

    private void hugeReuse(Task t, int vpn, int first, String value, List<Event> events) {
        AddressSpace mm = t.mm;
        int n = config.hugePage();
        List<Integer> frames = new ArrayList<>(n);
        for (int v = first; v < first + n; v++) {
            mm.flags[v] = (byte) ((mm.flags[v] & ~COW) | WRITABLE);
            frames.add(mm.frame[v]);
        }
        counters.reuses++;
        events.add(new Event.HugeCowReuse(t.pid, vpn, first, frames));
        mem.value[mm.frame[vpn]] = value;
    }

    private void hugeCopy(Task t, int vpn, int first, String value, List<Event> events) {
        AddressSpace mm = t.mm;
        int n = config.hugePage();
        List<Integer> from = new ArrayList<>(n);
        List<Integer> to = new ArrayList<>(n);
        for (int v = first; v < first + n; v++) {
            int old = mm.frame[v];
            int frame = allocate(t, PhysicalMemory.ANON, mem.value[old], events);
            from.add(old);
            to.add(frame);
            mm.frame[v] = frame;
            mm.flags[v] = (byte) ((mm.flags[v] & ~COW) | WRITABLE);
        }
        counters.copies++;
        counters.framesCopied += n;
        events.add(new Event.HugeCowCopy(t.pid, vpn, first, from, to));
        for (int old : from) {
            unref(old, events);
        }
        mem.value[mm.frame[vpn]] = value;
    }

    private void split(Task t, int first, String cause, List<Event> events) {
        int n = config.hugePage();
        for (int v = first; v < first + n; v++) {
            t.mm.clear(v, HUGE);
        }
        events.add(new Event.Split(t.pid, first, n, cause));
    }

    /** Splits the huge mapping holding {@code vpn} when a range starting (or ending) there cuts it. */
    private void splitIfCut(Task t, int vpn, boolean rangeEnd, List<Event> events) {
        if (t.mm.has(vpn, HUGE)) {
            int first = hugeGroupStart(t.mm, vpn);
            boolean onBoundary = rangeEnd ? vpn == first + config.hugePage() - 1 : vpn == first;
            if (!onBoundary) {
                split(t, first, Event.Split.MADVISE, events);
            }
        }
    }

    /** The first vpn of the huge-page group holding {@code vpn}, when that group is untouched and eligible. */
    private int untouchedHugeGroup(AddressSpace mm, int vpn) {
        int n = config.hugePage();
        if (n <= 1 || mm.program.segment(vpn) != Segment.HEAP) {
            return -1;
        }
        int first = hugeGroupStart(mm, vpn);
        if (first + n > mm.program.stackStart()) {
            return -1; // a shorter last group stays small pages
        }
        // A huge page lies inside one VMA (transhuge_vma_suitable): not across pages whose
        // fork advice differs, or a child would get part of a huge page.
        int advice = mm.flags[first] & (DONTFORK | WIPEONFORK);
        for (int v = first; v < first + n; v++) {
            if (mm.frame[v] != UNMAPPED || (mm.flags[v] & (NOHUGEPAGE | ABSENT)) != 0
                    || (mm.flags[v] & (DONTFORK | WIPEONFORK)) != advice) {
                return -1;
            }
        }
        return first;
    }

    private int hugeGroupStart(AddressSpace mm, int vpn) {
        int heap = mm.program.heapStart();
        int n = config.hugePage();
        return heap + (vpn - heap) / n * n;
    }

    private boolean hugeGroupExclusive(AddressSpace mm, int first) {
        for (int v = first; v < first + config.hugePage(); v++) {
            int fr = mm.frame[v];
            if (mem.kind[fr] != PhysicalMemory.ANON || mem.refs[fr] != 1) {
                return false;
            }
        }
        return true;
    }

    private void segv(Task t, int vpn, String cause, List<Event> events) {
        counters.segv++;
        events.add(new Event.Segv(t.pid, vpn, cause, config.segvKills()));
        if (config.segvKills()) {
            terminate(t, TaskState.KILLED, events);
        }
    }

    // ---------------------------------------------------------------- commit accounting

    /**
     * {@code __vm_enough_memory}: whether committing {@code need} more pages is refused under
     * the overcommit policy, as the ENOMEM event to report; null when it is allowed.
     */
    private Event.Enomem commitCheck(Task t, String call, long need) {
        long limit = config.commitLimit();
        boolean fails = switch (config.overcommit()) {
            case ALWAYS -> false;
            case HEURISTIC -> need > config.frames();
            case NEVER -> committed + need > limit;
        };
        if (!fails) {
            return null;
        }
        counters.enomem++;
        return new Event.Enomem(t.pid, call, need, committed, limit, config.overcommit());
    }

    // ---------------------------------------------------------------- memory pressure

    private enum Pressure { OK, RETRY, SELF_KILLED, REFUSED }

    private boolean canAllocate(Task t, int n) {
        return mem.freeCount() >= n && budget[t.ownerIndex] - charge[t.ownerIndex] >= n;
    }

    /**
     * Makes room for {@code n} frames charged to {@code t}'s owner: the owner's budget
     * first (a memory cgroup: reclaim among its frames, then its OOM killer), then the
     * machine (reclaim, then the OOM killer). Under {@code oom: kill} one victim is
     * killed per call and the caller starts the fault again, as the faulting
     * instruction would run again in Linux. {@code exclude} is a frame reclaim must not
     * take (the source of a COW copy), or -1.
     */
    private Pressure ensureFrames(Task t, int n, int exclude, List<Event> events) {
        while (true) {
            int o = t.ownerIndex;
            long limit = budget[o];
            if (charge[o] + n > limit) {
                if (reclaim(o, exclude, events)) {
                    continue;
                }
                // "owner you: ...", not "you's ...": an owner is a name, and may be "you".
                String why = "owner " + t.owner + ": memory budget full (" + charge[o] + " of " + limit
                        + (limit == 1 ? " frame" : " frames") + " charged, none reclaimable)";
                // A memory cgroup's OOM scales oom_score_adj by the cgroup's limit.
                return oom(t, o, limit, "cgroup", why, events);
            }
            if (mem.freeCount() >= n) {
                return Pressure.OK;
            }
            if (reclaim(-1, exclude, events)) {
                continue;
            }
            String why = "out of memory: " + n + (n == 1 ? " frame" : " frames") + " needed, "
                    + mem.freeCount() + " free of " + mem.total + " and no clean page-cache page to reclaim";
            return oom(t, -1, mem.total, "global", why, events);
        }
    }

    /**
     * Reclaims one clean page-cache frame ({@code shrink_page_list}), for the machine
     * ({@code owner} -1) or inside an owner's cgroup: the cached frame unused longest,
     * else the mapped one unused longest that no mlocked address space maps, unmapped from
     * every page table that maps it ({@code try_to_unmap}, the reverse mapping). Anonymous
     * and shared memory are never reclaimed: there is no swap. False when nothing can be.
     */
    private boolean reclaim(int owner, int exclude, List<Event> events) {
        int frame = mem.cachedOrder(owner).peek();
        if (frame < 0) {
            frame = mem.mappedOrder(owner).peekExcept(exclude);
        }
        if (frame < 0) {
            return false;
        }
        long key = mem.cacheKey[frame];
        int program = (int) (key >>> 32);
        int page = (int) key;
        List<Integer> pids = mem.refs[frame] > 0 ? unmapEverywhere(frame, program, page) : List.of();
        pageCache[program][page] = -1;
        charge[mem.chargedTo[frame]]--;
        mem.release(frame);
        counters.reclaims++;
        events.add(new Event.Reclaim(frame, programs.get(program).name(), page, pids,
                owner < 0 ? "global" : "cgroup"));
        return true;
    }

    /** Unmaps file {@code frame} from every address space; returns the pids using those spaces. */
    private List<Integer> unmapEverywhere(int frame, int program, int page) {
        List<AddressSpace> spaces = new ArrayList<>(2);
        for (Task t : tasks.values()) {
            AddressSpace mm = t.mm;
            if (mm != null && mm.programIndex == program && mm.frame[page] == frame) {
                // The entry keeps its COW mark: a data page read back is still a private mapping.
                mm.frame[page] = GONE;
                mm.clear(page, (byte) (WRITABLE | HUGE));
                mm.mapped--;
                mem.refs[frame]--;
                spaces.add(mm);
            }
        }
        List<Integer> pids = new ArrayList<>();
        for (Task t : tasks.values()) {
            for (AddressSpace mm : spaces) {
                if (t.mm == mm) {
                    pids.add(t.pid);
                }
            }
        }
        return pids;
    }

    private Pressure oom(Task t, int owner, long totalPages, String scope, String why, List<Event> events) {
        if (config.oom() == OomPolicy.REJECT) {
            pressureRefusal = why;
            return Pressure.REFUSED;
        }
        Task victim = pickVictim(owner, totalPages);
        if (victim == null) {
            pressureRefusal = why + ", and no process can be killed";
            return Pressure.REFUSED;
        }
        if (undoPoint == null) {
            beginUndoable();
        }
        // __oom_kill_process: every other process sharing the victim's mm dies with it, but
        // those at -1000.
        List<Integer> companions = new ArrayList<>();
        for (Task other : tasks.values()) {
            if (other != victim && other.mm == victim.mm && other.state.alive()
                    && other.oomScoreAdj != OOM_SCORE_ADJ_MIN) {
                companions.add(other.pid);
            }
        }
        counters.oomKills++;
        events.add(new Event.OomKill(victim.pid, badness(victim, totalPages), scope, victim.owner, t.pid,
                companions));
        terminate(victim, TaskState.KILLED, events);
        for (int pid : companions) {
            terminate(tasks.get(pid), TaskState.KILLED, events);
        }
        return victim == t || companions.contains(t.pid) ? Pressure.SELF_KILLED : Pressure.RETRY;
    }

    /**
     * {@code oom_badness}: rss plus oom_score_adj scaled by the memory size / 1000; -1000 and
     * tasks in vfork are skipped. {@code oom_evaluate_task} lets an equal score replace the
     * earlier pick while it walks tasks in creation order, so a tie goes to the process
     * created last.
     */
    private Task pickVictim(int owner, long totalPages) {
        Task best = null;
        long bestScore = Long.MIN_VALUE;
        for (Task t : tasks.values()) {
            // in_vfork(): a child is exempt while its parent waits for it; once that parent
            // is gone (killed), the child is an ordinary process again.
            boolean inVfork = t.inVfork && t.vforkParent != 0;
            if (!t.state.alive() || inVfork || t.oomScoreAdj == OOM_SCORE_ADJ_MIN) {
                continue;
            }
            if (owner >= 0 && t.ownerIndex != owner) {
                continue;
            }
            long score = badness(t, totalPages);
            if (best == null || score > bestScore || (score == bestScore && t.created > best.created)) {
                best = t;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * rss plus oomScoreAdj × totalPages / 1000, rounded down. Linux computes
     * {@code adj * (totalpages / 1000)}, which is 0 on a board of a few frames; the game
     * multiplies first so the adjustment still counts there.
     */
    private static long badness(Task t, long totalPages) {
        return t.mm.mapped + Math.floorDiv((long) t.oomScoreAdj * totalPages, 1000L);
    }

    /** Remembers the state before an operation that may have to be undone. */
    private void beginUndoable() {
        undoPoint = new Kernel(this);
    }

    /** Puts back the state an operation started from, its count included, and refuses it. */
    private Outcome undo(int clockBefore) {
        String why = pressureRefusal;
        if (undoPoint != null) {
            restoreFrom(undoPoint);
        }
        clock = clockBefore;
        pressureRefusal = null;
        return refuse(why);
    }

    private void restoreFrom(Kernel snapshot) {
        owners.clear();
        owners.addAll(snapshot.owners);
        ownerIndex.clear();
        ownerIndex.putAll(snapshot.ownerIndex);
        budget = snapshot.budget.clone();
        copyStateFrom(snapshot);
    }

    // ---------------------------------------------------------------- frames and lifetimes

    private int allocate(Task t, byte kind, String value, List<Event> events) {
        int frame = mem.allocate(kind, value, t.ownerIndex);
        charge[t.ownerIndex]++;
        events.add(new Event.Alloc(frame, mem.kindOf(frame), t.owner, kind == PhysicalMemory.FILE ? value : null));
        return frame;
    }

    /** Drops one page-table entry of {@code mm} that maps {@code frame}. */
    private void unmapPte(AddressSpace mm, int frame, List<Event> events) {
        if (mm.locked && mem.kind[frame] == PhysicalMemory.FILE) {
            mem.lockedRefs[frame]--;
        }
        unref(frame, events);
    }

    /**
     * One mapping of {@code frame} went away. Anonymous memory is freed with its last
     * mapping; a page-cache page stays cached; a shared memory page lives as long as its
     * object.
     */
    private void unref(int frame, List<Event> events) {
        int refs = --mem.refs[frame];
        byte kind = mem.kind[frame];
        if (kind == PhysicalMemory.FILE) {
            if (refs == 0) {
                mem.toCache(frame);
                events.add(new Event.Cached(frame));
            } else {
                mem.order(frame);
            }
            return;
        }
        if (kind == PhysicalMemory.ANON && refs == 0) {
            free(frame, events);
        }
    }

    private void free(int frame, List<Event> events) {
        FrameKind kind = mem.kindOf(frame);
        int owner = mem.chargedTo[frame];
        if (owner >= 0) {
            charge[owner]--;
        }
        mem.release(frame);
        events.add(new Event.Free(frame, kind));
    }

    private void unmapAll(AddressSpace mm, List<Event> events) {
        for (int v = 0; v < mm.frame.length; v++) {
            int fr = mm.frame[v];
            if (fr >= 0) {
                unmapPte(mm, fr, events);
            }
            mm.frame[v] = UNMAPPED;
            mm.flags[v] = 0;
        }
        mm.mapped = 0;
    }

    /** The last address space attached to a shared object left it: its frames are freed. */
    private void detach(AddressSpace mm, List<Event> events) {
        ShmObject object = mm.shm;
        mm.shm = null;
        if (object == null || --object.attached > 0) {
            return;
        }
        committed -= object.frame.length;
        for (int fr : object.frame) {
            if (fr >= 0) {
                free(fr, events);
            }
        }
    }

    /** Drops {@code t}'s use of its address space, releasing a vfork parent that waits on it. */
    private void leaveAddressSpace(Task t, List<Event> events) {
        AddressSpace mm = t.mm;
        mm.users--;
        if (mm.users == 0) {
            committed -= mm.commit;
            unmapAll(mm, events);
            detach(mm, events);
        }
        t.mm = null;
        if (t.inVfork) {
            t.inVfork = false;
            if (t.vforkParent != 0) {
                Task parent = tasks.get(t.vforkParent);
                t.vforkParent = 0;
                parent.state = TaskState.RUNNING;
                events.add(new Event.Unblock(parent.pid, t.pid));
            }
        }
        for (Task other : tasks.values()) {
            if (other.vforkParent == t.pid) {
                // A killed vfork parent leaves the address space to its child.
                other.vforkParent = 0;
            }
        }
    }

    private void terminate(Task t, TaskState state, List<Event> events) {
        leaveAddressSpace(t, events);
        t.state = state;
    }

    // ---------------------------------------------------------------- checks

    private Outcome refuse(String reason) {
        counters.refusals++;
        return Outcome.refused(reason);
    }

    private String actorProblem(int pid, Task t, boolean forkLike) {
        if (t == null) {
            return "no process " + pid;
        }
        switch (t.state) {
            case EXITED:
                return "process " + pid + " has exited";
            case KILLED:
                return "process " + pid + " was killed";
            case BLOCKED:
                return "process " + pid + " is blocked in vfork until its child " + vforkChildOf(pid)
                        + " execs or exits";
            default:
                break;
        }
        if (forkLike && t.inVfork) {
            return "process " + pid + " is a vfork child: until it execs or exits it may only read, write,"
                    + " exec or exit";
        }
        return null;
    }

    private int vforkChildOf(int pid) {
        for (Task t : tasks.values()) {
            if (t.vforkParent == pid) {
                return t.pid;
            }
        }
        return 0;
    }

    private static String vpnProblem(Task t, int vpn) {
        int size = t.mm.size();
        if (vpn >= 0 && vpn < size) {
            return null;
        }
        String range = size == 0 ? "no pages" : "pages 0-" + (size - 1);
        return "vpn " + vpn + " is out of range: process " + t.pid + " (" + t.program + ") has " + range;
    }

    private int ownerIndexOf(String owner) {
        Integer index = ownerIndex.get(owner);
        if (index != null) {
            return index;
        }
        owners.add(owner);
        int i = owners.size() - 1;
        ownerIndex.put(owner, i);
        charge = Arrays.copyOf(charge, owners.size());
        budget = Arrays.copyOf(budget, owners.size());
        Integer limit = config.budgets().get(owner);
        budget[i] = limit == null ? NO_BUDGET : limit;
        if (limit != null) {
            mem.trackOwner(i);
        }
        return i;
    }

    // ---------------------------------------------------------------- queries

    public MemoryConfig config() {
        return config;
    }

    public List<ProgramImage> programs() {
        return programs;
    }

    public Optional<ProgramImage> program(String name) {
        Integer index = programIndex.get(name);
        return index == null ? Optional.empty() : Optional.of(programs.get(index));
    }

    /** Frames in use (the zero page excluded; cached page-cache frames are not in use). */
    public int used() {
        return mem.used();
    }

    /** Page-cache frames no page table maps: kept until reclaim takes them. */
    public int cached() {
        return mem.cached();
    }

    /** Frames holding nothing: total = used + cached + free. */
    public int free() {
        return mem.freeCount();
    }

    /** Pages committed now (private writable pages of every live address space, each shared object once). */
    public long committed() {
        return committed;
    }

    /** CommitLimit: frames × overcommitRatio / 100; enforced only under {@code overcommit: never}. */
    public long commitLimit() {
        return config.commitLimit();
    }

    /** Operations applied so far (moves, setup moves, start-up writes): the clock page-cache stamps read. */
    public int operations() {
        return clock;
    }

    public int peak() {
        return mem.peak();
    }

    public int totalFrames() {
        return mem.total;
    }

    public int highestPid() {
        return highestPid;
    }

    public Stats stats() {
        return counters.snapshot();
    }

    /**
     * Starts counting from here: the level's setup is not counted. The operation count goes
     * on: it orders page-cache stamps, which setup moves set too.
     */
    public void resetCounters() {
        counters = new Counters();
        mem.resetPeak();
    }

    /** Frames charged to an owner (its memory cgroup usage). */
    public int charged(String owner) {
        Integer index = ownerIndex.get(owner);
        return index == null ? 0 : charge[index];
    }

    /** Owners in the order the kernel first saw them. */
    public List<String> owners() {
        return Collections.unmodifiableList(owners);
    }

    public List<Integer> pids() {
        return List.copyOf(tasks.keySet());
    }

    public List<ProcessInfo> processes() {
        List<ProcessInfo> list = new ArrayList<>(tasks.size());
        for (Task t : tasks.values()) {
            list.add(info(t));
        }
        return list;
    }

    public Optional<ProcessInfo> process(int pid) {
        Task t = tasks.get(pid);
        return t == null ? Optional.empty() : Optional.of(info(t));
    }

    private ProcessInfo info(Task t) {
        if (t.mm == null) {
            return new ProcessInfo(t.pid, t.ppid, t.owner, t.program, t.state, 0, 0, 0, t.oomScoreAdj, t.inVfork,
                    false, 0, Smaps.NONE);
        }
        int rss = 0;
        int uss = 0;
        double pss = 0;
        int sharedClean = 0;
        int sharedDirty = 0;
        int privateClean = 0;
        int privateDirty = 0;
        int anonymous = 0;
        for (int fr : t.mm.frame) {
            if (fr < 0) {
                continue;
            }
            rss++;
            int refs = mem.refs[fr];
            pss += 1.0 / refs;
            byte kind = mem.kind[fr];
            boolean dirty = kind == PhysicalMemory.ANON || (kind == PhysicalMemory.SHM && mem.written[fr]);
            if (kind == PhysicalMemory.ANON) {
                anonymous++;
            }
            if (refs == 1) {
                uss++;
                if (dirty) {
                    privateDirty++;
                } else {
                    privateClean++;
                }
            } else if (dirty) {
                sharedDirty++;
            } else {
                sharedClean++;
            }
        }
        Smaps smaps = new Smaps(rss, pss, sharedClean, sharedDirty, privateClean, privateDirty, anonymous);
        return new ProcessInfo(t.pid, t.ppid, t.owner, t.program, t.state, rss, pss, uss, t.oomScoreAdj,
                t.inVfork, t.mm.locked, badness(t, mem.total), smaps);
    }

    /** Every page of a live process's address space, mapped or not; empty for a dead process. */
    public List<PageInfo> pageTable(int pid) {
        Task t = tasks.get(pid);
        if (t == null || t.mm == null) {
            return List.of();
        }
        List<PageInfo> pages = new ArrayList<>(t.mm.size());
        for (int v = 0; v < t.mm.size(); v++) {
            pages.add(page(t.mm, v));
        }
        return pages;
    }

    public Optional<PageInfo> page(int pid, int vpn) {
        Task t = tasks.get(pid);
        if (t == null || t.mm == null || vpn < 0 || vpn >= t.mm.size()) {
            return Optional.empty();
        }
        return Optional.of(page(t.mm, vpn));
    }

    private PageInfo page(AddressSpace mm, int v) {
        int fr = mm.frame[v];
        byte f = mm.flags[v];
        Segment segment = mm.program.segment(v);
        boolean huge = (f & HUGE) != 0;
        boolean dontfork = (f & DONTFORK) != 0;
        boolean wipe = (f & WIPEONFORK) != 0;
        if ((f & ABSENT) != 0) {
            return new PageInfo(v, segment, PageInfo.Mapping.ABSENT, -1, null, null, 0, false, false, false,
                    false, false);
        }
        if (fr == GONE) {
            return new PageInfo(v, segment, PageInfo.Mapping.GONE, -1, null, null, 0, false, (f & COW) != 0, false,
                    dontfork, wipe);
        }
        if (fr == UNMAPPED) {
            return new PageInfo(v, segment, PageInfo.Mapping.UNMAPPED, -1, null, null, 0, false, false, false,
                    dontfork, wipe);
        }
        if (fr == ZERO_PAGE) {
            return new PageInfo(v, segment, PageInfo.Mapping.ZERO, -1, null, "0", 0, false, false, huge,
                    dontfork, wipe);
        }
        return new PageInfo(v, segment, PageInfo.Mapping.FRAME, fr, mem.kindOf(fr), mem.value[fr], mem.refs[fr],
                (f & WRITABLE) != 0, (f & COW) != 0, huge, dontfork, wipe);
    }

    public FrameInfo frame(int frame) {
        if (mem.isFree(frame)) {
            return new FrameInfo(frame, null, null, 0, null);
        }
        int owner = mem.chargedTo[frame];
        return new FrameInfo(frame, mem.kindOf(frame), mem.value[frame], mem.refs[frame],
                owner < 0 ? null : owners.get(owner));
    }

    /**
     * The state as a compact array of words, for search and deduplication. Two kernels
     * with equal words are the same up to the numbering of their frames: every later
     * sequence of moves gets the same refusals, the same events but for frame numbers,
     * the same counters, and every query the same answers but for frame numbers. The
     * counters and the peak are left out on purpose: they only grow, and a search
     * compares them as scores rather than as state. Page values are turned into words by
     * {@code valueIds}; values given the same id are taken as alike.
     *
     * <p>Frames are numbered in the order the page tables (pids ascending, vpns
     * ascending) first map them, then the shared objects' unmapped frames, then cached
     * frames in reclaim order. Which free frame a page got changes nothing but frame
     * numbers later on, with one exception the words round off: reclaim breaks a tie
     * between page-cache frames stamped in the same operation by frame number. The
     * words keep every page-cache frame's place in reclaim order as it stands; two
     * states can differ only in how a later operation's own frames tie among themselves.
     */
    public int[] stateWords(ToIntFunction<String> valueIds) {
        int[] w = new int[64];
        int n = 0;
        w[n++] = highestPid;
        w[n++] = tasks.size();
        int[] canonical = new int[mem.total];
        Arrays.fill(canonical, -1);
        int[] byCanonical = new int[mem.total];
        int frames = 0;
        int[] reclaimRank = reclaimRanks();
        // Only a vfork child and its parent share an address space (users > 1), and only
        // forks of one exec share an object: only those need remembering.
        IdentityHashMap<AddressSpace, Integer> seen = null;
        IdentityHashMap<ShmObject, Integer> objects = null;
        List<ShmObject> objectOrder = new ArrayList<>();
        int spaces = 0;
        for (Task t : tasks.values()) {
            w = ensure(w, n, 10);
            w[n++] = t.pid;
            w[n++] = t.ppid;
            w[n++] = t.ownerIndex;
            w[n++] = t.oomScoreAdj;
            w[n++] = t.state.ordinal();
            w[n++] = t.program == null ? -1 : programIndex.get(t.program);
            w[n++] = t.inVfork ? 1 : 0;
            w[n++] = t.vforkParent;
            w[n++] = t.created;
            if (t.mm == null) {
                w[n++] = -1;
                continue;
            }
            AddressSpace mm = t.mm;
            Integer shared = seen == null ? null : seen.get(mm);
            if (shared != null) {
                // A vfork child borrows an address space already written out.
                w[n++] = shared;
                continue;
            }
            if (mm.users > 1) {
                if (seen == null) {
                    seen = new IdentityHashMap<>();
                }
                seen.put(mm, spaces);
            }
            w[n++] = spaces++;
            w = ensure(w, n, 6 + mm.size() * 2);
            w[n++] = mm.programIndex;
            w[n++] = mm.users;
            w[n++] = mm.mapped;
            w[n++] = mm.locked ? 1 : 0;
            w[n++] = mm.commit;
            if (mm.shm == null) {
                w[n++] = -1;
            } else {
                if (objects == null) {
                    objects = new IdentityHashMap<>();
                }
                Integer id = objects.get(mm.shm);
                if (id == null) {
                    id = objectOrder.size();
                    objects.put(mm.shm, id);
                    objectOrder.add(mm.shm);
                }
                w[n++] = id;
            }
            for (int v = 0; v < mm.size(); v++) {
                int fr = mm.frame[v];
                if (fr >= 0 && canonical[fr] < 0) {
                    canonical[fr] = frames;
                    byCanonical[frames++] = fr;
                }
                w[n++] = fr >= 0 ? canonical[fr] : fr;
                w[n++] = mm.flags[v];
            }
        }
        for (ShmObject object : objectOrder) {
            w = ensure(w, n, 2 + object.frame.length);
            w[n++] = object.attached;
            w[n++] = object.frame.length;
            for (int fr : object.frame) {
                if (fr >= 0 && canonical[fr] < 0) {
                    canonical[fr] = frames;
                    byCanonical[frames++] = fr;
                }
                w[n++] = fr >= 0 ? canonical[fr] : fr;
            }
        }
        int mapped = frames;
        for (int fr = 0; fr < mem.total; fr++) {
            if (mem.isCached(fr)) {
                canonical[fr] = frames;
                byCanonical[frames++] = fr;
            }
        }
        w = ensure(w, n, 2 + frames * 8);
        w[n++] = mapped;
        w[n++] = frames;
        for (int c = 0; c < frames; c++) {
            int f = byCanonical[c];
            long key = mem.cacheKey[f];
            w[n++] = mem.kind[f];
            w[n++] = mem.refs[f];
            w[n++] = valueIds.applyAsInt(mem.value[f]);
            w[n++] = mem.chargedTo[f];
            w[n++] = key < 0 ? -1 : (int) (key >>> 32);
            w[n++] = key < 0 ? -1 : (int) key;
            w[n++] = mem.written[f] ? 1 : 0;
            w[n++] = reclaimRank[f];
        }
        return Arrays.copyOf(w, n);
    }

    /** Each page-cache frame's place in reclaim order by (stamp, frame); -1 for other frames. */
    private int[] reclaimRanks() {
        int[] rank = new int[mem.total];
        Arrays.fill(rank, -1);
        int files = 0;
        long[] keys = new long[mem.total];
        for (int fr = 0; fr < mem.total; fr++) {
            if (mem.kind[fr] == PhysicalMemory.FILE) {
                keys[files++] = FrameHeap.key(mem.stamp[fr], fr);
            }
        }
        Arrays.sort(keys, 0, files);
        for (int i = 0; i < files; i++) {
            rank[(int) keys[i]] = i;
        }
        return rank;
    }

    private static int[] ensure(int[] w, int n, int more) {
        return n + more <= w.length ? w : Arrays.copyOf(w, Math.max(w.length * 2, n + more));
    }

    /**
     * The kernel's invariants, checked by tests after every operation; empty when they
     * all hold: each frame's refs equals the page-table entries mapping it; used + cached +
     * free = frames; no free frame is mapped; Σ pss over live address spaces = used − shm
     * frames no page table maps; a private writable mapping has refs 1; the page cache,
     * the reclaim order, the mlock counts, the charges and the commit all agree with the
     * page tables.
     */
    public List<String> invariantViolations() {
        List<String> problems = new ArrayList<>();
        int[] mappings = new int[mem.total];
        int[] locked = new int[mem.total];
        IdentityHashMap<AddressSpace, Boolean> live = new IdentityHashMap<>();
        IdentityHashMap<ShmObject, Integer> attached = new IdentityHashMap<>();
        for (Task t : tasks.values()) {
            if (t.state.alive() != (t.mm != null)) {
                problems.add("process " + t.pid + " is " + t.state.label() + " but "
                        + (t.mm == null ? "has no" : "has an") + " address space");
            }
            if (t.mm != null) {
                live.put(t.mm, Boolean.TRUE);
            }
        }
        double pss = 0;
        long commit = 0;
        for (AddressSpace mm : live.keySet()) {
            int users = 0;
            for (Task t : tasks.values()) {
                if (t.mm == mm) {
                    users++;
                }
            }
            if (users != mm.users) {
                problems.add("an address space counts " + mm.users + " users but " + users + " use it");
            }
            if (mm.shm != null) {
                attached.merge(mm.shm, 1, Integer::sum);
            }
            commit += mm.commit;
            int privatePages = 0;
            int dontfork = 0;
            int mapped = 0;
            for (int v = 0; v < mm.size(); v++) {
                Segment segment = mm.program.segment(v);
                if (segment != Segment.TEXT && segment != Segment.SHARED && !mm.has(v, ABSENT)) {
                    privatePages++;
                    if (mm.has(v, DONTFORK)) {
                        dontfork++;
                    }
                }
                int fr = mm.frame[v];
                if (fr == GONE && segment != Segment.TEXT && segment != Segment.DATA) {
                    problems.add("vpn " + v + " is gone but is not a file page");
                }
                if (fr < 0) {
                    if ((mm.flags[v] & WRITABLE) != 0 || ((mm.flags[v] & COW) != 0 && fr != GONE)
                            || ((mm.flags[v] & HUGE) != 0 && fr != ZERO_PAGE)) {
                        problems.add("vpn " + v + " is not mapped to a frame but has write/COW/huge flags");
                    }
                    continue;
                }
                mapped++;
                mappings[fr]++;
                if (mm.locked) {
                    locked[fr]++;
                }
                if (mem.isFree(fr)) {
                    problems.add("frame " + fr + " is free but mapped");
                    continue;
                }
                pss += 1.0 / mem.refs[fr];
                boolean writable = (mm.flags[v] & WRITABLE) != 0;
                boolean shm = mem.kind[fr] == PhysicalMemory.SHM;
                if (shm != (segment == Segment.SHARED)) {
                    problems.add("vpn " + v + " (" + segment.label() + ") maps frame " + fr + " of kind "
                            + mem.kindOf(fr).label());
                }
                if (shm && (mm.shm == null || mm.shm.frame[v - mm.program.sharedStart()] != fr)) {
                    problems.add("vpn " + v + " maps shm frame " + fr + " which its object does not hold");
                }
                if (writable && !shm && mem.refs[fr] != 1) {
                    problems.add("frame " + fr + " is mapped writable with refs " + mem.refs[fr]);
                }
                if (writable && (mm.flags[v] & COW) != 0) {
                    problems.add("vpn " + v + " is both writable and COW");
                }
            }
            if (mapped != mm.mapped) {
                problems.add("an address space counts " + mm.mapped + " mapped pages but maps " + mapped);
            }
            if (dontfork != mm.dontforkPrivate) {
                problems.add("an address space counts " + mm.dontforkPrivate + " dontfork private pages but has "
                        + dontfork);
            }
            if (privatePages != mm.commit) {
                problems.add("an address space commits " + mm.commit + " pages but has " + privatePages
                        + " private writable ones");
            }
        }
        int unmappedShm = 0;
        for (Map.Entry<ShmObject, Integer> e : attached.entrySet()) {
            ShmObject object = e.getKey();
            commit += object.frame.length;
            if (object.attached != e.getValue()) {
                problems.add("a shared object counts " + object.attached + " attached spaces but " + e.getValue()
                        + " are");
            }
            for (int fr : object.frame) {
                if (fr >= 0 && mem.kind[fr] != PhysicalMemory.SHM) {
                    problems.add("a shared object holds frame " + fr + " which is not shm");
                } else if (fr >= 0 && mem.refs[fr] == 0) {
                    unmappedShm++;
                }
            }
        }
        if (commit != committed) {
            problems.add("committed is " + committed + " but the address spaces commit " + commit);
        }
        int used = 0;
        int cached = 0;
        int[] charged = new int[owners.size()];
        for (int fr = 0; fr < mem.total; fr++) {
            if (mem.isFree(fr)) {
                continue;
            }
            if (mem.isCached(fr)) {
                cached++;
            } else {
                used++;
            }
            if (mem.refs[fr] != mappings[fr]) {
                problems.add("frame " + fr + " has refs " + mem.refs[fr] + " but " + mappings[fr] + " mappings");
            }
            if (mem.chargedTo[fr] >= 0) {
                charged[mem.chargedTo[fr]]++;
            }
            boolean file = mem.kind[fr] == PhysicalMemory.FILE;
            if (file && mem.lockedRefs[fr] != locked[fr]) {
                problems.add("frame " + fr + " counts " + mem.lockedRefs[fr] + " mlocked mappings but has "
                        + locked[fr]);
            }
            boolean inCached = mem.cachedOrder.contains(fr);
            boolean inMapped = mem.mappedOrder.contains(fr);
            boolean shouldCached = file && mem.refs[fr] == 0;
            boolean shouldMapped = file && mem.refs[fr] > 0 && locked[fr] == 0;
            if (inCached != shouldCached || inMapped != shouldMapped) {
                problems.add("frame " + fr + " is misplaced in reclaim order");
            }
            if (file) {
                long key = mem.cacheKey[fr];
                if (key < 0 || pageCache[(int) (key >>> 32)][(int) key] != fr) {
                    problems.add("file frame " + fr + " is not in the page cache");
                }
            }
            if (mem.kind[fr] == PhysicalMemory.SHM && !heldByLiveObject(attached, fr)) {
                problems.add("shm frame " + fr + " belongs to no live shared object");
            }
        }
        if (used != mem.used() || cached != mem.cached()) {
            problems.add("used/cached are " + mem.used() + "/" + mem.cached() + " but " + used + "/" + cached
                    + " frames are");
        }
        if (mem.used() + mem.cached() + mem.freeCount() != mem.total) {
            problems.add("used + cached + free != frames");
        }
        if (Math.abs(pss - (mem.used() - unmappedShm)) > 1e-6) {
            problems.add("sum of pss " + pss + " != used frames " + mem.used() + " less " + unmappedShm
                    + " unmapped shm frames");
        }
        for (int o = 0; o < owners.size(); o++) {
            if (charged[o] != charge[o]) {
                problems.add(owners.get(o) + " is charged " + charge[o] + " frames but owns " + charged[o]);
            }
        }
        for (int p = 0; p < pageCache.length; p++) {
            for (int i = 0; i < pageCache[p].length; i++) {
                int fr = pageCache[p][i];
                if (fr >= 0 && (mem.isFree(fr) || mem.cacheKey[fr] != PhysicalMemory.cacheKey(p, i))) {
                    problems.add("page cache of " + programs.get(p).name() + " page " + i + " points at frame "
                            + fr + " which does not cache it");
                }
            }
        }
        return problems;
    }

    private static boolean heldByLiveObject(IdentityHashMap<ShmObject, Integer> objects, int frame) {
        for (ShmObject object : objects.keySet()) {
            for (int fr : object.frame) {
                if (fr == frame) {
                    return true;
                }
            }
        }
        return false;
    }
}
