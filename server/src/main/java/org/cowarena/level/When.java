package org.cowarena.level;

import java.util.Optional;
import java.util.OptionalInt;
import org.cowarena.kernel.Segment;
import org.cowarena.move.Advice;

/**
 * The condition of an {@code explain} note: each part given must hold for the event. An
 * event names a process (its {@code pid}: for a fork the parent, for an OOM kill the victim)
 * and, for faults, a vpn or a range of vpns (an madvise range, a split huge page), which
 * lies in a segment of that process's program. {@code move} is the verb of the move, a
 * player's or an actor's, that caused the event, and {@code advice} the advice of that move
 * when it is an madvise.
 *
 * @param vpnFrom the first vpn of the range asked for; with {@code vpnTo}, the event's vpns must
 *                overlap the range
 */
public record When(OptionalInt pid, OptionalInt vpnFrom, OptionalInt vpnTo, Optional<Segment> segment,
                   Optional<String> move, Optional<Advice> advice) {
    /** No condition: the note goes with the first event of its type. */
    public static final When ANY = new When(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    public boolean any() {
        return equals(ANY);
    }

    /** Whether an event with these facts meets every part of the condition. */
    public boolean holds(EventFacts facts) {
        if (pid.isPresent() && (facts.pid().isEmpty() || facts.pid().getAsInt() != pid.getAsInt())) {
            return false;
        }
        if (vpnFrom.isPresent() && (facts.vpnFrom().isEmpty() || facts.vpnTo().getAsInt() < vpnFrom.getAsInt()
                || facts.vpnFrom().getAsInt() > vpnTo.getAsInt())) {
            return false;
        }
        if (segment.isPresent() && !segment.equals(facts.segment())) {
            return false;
        }
        if (advice.isPresent() && !advice.equals(facts.advice())) {
            return false;
        }
        return move.isEmpty() || move.get().equals(facts.verb());
    }
}
