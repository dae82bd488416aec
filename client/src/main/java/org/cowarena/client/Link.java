package org.cowarena.client;

import java.io.Closeable;

/**
 * One connection to a game host, whatever carries it: Kryonet over TCP ({@link ServerLink}), a
 * server in this process ({@link InProcessLink}, what solo play uses), or a pair of in-memory
 * queues whose other end a test plays (the tests' QueueLink). What arrives waits on a queue until
 * the client's own thread polls it; the end of the connection arrives as {@link #CLOSED}.
 */
public interface Link extends Closeable {
    /** Put on the queue when the connection closes: a message like any other, with its own class. */
    Closed CLOSED = new Closed();

    /** The connection's end, as a message. */
    final class Closed {
        private Closed() {
        }

        @Override
        public String toString() {
            return "closed";
        }
    }

    /** Sends; false when the connection is gone or the message could not be written. */
    boolean send(Object message);

    /** The next message, {@link #CLOSED}, or null when nothing came in time. */
    Object poll(long timeoutMillis) throws InterruptedException;

    boolean connected();

    @Override
    void close();
}
