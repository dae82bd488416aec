package org.cowarena.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cowarena.move.Move;
import org.cowarena.move.MoveParser;
import org.cowarena.move.MoveSyntaxException;

/**
 * A kernel under test: every step is applied through here, and the invariants of
 * docs/kernel.md are asserted after each one. A refused move is also checked to have
 * changed nothing but the refusal counter.
 */
final class CheckedKernel {
    static final String YOU = "you";

    private final Kernel kernel;
    private boolean lockEverySpawn;

    CheckedKernel(MemoryConfig config, ProgramImage... programs) {
        this.kernel = new Kernel(config, List.of(programs));
    }

    /** Makes every process {@link #spawn} starts mlocked: reclaim cannot take its pages. */
    CheckedKernel lockingEverySpawn() {
        lockEverySpawn = true;
        return this;
    }

    Kernel kernel() {
        return kernel;
    }

    /** Starts a listed process owned by {@link #YOU}; asserts it started. */
    List<Event> spawn(int pid, String program) {
        return spawn(pid, program, YOU, 0);
    }

    /** Starts a listed process whose address space is mlocked: reclaim never takes its pages. */
    List<Event> spawnLocked(int pid, String program) {
        Outcome outcome = kernel.spawn(pid, program, YOU, 0, true);
        assertInvariants("spawn " + pid + " " + program + " (mlock)");
        assertThat(outcome.ok()).as("spawn %d %s: %s", pid, program, outcome).isTrue();
        return outcome.events();
    }

    List<Event> spawn(int pid, String program, String owner, int oomScoreAdj) {
        Outcome outcome = kernel.spawn(pid, program, owner, oomScoreAdj, lockEverySpawn);
        assertInvariants("spawn " + pid + " " + program);
        assertThat(outcome.ok()).as("spawn %d %s: %s", pid, program, outcome).isTrue();
        return outcome.events();
    }

    /** Applies a move in the notation; asserts it was accepted and returns its events. */
    List<Event> ok(String notation) {
        return ok(parse(notation));
    }

    List<Event> ok(Move move) {
        Outcome outcome = apply(move);
        assertThat(outcome.ok()).as("%s was refused: %s", move.notation(), outcome).isTrue();
        return outcome.events();
    }

    /** Applies a move that must be refused; asserts nothing but the refusal count changed. */
    String refused(String notation) {
        return refused(parse(notation));
    }

    String refused(Move move) {
        String before = Fingerprint.of(kernel);
        int refusalsBefore = kernel.stats().kernelRefusals();
        Outcome outcome = apply(move);
        assertThat(outcome.ok()).as("%s was accepted: %s", move.notation(), outcome).isFalse();
        assertThat(outcome.events()).isEmpty();
        assertThat(Fingerprint.of(kernel)).as("state after refused %s", move.notation()).isEqualTo(before);
        assertThat(kernel.stats().kernelRefusals()).isEqualTo(refusalsBefore + 1);
        return ((Outcome.Refused) outcome).reason();
    }

    /** Applies a move, whatever its outcome, and asserts the invariants. */
    Outcome apply(Move move) {
        Outcome outcome = kernel.apply(move);
        assertInvariants(move.notation());
        return outcome;
    }

    void assertInvariants(String after) {
        assertThat(kernel.invariantViolations()).as("invariant violations after %s", after).isEmpty();
    }

    PageInfo page(int pid, int vpn) {
        return kernel.page(pid, vpn).orElseThrow(() -> new AssertionError("no page " + pid + ":" + vpn));
    }

    FrameInfo frame(int frame) {
        return kernel.frame(frame);
    }

    ProcessInfo process(int pid) {
        return kernel.process(pid).orElseThrow(() -> new AssertionError("no process " + pid));
    }

    TaskState state(int pid) {
        return process(pid).state();
    }

    Stats stats() {
        return kernel.stats();
    }

    int used() {
        return kernel.used();
    }

    String fingerprint() {
        return Fingerprint.of(kernel);
    }

    /** What queries show, without the operation count and the reclaim order (which every move updates). */
    String observableFingerprint() {
        return Fingerprint.observable(kernel);
    }

    static Move parse(String notation) {
        try {
            return MoveParser.parseMove(notation);
        } catch (MoveSyntaxException e) {
            throw new AssertionError("bad move in test: " + notation, e);
        }
    }
}
