package org.cowarena.kernel;

import static org.cowarena.kernel.AddressSpace.ABSENT;
import static org.cowarena.kernel.AddressSpace.COW;
import static org.cowarena.kernel.AddressSpace.DONTFORK;
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
 * with Linux's copy-on-write semantics (DESIGN §2).
 *
 * <p>Pure and deterministic: no I/O, no clocks, no threads, no randomness. Every
 * operation returns the events it caused, or a refusal with a reason after which
 * nothing has changed. Not thread-safe: one game thread owns a kernel.
 */
public final class Kernel {
    /** The oom_score_adj that exempts a process from the OOM killer. */
    public static final int OOM_SCORE_ADJ_MIN = -1000;
    public static final int OOM_SCORE_ADJ_MAX = 1000;

    private final MemoryConfig config;
    private final List<ProgramImage> programs;
    private final Map<String, Integer> programIndex;
    private final List<String> owners;
    private final Map<String, Integer> ownerIndex;

    private PhysicalMemory mem;
    /** Per program, the page-cache frame of each text and data page, or -1. */
    private int[][] pageCache;
    private int[] charge;
    /** Budget per owner index; Long.MAX_VALUE when the owner has none. */
    private long[] budget;
    private TreeMap<Integer, Task> tasks;
    private int highestPid;
    private Counters counters;

    /** Set when an operation may have to undo its changes; see {@link #beginUndoable()}. */
    private Kernel undoPoint;

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
        this.tasks = new TreeMap<>();
        for (Task t : other.tasks.values()) {
            AddressSpace mm = t.mm == null ? null : spaces.computeIfAbsent(t.mm, AddressSpace::new);
            tasks.put(t.pid, new Task(t, mm));
        }
        this.highestPid = other.highestPid;
        this.counters = other.counters.copy();
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
            return Outcome.done(List.of());
        }
        throw new IllegalArgumentException("unknown move " + move);
    }

    /**
     * Starts a process the level lists: a new process (ppid 0) that execs
     * {@code program}. Used for the start of play, not as a player's move.
     */
    public Outcome spawn(int pid, String program, String owner, int oomScoreAdj) {
        if (pid < 1) {
            return refuse("pid must be at least 1, was " + pid);
        }
        if (tasks.containsKey(pid)) {
            return refuse("pid " + pid + " is already used");
        }
        if (!programIndex.containsKey(program)) {
            return refuse("unknown program \"" + program + "\"");
        }
        if (oomScoreAdj < OOM_SCORE_ADJ_MIN || oomScoreAdj > OOM_SCORE_ADJ_MAX) {
            return refuse("oomScoreAdj must be between -1000 and 1000, was " + oomScoreAdj);
        }
        Kernel before = copy();
        Task t = new Task(pid, 0, owner, ownerIndexOf(owner), oomScoreAdj);
        t.mm = new AddressSpace(programs.get(programIndex.get(program)), programIndex.get(program));
        t.program = program;
        tasks.put(pid, t);
        highestPid = Math.max(highestPid, pid);
        Outcome result = exec(pid, program);
        if (!result.ok()) {
            restoreFrom(before);
        }
        return result;
    }

    /**
     * Starts a process the level lists as a fork of an earlier one, then moved to
     * {@code owner}'s memory cgroup, as Android's zygote forks an app and hands it to the
     * app's uid. Moving a task does not move its charges (cgroup v2 leaves them with the
     * cgroup that faulted the pages in), so the shared frames stay charged to the
     * parent's owner; what the child copies or fills later is charged to its own.
     */
    public Outcome spawnFork(int pid, int parentPid, String owner, int oomScoreAdj) {
        if (pid < 1) {
            return refuse("pid must be at least 1, was " + pid);
        }
        if (tasks.containsKey(pid)) {
            return refuse("pid " + pid + " is already used");
        }
        if (oomScoreAdj < OOM_SCORE_ADJ_MIN || oomScoreAdj > OOM_SCORE_ADJ_MAX) {
            return refuse("oomScoreAdj must be between -1000 and 1000, was " + oomScoreAdj);
        }
        Task parent = tasks.get(parentPid);
        String problem = actorProblem(parentPid, parent, true);
        if (problem != null) {
            return refuse(problem);
        }
        return fork(parent, pid, owner, oomScoreAdj);
    }

    /** fork(2): the child gets a copy of the page table; private writable pages become COW in both. */
    public Outcome fork(int pid) {
        Task parent = tasks.get(pid);
        String problem = actorProblem(pid, parent, true);
        if (problem != null) {
            return refuse(problem);
        }
        return fork(parent, highestPid + 1, parent.owner, parent.oomScoreAdj);
    }

    private Outcome fork(Task parent, int childPid, String owner, int oomScoreAdj) {
        int pid = parent.pid;
        Task child = new Task(childPid, pid, owner, ownerIndexOf(owner), oomScoreAdj);
        child.program = parent.program;
        AddressSpace pm = parent.mm;
        AddressSpace cm = new AddressSpace(pm);
        cm.users = 1;
        int[] refs = mem.refs;
        int[] pf = pm.frame;
        byte[] pflags = pm.flags;
        int[] cf = cm.frame;
        byte[] cflags = cm.flags;
        for (int v = 0, n = pf.length; v < n; v++) {
            byte f = pflags[v];
            int fr = pf[v];
            if ((f & (DONTFORK | WIPEONFORK)) != 0) {
                // dup_mmap skips these VMAs: the parent's pages stay as they are.
                if (fr >= 0) {
                    cm.mapped--;
                }
                cf[v] = UNMAPPED;
                cflags[v] = (f & DONTFORK) != 0 ? ABSENT : (byte) (f & (WIPEONFORK | NOHUGEPAGE));
                continue;
            }
            if (fr >= 0) {
                refs[fr]++;
                if ((f & WRITABLE) != 0) {
                    // __copy_present_ptes: a private writable pte is write-protected in both.
                    byte cowFlags = (byte) ((f & ~WRITABLE) | COW);
                    pflags[v] = cowFlags;
                    cflags[v] = cowFlags;
                }
            }
        }
        child.mm = cm;
        tasks.put(childPid, child);
        highestPid = Math.max(highestPid, childPid);
        return Outcome.done(List.of(new Event.Fork(pid, childPid)));
    }

    /** vfork(2): the child borrows the parent's address space; the parent blocks. */
    public Outcome vfork(int pid) {
        Task parent = tasks.get(pid);
        String problem = actorProblem(pid, parent, true);
        if (problem != null) {
            return refuse(problem);
        }
        int childPid = highestPid + 1;
        Task child = new Task(childPid, pid, parent.owner, parent.ownerIndex, parent.oomScoreAdj);
        child.program = parent.program;
        child.mm = parent.mm;
        child.mm.users++;
        child.inVfork = true;
        child.vforkParent = pid;
        parent.state = TaskState.BLOCKED;
        tasks.put(childPid, child);
        highestPid = childPid;
        return Outcome.done(List.of(new Event.VFork(pid, childPid)));
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
        List<Event> events = new ArrayList<>();
        boolean undoable = !canAllocate(t, image.fileSize());
        if (undoable) {
            beginUndoable();
        }
        try {
            events.add(new Event.Exec(pid, program));
            leaveAddressSpace(t, events);
            t.mm = new AddressSpace(image, index);
            t.program = program;
            int[] cache = pageCache[index];
            for (int i = 0; i < image.fileSize(); ) {
                if (cache[i] < 0) {
                    Pressure p = ensureFrames(t, 1, events);
                    if (p == Pressure.REFUSED) {
                        return undo();
                    }
                    if (p == Pressure.SELF_KILLED) {
                        return Outcome.done(events);
                    }
                    if (p == Pressure.RETRY) {
                        continue;
                    }
                    boolean text = i < image.text().size();
                    String value = text ? image.text().get(i) : image.data().get(i - image.text().size());
                    int frame = allocate(t, PhysicalMemory.FILE, value, events);
                    mem.cacheKey[frame] = PhysicalMemory.cacheKey(index, i);
                    cache[i] = frame;
                } else {
                    mem.refs[cache[i]]++;
                }
                t.mm.frame[i] = cache[i];
                // Data is a private file mapping: read-only until a write copies it.
                t.mm.flags[i] = i < image.text().size() ? 0 : COW;
                t.mm.mapped++;
                i++;
            }
            return Outcome.done(events);
        } finally {
            undoPoint = null;
        }
    }

    /** exit(2). A vfork child's exit unmaps nothing and releases its parent. */
    public Outcome exit(int pid) {
        Task t = tasks.get(pid);
        String problem = actorProblem(pid, t, false);
        if (problem != null) {
            return refuse(problem);
        }
        List<Event> events = new ArrayList<>();
        events.add(new Event.Exit(pid));
        terminate(t, TaskState.EXITED, events);
        return Outcome.done(events);
    }

    /** A read: untouched anonymous memory maps the shared zero page ({@code do_anonymous_page}). */
    public Outcome read(int pid, int vpn) {
        Task t = tasks.get(pid);
        String problem = actorProblem(pid, t, false);
        if (problem == null) {
            problem = vpnProblem(t, vpn);
        }
        if (problem != null) {
            return refuse(problem);
        }
        AddressSpace mm = t.mm;
        if (mm.has(vpn, ABSENT)) {
            List<Event> events = new ArrayList<>();
            segv(t, vpn, "dontfork", events);
            return Outcome.done(events);
        }
        if (mm.frame[vpn] != UNMAPPED) {
            return Outcome.done(List.of());
        }
        mm.frame[vpn] = ZERO_PAGE;
        counters.zeroMaps++;
        return Outcome.done(List.of(new Event.ZeroMap(pid, vpn)));
    }

    /** A write, evaluated as the page-fault handler would (DESIGN §2, write, in order). */
    public Outcome write(int pid, int vpn, String value) {
        Task t = tasks.get(pid);
        String problem = actorProblem(pid, t, false);
        if (problem == null) {
            problem = vpnProblem(t, vpn);
        }
        if (problem != null) {
            return refuse(problem);
        }
        AddressSpace mm = t.mm;
        byte f = mm.flags[vpn];
        if ((f & WRITABLE) != 0) {
            // A private writable page: the value changes, nothing else.
            mem.value[mm.frame[vpn]] = value;
            return Outcome.done(List.of());
        }
        List<Event> events = new ArrayList<>(4);
        try {
            Outcome outcome = writeFault(t, vpn, value, events);
            return outcome != null ? outcome : Outcome.done(events);
        } finally {
            undoPoint = null;
        }
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
            if (mm.program.segment(vpn) == Segment.TEXT || (f & ABSENT) != 0) {
                segv(t, vpn, (f & ABSENT) != 0 ? "dontfork" : "text", events);
                return null;
            }
            if ((f & WRITABLE) != 0) {
                mem.value[fr] = value;
                return null;
            }
            if (fr == UNMAPPED || fr == ZERO_PAGE) {
                int first = untouchedHugeGroup(mm, vpn);
                int n = config.hugePage();
                if (first >= 0 && canAllocate(t, n)) {
                    hugeZeroFill(t, vpn, first, value, events);
                    return null;
                }
                // Short of frames for a huge page, Linux falls back to a small one.
                Pressure p = ensureFrames(t, 1, events);
                if (p == Pressure.REFUSED) {
                    return undo();
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
                    Pressure p = ensureFrames(t, 1, events);
                    if (p == Pressure.REFUSED) {
                        return undo();
                    }
                    if (p != Pressure.OK) {
                        continue;
                    }
                }
                split(t, first, events);
            }
            if (exclusiveAnon) {
                // do_wp_page: "us being the last reference standing to the page".
                mm.flags[vpn] = (byte) ((mm.flags[vpn] & ~COW) | WRITABLE);
                counters.reuses++;
                events.add(new Event.CowReuse(t.pid, vpn, fr));
                mem.value[fr] = value;
                return null;
            }
            Pressure p = ensureFrames(t, 1, events);
            if (p == Pressure.REFUSED) {
                return undo();
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
        if (problem != null) {
            return refuse(problem);
        }
        AddressSpace mm = t.mm;
        ProgramImage image = mm.program;
        for (int v = from; v <= to; v++) {
            if (mm.has(v, ABSENT)) {
                return refuse("vpn " + v + " is not mapped in process " + pid
                        + " (its parent's MADV_DONTFORK left it out)");
            }
            Segment s = image.segment(v);
            boolean anon = s == Segment.HEAP || s == Segment.STACK;
            if ((advice == Advice.WIPEONFORK || advice == Advice.KEEPONFORK) && !anon) {
                return refuse("MADV_" + advice.name() + " applies to private anonymous memory only (heap and"
                        + " stack); vpn " + v + " is " + s.label());
            }
            if ((advice == Advice.HUGEPAGE || advice == Advice.NOHUGEPAGE) && s != Segment.HEAP) {
                return refuse("transparent huge pages back the heap only; vpn " + v + " is " + s.label());
            }
        }
        List<Event> events = new ArrayList<>();
        // The range's edges split a huge mapping they cut through, as split_vma does
        // (vma_adjust_trans_huge) for every advice that changes a VMA's flags; an edge on
        // a huge page boundary splits nothing. A huge page thus never spans pages with
        // different advice, which fork relies on.
        splitIfCut(t, from, false, events);
        splitIfCut(t, to, true, events);
        for (int v = from; v <= to; v++) {
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
        return Outcome.done(events);
    }

    // ---------------------------------------------------------------- fault handling

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
        unref(old, events);
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

    private void split(Task t, int first, List<Event> events) {
        int n = config.hugePage();
        for (int v = first; v < first + n; v++) {
            t.mm.clear(v, HUGE);
        }
        events.add(new Event.Split(t.pid, first, n));
    }

    /** Splits the huge mapping holding {@code vpn} when a range starting (or ending) there cuts it. */
    private void splitIfCut(Task t, int vpn, boolean rangeEnd, List<Event> events) {
        if (t.mm.has(vpn, HUGE)) {
            int first = hugeGroupStart(t.mm, vpn);
            boolean onBoundary = rangeEnd ? vpn == first + config.hugePage() - 1 : vpn == first;
            if (!onBoundary) {
                split(t, first, events);
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

    // ---------------------------------------------------------------- memory pressure

    private enum Pressure { OK, RETRY, SELF_KILLED, REFUSED }

    private String pressureRefusal;

    private boolean canAllocate(Task t, int n) {
        return mem.freeCount() >= n && budgetRoom(t.ownerIndex) >= n;
    }

    private long budgetRoom(int owner) {
        return budget[owner] - charge[owner];
    }

    /**
     * Makes room for {@code n} frames charged to {@code t}'s owner: the owner's budget
     * first (a memory cgroup), then the machine. Under {@code oom: kill} one victim is
     * killed per call and the caller starts the fault again, as the faulting
     * instruction would run again in Linux.
     */
    private Pressure ensureFrames(Task t, int n, List<Event> events) {
        long limit = budget[t.ownerIndex];
        if (charge[t.ownerIndex] + n > limit) {
            // "owner you: ...", not "you's ...": an owner is a name, and may be "you".
            String why = "owner " + t.owner + ": memory budget full (" + charge[t.ownerIndex] + " of " + limit
                    + (limit == 1 ? " frame" : " frames") + " charged)";
            // A memory cgroup's OOM scales oom_score_adj by the cgroup's limit.
            return oom(t, t.ownerIndex, limit, "cgroup", why, events);
        }
        if (mem.freeCount() >= n) {
            return Pressure.OK;
        }
        String why = "out of memory: " + n + (n == 1 ? " frame" : " frames") + " needed, "
                + mem.freeCount() + " free of " + mem.total;
        return oom(t, -1, mem.total, "global", why, events);
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
        counters.oomKills++;
        events.add(new Event.OomKill(victim.pid, badness(victim, totalPages), scope, victim.owner, t.pid));
        terminate(victim, TaskState.KILLED, events);
        return victim == t ? Pressure.SELF_KILLED : Pressure.RETRY;
    }

    /**
     * {@code oom_badness}: rss plus oom_score_adj scaled by the memory size / 1000;
     * -1000 and tasks in vfork are skipped; ties go to the lowest pid.
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
            if (best == null || score > bestScore) {
                best = t;
                bestScore = score;
            }
        }
        return best;
    }

    private static long badness(Task t, long totalPages) {
        return t.mm.mapped + Math.floorDiv((long) t.oomScoreAdj * totalPages, 1000L);
    }

    /** Remembers the state before an operation that may have to be undone. */
    private void beginUndoable() {
        Kernel snapshot = new Kernel(this);
        undoPoint = snapshot;
    }

    private Outcome undo() {
        String why = pressureRefusal;
        if (undoPoint != null) {
            Kernel before = undoPoint;
            restoreFrom(before);
        }
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

    private void unref(int frame, List<Event> events) {
        if (--mem.refs[frame] > 0) {
            return;
        }
        FrameKind kind = mem.kindOf(frame);
        long key = mem.cacheKey[frame];
        if (key >= 0) {
            pageCache[(int) (key >>> 32)][(int) key] = -1;
        }
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
                unref(fr, events);
            }
            mm.frame[v] = UNMAPPED;
            mm.flags[v] = 0;
        }
        mm.mapped = 0;
    }

    /** Drops {@code t}'s use of its address space, releasing a vfork parent that waits on it. */
    private void leaveAddressSpace(Task t, List<Event> events) {
        AddressSpace mm = t.mm;
        mm.users--;
        if (mm.users == 0) {
            unmapAll(mm, events);
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
        ownerIndex.put(owner, owners.size() - 1);
        charge = Arrays.copyOf(charge, owners.size());
        budget = Arrays.copyOf(budget, owners.size());
        budget[owners.size() - 1] = config.budgets().getOrDefault(owner, Integer.MAX_VALUE);
        return owners.size() - 1;
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

    /** Frames in use (the zero page excluded). */
    public int used() {
        return mem.used();
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

    /** Starts counting from here: the level's setup is not counted. */
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
        int rss = 0;
        int uss = 0;
        double pss = 0;
        if (t.mm != null) {
            for (int fr : t.mm.frame) {
                if (fr >= 0) {
                    rss++;
                    int refs = mem.refs[fr];
                    pss += 1.0 / refs;
                    if (refs == 1) {
                        uss++;
                    }
                }
            }
        }
        return new ProcessInfo(t.pid, t.ppid, t.owner, t.program, t.state, rss, pss, uss, t.oomScoreAdj,
                t.inVfork);
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
        if (fr == UNMAPPED) {
            return new PageInfo(v, segment, PageInfo.Mapping.UNMAPPED, -1, null, null, 0, false, false, false,
                    dontfork, wipe);
        }
        if (fr == ZERO_PAGE) {
            return new PageInfo(v, segment, PageInfo.Mapping.ZERO, -1, null, "0", 0, false, false, false,
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
     * ascending) first map them. Which free frame a page got changes nothing but frame
     * numbers later on: allocation takes the lowest free frame, and nothing else depends
     * on a frame's number.
     */
    public int[] stateWords(ToIntFunction<String> valueIds) {
        int[] w = new int[64];
        int n = 0;
        w[n++] = highestPid;
        w[n++] = tasks.size();
        int[] canonical = new int[mem.total];
        Arrays.fill(canonical, -1);
        int[] byCanonical = new int[mem.used()];
        int frames = 0;
        // Only a vfork child and its parent share an address space (users > 1): only
        // those need remembering, so most calls never build the map.
        IdentityHashMap<AddressSpace, Integer> seen = null;
        int spaces = 0;
        for (Task t : tasks.values()) {
            w = ensure(w, n, 9);
            w[n++] = t.pid;
            w[n++] = t.ppid;
            w[n++] = t.ownerIndex;
            w[n++] = t.oomScoreAdj;
            w[n++] = t.state.ordinal();
            w[n++] = t.program == null ? -1 : programIndex.get(t.program);
            w[n++] = t.inVfork ? 1 : 0;
            w[n++] = t.vforkParent;
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
            w = ensure(w, n, 3 + mm.size() * 2);
            w[n++] = mm.programIndex;
            w[n++] = mm.users;
            w[n++] = mm.mapped;
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
        w = ensure(w, n, 1 + frames * 6);
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
        }
        return Arrays.copyOf(w, n);
    }

    private static int[] ensure(int[] w, int n, int more) {
        return n + more <= w.length ? w : Arrays.copyOf(w, Math.max(w.length * 2, n + more));
    }

    /**
     * The invariants of DESIGN §2, checked by tests after every operation; empty when
     * they all hold.
     */
    public List<String> invariantViolations() {
        List<String> problems = new ArrayList<>();
        int[] mappings = new int[mem.total];
        IdentityHashMap<AddressSpace, Boolean> live = new IdentityHashMap<>();
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
        int[] charged = new int[owners.size()];
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
            int mapped = 0;
            for (int v = 0; v < mm.size(); v++) {
                int fr = mm.frame[v];
                if (fr < 0) {
                    if ((mm.flags[v] & (WRITABLE | COW | HUGE)) != 0) {
                        problems.add("vpn " + v + " is not mapped to a frame but has write/COW/huge flags");
                    }
                    continue;
                }
                mapped++;
                mappings[fr]++;
                if (mem.isFree(fr)) {
                    problems.add("frame " + fr + " is free but mapped");
                    continue;
                }
                pss += 1.0 / mem.refs[fr];
                boolean writable = (mm.flags[v] & WRITABLE) != 0;
                if (writable && mem.refs[fr] != 1) {
                    problems.add("frame " + fr + " is mapped writable with refs " + mem.refs[fr]);
                }
                if (writable && (mm.flags[v] & COW) != 0) {
                    problems.add("vpn " + v + " is both writable and COW");
                }
            }
            if (mapped != mm.mapped) {
                problems.add("an address space counts " + mm.mapped + " mapped pages but maps " + mapped);
            }
        }
        int used = 0;
        for (int fr = 0; fr < mem.total; fr++) {
            if (mem.isFree(fr)) {
                continue;
            }
            used++;
            if (mem.refs[fr] != mappings[fr]) {
                problems.add("frame " + fr + " has refs " + mem.refs[fr] + " but " + mappings[fr] + " mappings");
            }
            if (mem.chargedTo[fr] >= 0) {
                charged[mem.chargedTo[fr]]++;
            }
        }
        if (used != mem.used()) {
            problems.add("used is " + mem.used() + " but " + used + " frames are in use");
        }
        if (mem.used() + mem.freeCount() != mem.total) {
            problems.add("used + free != frames");
        }
        if (Math.abs(pss - mem.used()) > 1e-6) {
            problems.add("sum of pss " + pss + " != used frames " + mem.used());
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
}
