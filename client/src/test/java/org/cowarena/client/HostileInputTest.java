package org.cowarena.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.esotericsoftware.kryonet.Client;
import com.esotericsoftware.kryonet.Connection;
import com.esotericsoftware.kryonet.Listener;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cowarena.protocol.Messages;
import org.cowarena.protocol.Protocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input from the network while a game is on: the attacker is refused or dropped, the
 * players keep playing, and the game's state is what their moves made it.
 */
class HostileInputTest {
    private TestServer t;
    private Session red;
    private Session blue;
    private long digestBefore;
    private int movesBefore;

    @BeforeEach
    void startGame() throws Exception {
        t = TestServer.start(c -> c);
        red = Waits.join(t.port, "alice", null, false);
        blue = Waits.join(t.port, "bob", null, false);
        Waits.until(red, () -> red.room().started(), 5000, "the game to start");
        red.play("fork 1");
        Waits.until(blue, () -> blue.room().index() == 1, 5000, "the first move");
        Waits.until(red, () -> red.room().index() == 1, 5000, "the first move");
        digestBefore = t.room(0).digest();
        assertThat(red.room().digest()).isEqualTo(digestBefore);
        movesBefore = t.room(0).moves();
    }

    @AfterEach
    void stop() {
        red.close();
        blue.close();
        t.close();
    }

    /** Nothing changed, the players are still connected, and the next move goes through to both. */
    private void assertPlayersUnharmed() throws Exception {
        assertThat(t.room(0).digest()).isEqualTo(digestBefore);
        assertThat(t.room(0).moves()).isEqualTo(movesBefore);
        assertThat(red.closed() || blue.closed()).isFalse();
        int next = blue.room().index() + 1;
        blue.play("fork 2");
        Waits.until(red, () -> red.room().index() == next, 5000, "the next move to reach red");
        Waits.until(blue, () -> blue.room().index() == next, 5000, "the next move to reach blue");
        assertThat(red.room().digest()).isEqualTo(t.room(0).digest());
        assertThat(red.resyncs() + blue.resyncs()).isZero();
    }

    private static boolean closedByServer(Socket s) throws Exception {
        s.setSoTimeout(5000);
        InputStream in = s.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            while (in.read(buffer) >= 0) {
                // what the server sent before closing (its registration message)
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true; // reset by the server
        }
    }

    @Test
    void garbageBytesOnTheTcpPortCloseThatConnectionOnly() throws Exception {
        try (Socket http = new Socket("127.0.0.1", t.port)) {
            http.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(closedByServer(http)).as("the server closed the connection").isTrue();
        }
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            try (Socket junk = new Socket("127.0.0.1", t.port)) {
                byte[] bytes = new byte[1 + random.nextInt(8192)];
                random.nextBytes(bytes);
                junk.getOutputStream().write(bytes);
            }
        }
        assertPlayersUnharmed();
    }

    /** A class the protocol does not register, under an id the server never assigned. */
    public static final class Forged {
        public String payload = "rm -rf";
    }

    private Client rawClient(int writeBuffer, boolean forged) throws Exception {
        Client c = new Client(writeBuffer, Protocol.CLIENT_OBJECT_BUFFER);
        Protocol.register(c.getKryo());
        if (forged) {
            c.getKryo().register(Forged.class, 500);
        }
        c.start();
        c.connect(5000, "127.0.0.1", t.port);
        return c;
    }

    private static CountDownLatch closing(Client c) {
        CountDownLatch closed = new CountDownLatch(1);
        c.addListener(new Listener() {
            @Override
            public void disconnected(Connection connection) {
                closed.countDown();
            }
        });
        return closed;
    }

    @Test
    void anUnregisteredClassIdDropsTheSender() throws Exception {
        Client c = rawClient(Protocol.CLIENT_WRITE_BUFFER, true);
        CountDownLatch closed = closing(c);
        c.sendTCP(new Forged());
        assertThat(closed.await(5, TimeUnit.SECONDS)).as("the server dropped the sender").isTrue();
        c.stop();
        assertPlayersUnharmed();
    }

    @Test
    void anObjectLargerThanTheServersBufferDropsTheSender() throws Exception {
        Client c = rawClient(1 << 20, false);
        CountDownLatch closed = closing(c);
        c.sendTCP(new Messages.Hello("x".repeat(200_000), null, null, false));
        assertThat(closed.await(5, TimeUnit.SECONDS)).as("the server dropped the sender").isTrue();
        c.stop();
        assertPlayersUnharmed();
    }

    @Test
    void aFloodIsCutOffAndChangesNothing() throws Exception {
        Session flooder = Waits.join(t.port, "mallory", null, true);
        int before = red.refusals().size();
        for (int i = 0; i < 5000 && !flooder.closed(); i++) {
            flooder.send(new Messages.PlayMove(i, "fork 1"));
            flooder.send(new Messages.ChatSend("spam " + i));
        }
        Waits.until(flooder, flooder::closed, 10_000, "the server to cut the flooder off");
        assertThat(flooder.refusal()).contains("too many messages");
        flooder.close();
        assertThat(red.refusals()).hasSize(before);
        assertPlayersUnharmed();
    }

    @Test
    void aThousandConnectionsComingAndGoingLeaveTheServerServing() throws Exception {
        long start = t.server.connectionsAccepted();
        for (int i = 0; i < 1000; i++) {
            if (i % 25 == 0) {
                // Let the server accept what came so far: Kryonet's listen backlog is 50, and a
                // connection past it waits a second for the kernel's SYN retry.
                int sent = i;
                Waits.until(() -> t.server.connectionsAccepted() - start >= sent, 10_000, "accepts");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", t.port), 5000);
                if (i % 100 == 0) {
                    OutputStream out = s.getOutputStream();
                    out.write(new byte[] {0, 0, 0, 1, 7});
                }
            }
        }
        Waits.until(() -> t.server.connections() == 2, 10_000, "the server to forget the closed connections");
        assertPlayersUnharmed();
    }
}
