package org.cowarena.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.cowarena.protocol.Messages;

/**
 * The host's end of a {@link QueueLink}, played by a test: it hands a session the messages a
 * server would send, one at a time, and keeps what the session sent. No server, no socket.
 */
public final class FakeHost {
    private QueueLink end;
    private final Session session;
    private final List<Object> received = new ArrayList<>();

    public FakeHost(Messages.Hello hello) {
        this(hello, System::nanoTime);
    }

    /** {@code nanos}: the session's clock (its race and turn timers), for a test that moves time itself. */
    public FakeHost(Messages.Hello hello, java.util.function.LongSupplier nanos) {
        session = new Session(timeout -> {
            QueueLink[] pair = QueueLink.pair();
            end = pair[1];
            return pair[0];
        }, "fake-host", hello, nanos);
        try {
            session.connect(1000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FakeHost player(String name) {
        return new FakeHost(new Messages.Hello(name, null, null, false));
    }

    public Session session() {
        return session;
    }

    /** Sends {@code message} and has the session take it in (its models, then every handler registered). */
    public void deliver(Object message) {
        end.send(message);
        try {
            Object m;
            do {
                m = session.next(1000);
            } while (m != null && m != message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends {@code message} without taking it in: the session's owner reads it when it polls. */
    public void send(Object message) {
        end.send(message);
    }

    /** What the session has sent so far (its hello first). */
    public List<Object> received() throws InterruptedException {
        for (Object m = end.poll(0); m != null; m = end.poll(0)) {
            received.add(m);
        }
        return received;
    }

    /** The connection drops: the session reads it as closed. */
    public void drop() {
        end.close();
    }
}
