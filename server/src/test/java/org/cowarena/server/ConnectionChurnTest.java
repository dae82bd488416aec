package org.cowarena.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import org.cowarena.protocol.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Connections reset (RST) right after connecting: Kryonet reports their disconnect before
 * their connect when its first send hits the reset socket, and none of them may stay a member.
 */
class ConnectionChurnTest {
    @RegisterExtension
    final LoopbackServers servers = new LoopbackServers();

    @Test
    void resetConnectionsLeaveNoMemberAndANormalPlayerStillJoins() throws Exception {
        GameServer server = servers.start(GameServer::create);
        int port = servers.port();
        for (int i = 0; i < 300; i++) {
            try (Socket s = new Socket()) {
                s.setSoLinger(true, 0); // close() sends RST, not FIN
                s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            }
        }
        Waits.until(() -> server.connectionsAccepted() >= 300, 10_000, "the server to accept all 300");
        Waits.until(() -> server.connections() == 0, 10_000, "the reset connections to leave the member table");

        try (LoopbackPlayer alice = LoopbackPlayer.join(port, new Messages.Hello("alice", null, null, false))) {
            Object answer = alice.answer(5000);
            assertThat(answer).isInstanceOf(Messages.Welcome.class);
            assertThat(server.connections()).isEqualTo(1);
        }
        Waits.until(() -> server.connections() == 0, 10_000, "alice's connection to leave the member table");
    }
}
