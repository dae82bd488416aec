package org.cowarena.server;

import com.esotericsoftware.kryonet.KryoSerialization;
import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.function.Supplier;
import org.cowarena.protocol.Protocol;

/**
 * Answers LAN discovery on its own UDP socket, bound to the wildcard address (bound to
 * one address it would not hear broadcasts). Kryonet's own UDP port is not used: a Kryonet
 * server with UDP waits for every client to register over UDP before it counts it as
 * connected, and our clients speak TCP only. Any datagram is answered with the server's
 * {@code DiscoveryReply}, serialized as Kryonet's discovery client reads it; answers are
 * rate-limited so the server cannot be used to flood the LAN.
 */
final class DiscoveryResponder implements Closeable {
    private final DatagramSocket socket;
    private final Thread thread;
    private final Supplier<Object> reply;
    private final KryoSerialization serialization = new KryoSerialization();
    private final RateLimit rate = new RateLimit(50, 100, System.nanoTime());

    DiscoveryResponder(int port, Supplier<Object> reply) throws SocketException {
        this.socket = new DatagramSocket(new InetSocketAddress(port));
        this.reply = reply;
        Protocol.register(serialization.getKryo());
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
                if (!rate.allow(System.nanoTime())) {
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
