package org.cowarena.server;

import com.esotericsoftware.kryonet.KryoSerialization;
import com.esotericsoftware.kryonet.FrameworkMessage;
import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.cowarena.protocol.Protocol;

/**
 * Answers LAN discovery on its own UDP socket, bound to the wildcard address (bound to
 * one address it would not hear broadcasts). Kryonet's own UDP port is not used: a Kryonet
 * server with UDP waits for every client to register over UDP before it counts it as
 * connected, and our clients speak TCP only. A well-formed probe (exactly what Kryonet's
 * {@code discoverHosts} sends) is answered with the server's {@code DiscoveryReply},
 * serialized as Kryonet's discovery client reads it; anything else gets no answer. Answers
 * are rate-limited per source address, so one host's flood silences only that host, and
 * in all, so the server cannot be used to flood the LAN.
 */
final class DiscoveryResponder implements Closeable {
    private final DatagramSocket socket;
    private final Thread thread;
    private final Supplier<Object> reply;
    private final KryoSerialization serialization = new KryoSerialization();
    /** Answers to one address: a lobby probes once every few seconds. */
    static final double PER_SOURCE_PER_SECOND = 4;
    static final double PER_SOURCE_BURST = 8;
    /** Sources remembered at once; the one heard from longest ago is forgotten first. */
    private static final int SOURCES = 4096;
    private final RateLimit all = new RateLimit(200, 400, System.nanoTime());
    private final Map<InetAddress, RateLimit> perSource = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetAddress, RateLimit> eldest) {
            return size() > SOURCES;
        }
    };
    /** The bytes of Kryonet's discovery probe: the only datagram answered. */
    private final byte[] probe;

    DiscoveryResponder(int port, Supplier<Object> reply) throws SocketException {
        this.socket = new DatagramSocket(new InetSocketAddress(port));
        socket.setReceiveBufferSize(1 << 20); // room for a flood's backlog while it is read and dropped
        this.reply = reply;
        Protocol.register(serialization.getKryo());
        ByteBuffer bytes = ByteBuffer.allocate(64);
        serialization.write(null, bytes, new FrameworkMessage.DiscoverHost());
        this.probe = Arrays.copyOf(bytes.array(), bytes.position());
        this.thread = new Thread(this::serve, "discovery");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void serve() {
        byte[] in = new byte[512];
        ByteBuffer out = ByteBuffer.allocate(Protocol.SERVER_OBJECT_BUFFER);
        while (!socket.isClosed()) {
            DatagramPacket request = new DatagramPacket(in, in.length);
            try {
                socket.receive(request);
                if (!answers(request)) {
                    continue;
                }
                out.clear();
                serialization.write(null, out, reply.get());
                out.flip();
                socket.send(new DatagramPacket(out.array(), out.limit(), request.getSocketAddress()));
            } catch (IOException | RuntimeException e) {
                if (socket.isClosed()) {
                    return;
                }
                // one bad datagram or a reply that did not fit: keep answering the others
            }
        }
    }

    /** Whether {@code request} is a probe, and its source and the server are under their rates. */
    private boolean answers(DatagramPacket request) {
        if (!Arrays.equals(request.getData(), request.getOffset(), request.getOffset() + request.getLength(),
                probe, 0, probe.length)) {
            return false;
        }
        long now = System.nanoTime();
        RateLimit source = perSource.computeIfAbsent(request.getAddress(),
                a -> new RateLimit(PER_SOURCE_PER_SECOND, PER_SOURCE_BURST, now));
        return source.allow(now) && all.allow(now);
    }

    @Override
    public void close() {
        socket.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
