package org.cowarena.client;

import org.cowarena.server.LocalLink;

/**
 * The {@link Link} to a server in this process ({@link org.cowarena.server.GameServer#attach}):
 * no socket, so it works on a machine with no network interface at all. The messages cross as
 * Kryo writes and reads them over the network, so the session sees what it would see over TCP.
 */
public final class InProcessLink implements Link {
    private final LocalLink link;

    public InProcessLink(LocalLink link) {
        this.link = link;
    }

    @Override
    public boolean send(Object message) {
        return link.send(message);
    }

    @Override
    public Object poll(long timeoutMillis) throws InterruptedException {
        Object message = link.poll(timeoutMillis);
        return message == LocalLink.CLOSED ? CLOSED : message;
    }

    @Override
    public boolean connected() {
        return link.connected();
    }

    @Override
    public void close() {
        link.close();
    }
}
