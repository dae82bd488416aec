package org.cowarena.kernel;

/** A process (Linux's task): its identity, state and the address space it uses. */
final class Task {
    final int pid;
    final int ppid;
    final String owner;
    final int ownerIndex;
    final int oomScoreAdj;
    /** Creation order: the OOM killer walks tasks in it, as {@code for_each_process} does. */
    final int created;
    AddressSpace mm;
    TaskState state;
    /** The program it last execed; kept after exit for the process list. */
    String program;
    /** True while this vfork child borrows its parent's address space. */
    boolean inVfork;
    /** For a vfork child: the parent blocked on it, or 0 when none waits. */
    int vforkParent;

    Task(int pid, int ppid, String owner, int ownerIndex, int oomScoreAdj, int created) {
        this.pid = pid;
        this.ppid = ppid;
        this.owner = owner;
        this.ownerIndex = ownerIndex;
        this.oomScoreAdj = oomScoreAdj;
        this.created = created;
        this.state = TaskState.RUNNING;
    }

    Task(Task other, AddressSpace mm) {
        this(other.pid, other.ppid, other.owner, other.ownerIndex, other.oomScoreAdj, other.created);
        this.mm = mm;
        this.state = other.state;
        this.program = other.program;
        this.inVfork = other.inVfork;
        this.vforkParent = other.vforkParent;
    }
}
