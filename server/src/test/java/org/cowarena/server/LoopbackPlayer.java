package org.cowarena.server;

import com.esotericsoftware.kryonet.Client;
import com.esotericsoftware.kryonet.Connection;
import com.esotericsoftware.kryonet.FrameworkMessage;
import com.esotericsoftware.kryonet.Listener;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.cowarena.protocol.Messages;
import org.cowarena.protocol.Protocol;

/** A Kryonet client on loopback that says Hello and keeps what the server sends, for server tests. */
final class LoopbackPlayer implements AutoCloseable {
    /** Put on the queue of what was received when the connection ends. */
    static final Object END = new Object();
    private final Client client = new Client(Protocol.CLIENT_WRITE_BUFFER, Protocol.CLIENT_OBJECT_BUFFER);
    private final LinkedBlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private volatile boolean disconnected;

    private LoopbackPlayer() {
        Protocol.register(client.getKryo());
        client.addListener(new Listener() {
            @Override
            public void received(Connection c, Object message) {
                if (!(message instanceof FrameworkMessage)) {
                    received.add(message);
                }
            }

            @Override
            public void disconnected(Connection c) {
                disconnected = true;
                received.add(END);
            }
        });
    }

    /** Connects to {@code port} on loopback and sends {@code hello}. */
    static LoopbackPlayer join(int port, Messages.Hello hello) throws IOException {
        LoopbackPlayer p = connect(port);
        p.client.sendTCP(hello);
        return p;
    }

    /** Connects to {@code port} on loopback and says nothing yet. */
    static LoopbackPlayer connect(int port) throws IOException {
        LoopbackPlayer p = new LoopbackPlayer();
        p.client.start();
        p.client.connect(5000, "127.0.0.1", port);
        return p;
    }

    /** The next message received (or {@link #END}), or null when nothing came in time. */
    Object poll(long millis) throws InterruptedException {
        return received.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** The first message of {@code type} that arrives within {@code millis}; what comes before it is dropped. */
    <T> T await(Class<T> type, long millis) throws InterruptedException {
        return await(type, m -> true, millis);
    }

    <T> T await(Class<T> type, Predicate<T> which, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            long left = deadline - System.nanoTime();
            Object m = received.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (m == null) {
                throw new AssertionError("no " + type.getSimpleName() + " within " + millis + " ms");
            }
            if (type.isInstance(m) && which.test(type.cast(m))) {
                return type.cast(m);
            }
        }
    }

    /** The first Welcome or Refusal. */
    Object answer(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            long left = deadline - System.nanoTime();
            Object m = received.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (m == null) {
                throw new AssertionError("neither a welcome nor a refusal within " + millis + " ms");
            }
            if (m instanceof Messages.Welcome || m instanceof Messages.Refusal) {
                return m;
            }
        }
    }

    void send(Object message) {
        client.sendTCP(message);
    }

    boolean disconnected() {
        return disconnected || !client.isConnected();
    }

    @Override
    public void close() {
        client.stop();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
