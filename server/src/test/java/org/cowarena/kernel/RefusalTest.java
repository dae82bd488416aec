package org.cowarena.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.cowarena.move.Advice;
import org.cowarena.move.Move;
import org.junit.jupiter.api.Test;

/** Illegal moves are refused with a reason and change nothing (CheckedKernel.refused compares states). */
class RefusalTest {
    private static final String[] EVERY_MOVE_OF_PID_1 = {"fork 1", "vfork 1", "exec 1 p", "write 1 3 X",
        "read 1 3", "exit 1", "madvise 1 3 dontfork"};

    private static CheckedKernel running() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT).withSegvKills(true), Programs.P);
        k.spawn(1, "p");
        k.ok("write 1 3 X");
        return k;
    }

    @Test
    void everyMoveOfAnUnknownPidIsRefused() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), Programs.P);
        for (String move : EVERY_MOVE_OF_PID_1) {
            assertThat(k.refused(move)).as(move).isEqualTo("no process 1");
        }
        k.spawn(1, "p");
        assertThat(k.refused("fork 2")).isEqualTo("no process 2");
        assertThat(k.refused(new Move.Write(0, 0, "X"))).isEqualTo("no process 0");
    }

    @Test
    void everyMoveOfAnExitedProcessIsRefused() {
        CheckedKernel k = running();
        k.ok("exit 1");
        for (String move : EVERY_MOVE_OF_PID_1) {
            assertThat(k.refused(move)).as(move).contains("has exited");
        }
    }

    @Test
    void everyMoveOfAKilledProcessIsRefused() {
        CheckedKernel k = running();
        k.ok("write 1 0 X");    // segv: killed
        for (String move : EVERY_MOVE_OF_PID_1) {
            assertThat(k.refused(move)).as(move).contains("was killed");
        }
    }

    @Test
    void everyMoveOfABlockedProcessIsRefused() {
        CheckedKernel k = running();
        k.ok("vfork 1");
        for (String move : EVERY_MOVE_OF_PID_1) {
            assertThat(k.refused(move)).as(move).contains("blocked");
        }
    }

    @Test
    void aVpnOutOfRangeIsRefused() {
        CheckedKernel k = running();
        assertThat(k.refused("write 1 6 X")).contains("out of range");
        assertThat(k.refused("read 1 6")).contains("out of range");
        assertThat(k.refused(new Move.Read(1, -1))).contains("out of range");
        assertThat(k.refused(new Move.Write(1, -1, "X"))).contains("out of range");
        assertThat(k.refused(new Move.Madvise(1, -1, 3, Advice.DONTFORK))).contains("out of range");
        assertThat(k.refused("write 1 9999999 X")).contains("out of range");
    }

    @Test
    void anUnknownProgramIsRefused() {
        CheckedKernel k = running();
        assertThat(k.refused("exec 1 nosuch")).isEqualTo("unknown program \"nosuch\"");
    }

    @Test
    void passChangesNothingButTheOperationCountAndIsNotARefusal() {
        CheckedKernel k = running();
        String before = k.observableFingerprint();
        int operations = k.kernel().operations();
        assertThat(k.ok("pass")).isEmpty();
        assertThat(k.observableFingerprint()).isEqualTo(before);
        assertThat(k.kernel().operations()).isEqualTo(operations + 1);
        assertThat(k.stats().kernelRefusals()).isZero();
    }
}
