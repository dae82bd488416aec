package org.cowarena.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.esotericsoftware.kryonet.Connection;
import com.esotericsoftware.kryonet.Listener;
import com.esotericsoftware.kryonet.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cowarena.protocol.Messages;
import org.cowarena.protocol.Protocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the hosts rely on of a {@link Peer}, checked alike on both kinds: one over a real Kryonet
 * connection on loopback, and the server's end of an in-process {@link LocalLink}.
 */
class PeerContractTest {
    private static final List<AutoCloseable> OPEN = new ArrayList<>();

    /** The client's end: the next message, {@code end} once the connection has ended, or null. */
    interface ClientEnd {
        Object poll(long millis) throws InterruptedException;
    }

    /** A peer, its client's end, and what that end reads when the connection has ended. */
    record Ends(Peer peer, ClientEnd client, Object end) {
    }

    /** A kind of peer, made fresh for each test (each closed after it). */
    record Kind(String name, java.util.concurrent.Callable<Ends> make) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Kind> peers() {
        return Stream.of(new Kind("kryonet", PeerContractTest::kryonet), new Kind("in-process", PeerContractTest::local));
    }

    private static Ends kryonet() throws Exception {
        com.esotericsoftware.minlog.Log.set(com.esotericsoftware.minlog.Log.LEVEL_NONE);
        Server server = new Server(Protocol.SERVER_WRITE_BUFFER, Protocol.SERVER_OBJECT_BUFFER);
        Protocol.register(server.getKryo());
        BlockingQueue<Connection> accepted = new LinkedBlockingQueue<>();
        server.addListener(new Listener() {
            @Override
            public void connected(Connection c) {
                accepted.add(c);
            }
        });
        int port = LoopbackPlayer.freePort();
        server.bind(port);
        server.start();
        OPEN.add(server::stop);
        LoopbackPlayer client = LoopbackPlayer.connect(port);
        OPEN.add(client);
        Connection c = accepted.poll(5, TimeUnit.SECONDS);
        return new Ends(new KryonetPeer(c), client::poll, LoopbackPlayer.END);
    }

    private static Ends local() {
        LocalLink link = new LocalLink(-1, new PeerListener() {
            @Override
            public void connected(Peer peer) {
            }

            @Override
            public void received(Peer peer, Object message) {
            }

            @Override
            public void disconnected(Peer peer) {
            }
        });
        OPEN.add(link::close);
        return new Ends(link.peer(), link::poll, LocalLink.CLOSED);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : OPEN) {
            c.close();
        }
        OPEN.clear();
    }

    private static Object next(Ends ends) throws InterruptedException {
        Object m = ends.client().poll(5000);
        assertThat(m).as("something reaches the client within 5 s").isNotNull();
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peers")
    void aMessageOfferedArrivesAsAnEqualCopyInOrder(Kind kind) throws Exception {
        Ends ends = kind.make().call();
        Messages.Refusal first = new Messages.Refusal("first");
        assertThat(ends.peer().connected()).isTrue();
        assertThat(ends.peer().offer(first)).isTrue();
        assertThat(ends.peer().offer(new Messages.ChatLine())).isTrue();
        Object got = next(ends);
        assertThat(got).isInstanceOfSatisfying(Messages.Refusal.class, r -> assertThat(r.reason).isEqualTo("first"))
                .isNotSameAs(first);
        assertThat(next(ends)).isInstanceOf(Messages.ChatLine.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peers")
    void aMessageLargerThanTheClientCanReadIsNotSent(Kind kind) throws Exception {
        Ends ends = kind.make().call();
        Messages.ChatLine huge = new Messages.ChatLine();
        huge.text = "x".repeat(Protocol.CLIENT_OBJECT_BUFFER + 1);
        // Kryonet writes it (its write buffer is larger) and the client drops the connection on
        // reading it; the in-process link refuses it, and the transport closes the connection
        if (!ends.peer().offer(huge)) {
            ends.peer().close();
        }
        assertThat(next(ends)).as("the connection ends; the message never arrives").isSameAs(ends.end());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peers")
    void closingEndsTheConnectionForTheClientAndFurtherOffersFail(Kind kind) throws Exception {
        Ends ends = kind.make().call();
        ends.peer().close();
        assertThat(next(ends)).isSameAs(ends.end());
        assertThat(ends.peer().connected()).isFalse();
        ends.peer().close(); // again: nothing happens
        assertThat(ends.peer().offer(new Messages.ChatLine()) && ends.peer().connected()).isFalse();
    }
}
