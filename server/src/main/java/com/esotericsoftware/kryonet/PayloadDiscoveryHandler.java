package com.esotericsoftware.kryonet;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.function.Supplier;

/**
 * COW Arena's answer to LAN discovery: a serialized payload (the server, its rooms and
 * their players) instead of Kryonet's empty datagram. It lives in Kryonet's package
 * because {@link UdpConnection}, which the handler interface hands over, is
 * package-private there.
 */
public final class PayloadDiscoveryHandler implements ServerDiscoveryHandler {
    private final Supplier<Object> payload;
    private final int maxBytes;

    public PayloadDiscoveryHandler(Supplier<Object> payload, int maxBytes) {
        this.payload = payload;
        this.maxBytes = maxBytes;
    }

    @Override
    public boolean onDiscoverHost(UdpConnection udp, InetSocketAddress from, Serialization serialization)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(maxBytes);
        try {
            serialization.write(null, buffer, payload.get());
        } catch (RuntimeException e) {
            // too large or not serializable: answer as Kryonet does, with an empty datagram
            buffer.clear();
        }
        buffer.flip();
        udp.datagramChannel.send(buffer, from);
        return true;
    }
}
