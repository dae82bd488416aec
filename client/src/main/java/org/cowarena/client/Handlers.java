package org.cowarena.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The client's one dispatch of what a host sends: handlers keyed by the message's class, run
 * in the order they were registered. The session registers its models' handlers first, so a
 * screen registered after them sees each message once the models have taken it in.
 */
public final class Handlers {
    /** Looked up by class only: the order handlers run in is each list's, never the map's. */
    private final Map<Class<?>, List<Consumer<Object>>> byClass = new HashMap<>();

    /** Adds {@code handler} for messages of exactly {@code type}. */
    public <T> Handlers on(Class<T> type, Consumer<? super T> handler) {
        byClass.computeIfAbsent(type, t -> new ArrayList<>()).add(m -> handler.accept(type.cast(m)));
        return this;
    }

    /** Runs every handler of the message's class; false when there is none (an unknown message is ignored). */
    public boolean handle(Object message) {
        List<Consumer<Object>> handlers = message == null ? null : byClass.get(message.getClass());
        if (handlers == null) {
            return false;
        }
        // a handler may register more (a screen chosen by this message): they start with the next one
        for (Consumer<Object> h : List.copyOf(handlers)) {
            h.accept(message);
        }
        return true;
    }
}
