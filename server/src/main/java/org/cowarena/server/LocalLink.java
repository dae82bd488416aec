package org.cowarena.server;

import com.esotericsoftware.kryo.KryoException;
import java.io.Closeable;
import java.net.InetAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.cowarena.protocol.Protocol;

/**
 * The client's end of an in-process connection to a {@link GameServer} ({@link GameServer#attach}):
 * no socket, no port, no network interface. A client uses it as it would a Kryonet client:
 * {@link #send} a {@code Hello}, then the protocol's messages; {@link #poll} what the server
 * sent, and {@link #CLOSED} once the connection has ended. The server serves it exactly as a
 * network connection (the same Hello checks, rooms, race or tournament, rate limit and
 * refusals), except that the per-address connection caps, which guard against a flooding
 * host, do not apply to a connection that has no address.
 *
 * <p>Every message crosses as it would cross the wire: written by Kryo with the protocol's
 * registration and read back ({@link WireCopy}), under the same size limits. So the two ends
 * never share an object, and a game played in process exercises the same serialization as a
 * networked one: a message that could not travel over Kryonet does not travel here either.
 * A client that stops polling is dropped once what waits for it passes half the server's
 * write buffer, as a slow network reader is. Thread-safe: any thread may send, one polls.
 */
public final class LocalLink implements Closeable {
    /** What {@link #poll} returns, once, when the connection has ended. */
    public static final Object CLOSED = new Object() {
        @Override
        public String toString() {
            return "closed";
        }
    };

    /** Messages from the client are read by the server into an object buffer of this size. */
    private static final int UP_LIMIT = Math.min(Protocol.CLIENT_WRITE_BUFFER, Protocol.SERVER_OBJECT_BUFFER);
    private static final int DOWN_LIMIT = Math.min(Protocol.SERVER_WRITE_BUFFER, Protocol.CLIENT_OBJECT_BUFFER);
    /** The bytes that may wait for a client before it is dropped, as for a Kryonet connection. */
    private static final long BACKLOG_LIMIT = Protocol.SERVER_WRITE_BUFFER / 2;

    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final AtomicLong waitingBytes = new AtomicLong();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final PeerListener server;
    private final ServerEnd peer;

    LocalLink(int id, PeerListener server) {
        this.server = server;
        this.peer = new ServerEnd(id);
    }

    /** The server's side of this link. */
    Peer peer() {
        return peer;
    }

    /**
     * Sends a protocol message to the server; false when the link is closed, or the message
     * cannot travel (not a protocol message, or over the size limit), which closes it as it
     * would a Kryonet client.
     */
    public boolean send(Object message) {
        if (!open.get()) {
            return false;
        }
        WireCopy.Copied copy;
        try {
            copy = WireCopy.copy(message, UP_LIMIT);
        } catch (KryoException | IllegalArgumentException e) {
            close();
            return false;
        }
        server.received(peer, copy.message());
        return true;
    }

    /** The next message from the server, {@link #CLOSED} once at the end, or null when nothing came in time. */
    public Object poll(long timeoutMillis) throws InterruptedException {
        Object message = inbox.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        if (message instanceof Sized sized) {
            waitingBytes.addAndGet(-sized.bytes);
            return sized.message;
        }
        return message;
    }

    public boolean connected() {
        return open.get();
    }

    /** Ends the connection: the server hears of it as a disconnect. Closing again does nothing. */
    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            inbox.add(CLOSED);
            server.disconnected(peer);
        }
    }

    /** A message waiting for the client, with the bytes it took on the wire. */
    private record Sized(Object message, int bytes) {
    }

    private final class ServerEnd implements Peer {
        private final int id;

        ServerEnd(int id) {
            this.id = id;
        }

        @Override
        public int id() {
            return id;
        }

        @Override
        public InetAddress address() {
            return null;
        }

        @Override
        public boolean connected() {
            return open.get();
        }

        @Override
        public boolean offer(Object message) {
            if (!open.get() || waitingBytes.get() > BACKLOG_LIMIT) {
                return false;
            }
            WireCopy.Copied copy;
            try {
                copy = WireCopy.copy(message, DOWN_LIMIT);
            } catch (KryoException | IllegalArgumentException e) {
                return false;
            }
            waitingBytes.addAndGet(copy.bytes());
            inbox.add(new Sized(copy.message(), copy.bytes()));
            return true;
        }

        @Override
        public void close() {
            LocalLink.this.close();
        }

        @Override
        public String toString() {
            return "in-process connection " + id;
        }
    }
}
