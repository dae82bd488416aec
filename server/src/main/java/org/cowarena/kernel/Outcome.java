package org.cowarena.kernel;

import java.util.List;

/** What a move did: its events, or a refusal with a reason (and then nothing changed). */
public sealed interface Outcome {

    List<Event> events();

    boolean ok();

    static Outcome done(List<Event> events) {
        return new Done(events);
    }

    static Outcome refused(String reason) {
        return new Refused(reason);
    }

    record Done(List<Event> events) implements Outcome {
        public Done {
            events = List.copyOf(events);
        }

        public boolean ok() {
            return true;
        }
    }

    record Refused(String reason) implements Outcome {
        public List<Event> events() {
            return List.of();
        }

        public boolean ok() {
            return false;
        }
    }
}
