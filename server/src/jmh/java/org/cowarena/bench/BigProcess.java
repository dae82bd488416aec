package org.cowarena.bench;

import java.util.List;
import org.cowarena.kernel.Kernel;
import org.cowarena.kernel.MemoryConfig;
import org.cowarena.kernel.OomPolicy;
import org.cowarena.kernel.Outcome;
import org.cowarena.kernel.ProgramImage;

/** The process the benchmarks work on: one code page and a heap of 262,144 pages (1 GiB of 4 KiB pages). */
final class BigProcess {
    static final int HEAP_PAGES = 262_144;
    static final int PID = 1;
    /** The pid the kernel gives the first fork of {@link #PID}. */
    static final int CHILD_PID = 2;
    static final String VALUE = "v";

    static final ProgramImage PROGRAM = ProgramImage.of("big", 1, List.of(), HEAP_PAGES, 0);
    static final int HEAP_START = PROGRAM.heapStart();
    static final int HEAP_END = PROGRAM.stackStart();

    /** Room for the parent's heap, a child's private copy of all of it, and the code page. */
    static final int FRAMES = 2 * HEAP_PAGES + 16;

    private BigProcess() {
    }

    /** A kernel running {@link #PID} with its heap untouched. */
    static Kernel spawned() {
        Kernel kernel = new Kernel(MemoryConfig.of(FRAMES, OomPolicy.REJECT), List.of(PROGRAM));
        check(kernel.spawn(PID, PROGRAM.name(), "bench", 0), "spawn");
        return kernel;
    }

    /** A kernel running {@link #PID} with every heap page written: private writable anonymous frames. */
    static Kernel written() {
        Kernel kernel = spawned();
        for (int v = HEAP_START; v < HEAP_END; v++) {
            check(kernel.write(PID, v, VALUE), "write");
        }
        if (kernel.used() != HEAP_PAGES + 1 || !kernel.page(PID, HEAP_END - 1).orElseThrow().writable()) {
            throw new IllegalStateException("the heap is not all private writable: " + kernel.stats());
        }
        return kernel;
    }

    static void check(Outcome outcome, String what) {
        if (!outcome.ok()) {
            throw new IllegalStateException(what + " was refused: " + outcome);
        }
    }
}
