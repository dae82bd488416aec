package org.cowarena.level;

import java.lang.reflect.RecordComponent;
import java.util.Optional;
import java.util.OptionalInt;
import org.cowarena.kernel.Event;
import org.cowarena.kernel.Kernel;
import org.cowarena.kernel.Segment;
import org.cowarena.move.Advice;
import org.cowarena.move.Move;

/**
 * What an {@code explain} condition ({@link When}) can ask of an event: the process it names,
 * the vpns it touched and their segment, the verb of the move that caused it and, for an
 * madvise, its advice.
 */
public record EventFacts(OptionalInt pid, OptionalInt vpnFrom, OptionalInt vpnTo, Optional<Segment> segment,
                         String verb, Optional<Advice> advice) {

    /**
     * The facts of {@code event}, caused by {@code move}, read with {@code kernel} as it is after
     * the move. An event's process is its {@code pid} component and its vpn its {@code vpn}
     * component (a huge page's fault names the vpn written), except an madvise (its range) and a
     * huge page's split (the pages of the huge page). The segment is the one of the first vpn in
     * the program the process runs after the move.
     */
    public static EventFacts of(Event event, Move move, Kernel kernel) {
        OptionalInt pid = component(event, "pid");
        OptionalInt from;
        OptionalInt to;
        if (event instanceof Event.Madvise m) {
            from = OptionalInt.of(m.from());
            to = OptionalInt.of(m.to());
        } else if (event instanceof Event.Split s) {
            from = OptionalInt.of(s.firstVpn());
            to = OptionalInt.of(s.firstVpn() + s.pages() - 1);
        } else {
            from = component(event, "vpn");
            to = from;
        }
        Optional<Segment> segment = Optional.empty();
        if (pid.isPresent() && from.isPresent()) {
            int vpn = from.getAsInt();
            segment = kernel.process(pid.getAsInt()).flatMap(p -> kernel.program(p.program()))
                    .filter(image -> vpn < image.size()).map(image -> image.segment(vpn));
        }
        Optional<Advice> advice = move instanceof Move.Madvise m ? Optional.of(m.advice()) : Optional.empty();
        return new EventFacts(pid, from, to, segment, move.verb(), advice);
    }

    /** An int component of an event record by name; every event is a record of plain values. */
    private static OptionalInt component(Event event, String name) {
        for (RecordComponent c : event.getClass().getRecordComponents()) {
            if (c.getName().equals(name) && c.getType() == int.class) {
                try {
                    return OptionalInt.of((int) c.getAccessor().invoke(event));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + name + " of " + event, e);
                }
            }
        }
        return OptionalInt.empty();
    }
}
