package org.cowarena.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.cowarena.protocol.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One host opens many connections that send a length prefix and then trickle: the server
 * keeps only a few of them past a second, refuses that host's next ones at once, closes the
 * rest at the Hello deadline, and a student from another address joins meanwhile.
 */
class TricklingConnectionsTest {
    private static final int TRICKLERS = 40;
    @RegisterExtension
    final LoopbackServers servers = new LoopbackServers();
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
    }

    @Test
    void tricklersFromOneAddressAreCappedAndClosedAtTheHelloDeadline() throws Exception {
        GameServer server = servers.start(GameServer::create);
        int port = servers.port();
        trickle(port, TRICKLERS);
        Waits.until(() -> server.connectionsAccepted() >= TRICKLERS, 10_000, "the server to accept the tricklers");
        Waits.until(() -> server.connections() <= GameServer.WAITING_PER_ADDRESS, 5_000,
                "connections over the per-address cap to be closed");
        List<Socket> second = trickle(port, TRICKLERS); // the address is held to the cap now: refused at once
        long soon = System.nanoTime() + 2_000_000_000L;
        for (Socket s : second) {
            assertThat(closedBy(s, soon)).as("a trickler past the cap refused at once").isTrue();
        }

        try (LoopbackPlayer alice = LoopbackPlayer.join(port, new Messages.Hello("alice", null, null, false))) {
            assertThat(alice.answer(5000)).isInstanceOf(Messages.Welcome.class);
            long deadline = System.nanoTime() + (GameServer.HELLO_MILLIS + 5000) * 1_000_000L;
            for (Socket s : sockets) {
                assertThat(closedBy(s, deadline)).as("a trickler closed by the server").isTrue();
            }
            Waits.until(() -> server.connections() == 1, 5_000, "only alice to be left");
            assertThat(alice.disconnected()).isFalse();
        }
    }

    /** Opens {@code n} connections from 127.0.0.2 that send a length prefix and one byte, then nothing. */
    private List<Socket> trickle(int port, int n) throws IOException {
        List<Socket> opened = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Socket s = new Socket();
            sockets.add(s);
            opened.add(s);
            s.bind(new InetSocketAddress("127.0.0.2", 0)); // another host than the student on 127.0.0.1
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            OutputStream out = s.getOutputStream();
            out.write(new byte[] {0, 0, 0, 100, 1}); // a length prefix, then the first byte of a message
            out.flush();
        }
        return opened;
    }

    /** Whether the server closes {@code s} before {@code deadline} (it reads what the server sent until then). */
    private static boolean closedBy(Socket s, long deadline) throws IOException {
        InputStream in = s.getInputStream();
        byte[] buffer = new byte[4096];
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return false;
            }
            s.setSoTimeout((int) left);
            try {
                if (in.read(buffer) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (SocketException e) {
                return true; // reset by the server
            }
        }
    }
}
