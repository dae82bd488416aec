package org.cowarena.server;

import java.util.concurrent.TimeUnit;
import org.cowarena.protocol.Messages;

/** An in-process client on a {@link LocalLink}, for server tests: says Hello, awaits messages by class. */
final class LocalPlayer implements AutoCloseable {
    final LocalLink link;

    private LocalPlayer(LocalLink link) {
        this.link = link;
    }

    static LocalPlayer join(GameServer server, Messages.Hello hello) {
        LocalPlayer p = new LocalPlayer(server.attach());
        p.link.send(hello);
        return p;
    }

    /** The first message of {@code type} within {@code millis}; what comes before it is dropped. */
    <T> T await(Class<T> type, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            Object m = left <= 0 ? null : link.poll(left);
            if (m == null) {
                throw new AssertionError("no " + type.getSimpleName() + " within " + millis + " ms");
            }
            if (type.isInstance(m)) {
                return type.cast(m);
            }
            if (m == LocalLink.CLOSED && type != Object.class) {
                throw new AssertionError("closed before a " + type.getSimpleName() + " came");
            }
        }
    }

    /** Waits for the end of the connection, dropping what comes before it. */
    void awaitClosed(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            Object m = left <= 0 ? null : link.poll(left);
            if (m == null) {
                throw new AssertionError("not closed within " + millis + " ms");
            }
            if (m == LocalLink.CLOSED) {
                return;
            }
        }
    }

    @Override
    public void close() {
        link.close();
    }
}
