package org.cowarena.kernel;

import java.util.List;

/** Program images shared by the kernel tests; vpn layouts are spelled out for each. */
final class Programs {
    /** vpn 0 text "code"; 1-2 data "a","b"; 3-4 heap; 5 stack. */
    static final ProgramImage P = new ProgramImage("p", List.of("code"), List.of("a", "b"), 2, 1);
    /** vpn 0-1 text "q0","q1"; 2 heap. */
    static final ProgramImage Q = new ProgramImage("q", List.of("q0", "q1"), List.of(), 1, 0);
    /** vpn 0 text "h"; 1-3 heap. One file frame, three anonymous pages. */
    static final ProgramImage H = new ProgramImage("h", List.of("h"), List.of(), 3, 0);
    /** vpn 0-2 text only. */
    static final ProgramImage R = new ProgramImage("r", List.of("r0", "r1", "r2"), List.of(), 0, 0);
    /** vpn 0 text; 1-6 heap (with 4-page huge pages: one full group 1-4, a short group 5-6). */
    static final ProgramImage T = new ProgramImage("t", List.of("t"), List.of(), 6, 0);

    private Programs() {
    }
}
