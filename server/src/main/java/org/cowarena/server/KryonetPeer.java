package org.cowarena.server;

import com.esotericsoftware.kryonet.Connection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.cowarena.protocol.Protocol;

/** A peer over a Kryonet TCP connection. */
final class KryonetPeer implements Peer {
    private final Connection connection;
    private final InetAddress address;

    KryonetPeer(Connection connection) {
        this.connection = connection;
        InetSocketAddress remote = connection.getRemoteAddressTCP();
        this.address = remote == null ? null : remote.getAddress(); // null when it closed before it could be read
    }

    @Override
    public int id() {
        return connection.getID();
    }

    @Override
    public InetAddress address() {
        return address;
    }

    @Override
    public boolean connected() {
        return connection.isConnected();
    }

    @Override
    public boolean offer(Object message) {
        if (connection.getTcpWriteBufferSize() > Protocol.SERVER_WRITE_BUFFER / 2) {
            return false; // a reader this far behind would fill the buffer and corrupt it: drop it instead
        }
        try {
            connection.sendTCP(message);
            return true;
        } catch (RuntimeException e) {
            return false; // Kryo's "Buffer overflow" corrupts the buffer: the connection is useless now
        }
    }

    @Override
    public void close() {
        connection.close();
    }

    @Override
    public String toString() {
        return "connection " + id() + (address == null ? "" : " from " + address.getHostAddress());
    }
}
