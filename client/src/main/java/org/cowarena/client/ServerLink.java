package org.cowarena.client;

import com.esotericsoftware.kryonet.Client;
import com.esotericsoftware.kryonet.Connection;
import com.esotericsoftware.kryonet.FrameworkMessage;
import com.esotericsoftware.kryonet.Listener;
import com.esotericsoftware.minlog.Log;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.cowarena.protocol.Protocol;

/**
 * One Kryonet connection to a server: the {@link Link} over the network. Kryonet's thread only puts what arrives on a queue;
 * the session reads the queue on its own thread.
 */
public final class ServerLink implements Link {
    private final Client client;
    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private boolean stopped;

    public ServerLink() {
        Log.set(Log.LEVEL_NONE); // minlog prints to stdout by default: it would corrupt a terminal screen
        client = new Client(Protocol.CLIENT_WRITE_BUFFER, Protocol.CLIENT_OBJECT_BUFFER);
        Protocol.register(client.getKryo());
        client.addListener(new Listener() {
            @Override
            public void received(Connection c, Object message) {
                if (!(message instanceof FrameworkMessage)) {
                    inbox.add(message);
                }
            }

            @Override
            public void disconnected(Connection c) {
                inbox.add(CLOSED);
            }
        });
    }

    public void connect(String host, int port, int timeoutMillis) throws IOException {
        client.start();
        client.connect(timeoutMillis, host, port);
    }

    @Override
    public boolean send(Object message) {
        if (!client.isConnected()) {
            return false;
        }
        try {
            client.sendTCP(message);
            return true;
        } catch (RuntimeException e) {
            client.close();
            return false;
        }
    }

    @Override
    public Object poll(long timeoutMillis) throws InterruptedException {
        return inbox.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean connected() {
        return client.isConnected();
    }

    /** Kryonet's own round trip, for the load benchmark's baseline. */
    public Client kryonet() {
        return client;
    }

    /** Stops the connection and its thread; closing again does nothing. */
    @Override
    public synchronized void close() {
        if (!stopped) {
            stopped = true;
            client.stop();
        }
    }
}
