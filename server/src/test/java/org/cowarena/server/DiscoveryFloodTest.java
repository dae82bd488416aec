package org.cowarena.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.esotericsoftware.kryonet.FrameworkMessage;
import com.esotericsoftware.kryonet.KryoSerialization;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.cowarena.protocol.Messages;
import org.cowarena.protocol.Protocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * LAN discovery on a real server over loopback: one host's flood silences only that host,
 * and only Kryonet's discovery probe gets an answer.
 */
class DiscoveryFloodTest {
    private final KryoSerialization serialization = new KryoSerialization();
    private GameServer server;
    private InetSocketAddress discovery;
    private byte[] probe;
    private int tcpPort;

    @BeforeEach
    void start() throws Exception {
        Protocol.register(serialization.getKryo());
        ByteBuffer b = ByteBuffer.allocate(64);
        serialization.write(null, b, new FrameworkMessage.DiscoverHost()); // what Client.discoverHosts sends
        probe = Arrays.copyOf(b.array(), b.position());
        int udp;
        try (DatagramSocket s = new DatagramSocket(0)) {
            udp = s.getLocalPort();
        }
        tcpPort = LoopbackPlayer.freePort();
        server = GameServer.create(Duel.config(tcpPort).withPorts(tcpPort, udp));
        server.start();
        discovery = new InetSocketAddress("127.0.0.1", udp);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static DatagramSocket socketOn(String address) throws Exception {
        return new DatagramSocket(new InetSocketAddress(address, 0));
    }

    /** The next datagram on {@code s} within {@code millis}, or null. */
    private static DatagramPacket next(DatagramSocket s, int millis) throws Exception {
        s.setSoTimeout(millis);
        DatagramPacket p = new DatagramPacket(new byte[Protocol.SERVER_OBJECT_BUFFER], Protocol.SERVER_OBJECT_BUFFER);
        try {
            s.receive(p);
            return p;
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    private Messages.DiscoveryReply decode(DatagramPacket p) {
        return (Messages.DiscoveryReply) serialization.read(null, ByteBuffer.wrap(p.getData(), 0, p.getLength()));
    }

    @Test
    void oneHostsFloodLeavesAnotherHostAnswered() throws Exception {
        try (DatagramSocket flooder = socketOn("127.0.0.2"); DatagramSocket student = socketOn("127.0.0.1")) {
            long start = System.nanoTime();
            for (int i = 0; i < 5000; i++) {
                flooder.send(new DatagramPacket(probe, probe.length, discovery));
            }
            // the student's lobby probes every 200 ms (the kernel may drop a datagram behind a full buffer)
            DatagramPacket answer = null;
            for (int tries = 0; tries < 10 && answer == null; tries++) {
                student.send(new DatagramPacket(probe, probe.length, discovery));
                answer = next(student, 200);
            }
            assertThat(answer).as("an answer to the student within 2 s").isNotNull();
            assertThat(decode(answer).port).isEqualTo(tcpPort);
            assertThat(decode(answer).rooms).hasSize(1);
            double seconds = (System.nanoTime() - start) / 1e9;
            int answered = 0;
            while (next(flooder, 200) != null) {
                answered++;
            }
            assertThat(answered).as("answers to the flooder")
                    .isLessThanOrEqualTo((int) (DiscoveryResponder.PER_SOURCE_BURST
                            + DiscoveryResponder.PER_SOURCE_PER_SECOND * (seconds + 1)));
        }
    }

    @Test
    void onlyAWellFormedProbeIsAnswered() throws Exception {
        try (DatagramSocket s = socketOn("127.0.0.1")) {
            byte[][] junk = {new byte[0], {1}, {(byte) 0xff, 0, 1, 2}, new byte[400], Arrays.copyOf(probe, probe.length + 1)};
            for (byte[] j : junk) {
                s.send(new DatagramPacket(j, j.length, discovery));
            }
            s.send(new DatagramPacket(probe, probe.length, discovery));
            DatagramPacket first = next(s, 2000);
            assertThat(first).isNotNull();
            assertThat(decode(first).version).isEqualTo(Protocol.VERSION);
            assertThat(next(s, 300)).as("a second answer (to junk)").isNull();
        }
    }
}
