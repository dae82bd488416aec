package org.cowarena.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cowarena.game.Game;
import org.cowarena.move.MoveParser;
import org.cowarena.protocol.Messages;
import org.cowarena.protocol.StateDigest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * In-process connections ({@link GameServer#attach}) are served as network ones are: the same
 * Hello checks, rooms and refusals, with no socket; both kinds can share one server.
 */
class LocalLinkTest {
    @RegisterExtension
    final LoopbackServers servers = new LoopbackServers();
    private GameServer unstarted;

    @AfterEach
    void closeUnstarted() {
        if (unstarted != null) {
            unstarted.close();
        }
    }

    private GameServer solo(String level) throws Exception {
        unstarted = GameServer.create(ServeConfig.defaults(List.of(LevelText.resolve(level))).withPorts(0, 0)
                .withPlayers(1).withName("solo"));
        return unstarted;
    }

    @Test
    void aServerThatIsNeverStartedServesAnInProcessPlayerAWholeGame() throws Exception {
        GameServer server = solo("campaign/01-fork");
        try (LocalPlayer p = LocalPlayer.join(server, new Messages.Hello("ada", null, null, false))) {
            Messages.Welcome w = p.await(Messages.Welcome.class, 5000);
            assertThat(w.server).isEqualTo("solo");
            assertThat(w.seat).isZero();
            Messages.Snapshot s = p.await(Messages.Snapshot.class, 5000);
            assertThat(s.started).isTrue();
            Game replica = Game.start(LevelText.resolve("campaign/01-fork").level());
            for (int i = 1; i <= 2; i++) {
                p.link.send(new Messages.PlayMove(i, "fork 1"));
                Messages.MoveDelta d = p.await(Messages.MoveDelta.class, 5000);
                replica.play(MoveParser.parseMove(d.move));
                assertThat(d.index).isEqualTo(i);
                assertThat(d.digest).isEqualTo(StateDigest.of(replica));
            }
            assertThat(replica.score().met()).isTrue();
        }
        assertThat(server.rooms()).singleElement().satisfies(r -> assertThat(r.moves()).isEqualTo(2));
    }

    @Test
    void aNetworkPlayerAndAnInProcessPlayerShareOneRoom() throws Exception {
        GameServer server = servers.start(GameServer::create);
        try (LoopbackPlayer alice = LoopbackPlayer.join(servers.port(), new Messages.Hello("alice", null, null, false));
             LocalPlayer bob = LocalPlayer.join(server, new Messages.Hello("bob", null, null, false))) {
            Messages.Welcome a = alice.await(Messages.Welcome.class, 5000);
            Messages.Welcome b = bob.await(Messages.Welcome.class, 5000);
            assertThat(b.room).isEqualTo(a.room);
            assertThat(List.of(a.seat, b.seat)).containsExactlyInAnyOrder(0, 1);
            LoopbackPlayer first = a.seat == 0 ? alice : null;
            if (first != null) {
                alice.send(new Messages.PlayMove(1, "exec 1 render"));
            } else {
                bob.link.send(new Messages.PlayMove(1, "exec 1 render"));
            }
            Messages.MoveDelta seenByAlice = alice.await(Messages.MoveDelta.class, 5000);
            Messages.MoveDelta seenByBob = bob.await(Messages.MoveDelta.class, 5000);
            assertThat(seenByBob.digest).isEqualTo(seenByAlice.digest);
            assertThat(seenByBob.move).isEqualTo("exec 1 render");
            assertThat(server.connections()).isEqualTo(2);
        }
        Waits.until(() -> server.connections() == 0, 5000, "both connections forgotten");
    }

    @Test
    void aHelloOfAnotherVersionIsRefusedWithItsReasonThenTheLinkCloses() throws Exception {
        GameServer server = solo("campaign/01-fork");
        Messages.Hello hello = new Messages.Hello("ada", null, null, false);
        hello.version = 0;
        try (LocalPlayer p = LocalPlayer.join(server, hello)) {
            assertThat(p.await(Messages.Refusal.class, 5000).reason).contains("protocol").contains("client 0");
            p.awaitClosed(5000);
            assertThat(p.link.connected()).isFalse();
        }
        Waits.until(() -> server.connections() == 0, 5000, "the refused connection forgotten");
    }

    @Test
    void somethingThatIsNoProtocolMessageCannotCrossAndClosesTheLink() throws Exception {
        GameServer server = solo("campaign/01-fork");
        LocalPlayer p = LocalPlayer.join(server, new Messages.Hello("ada", null, null, false));
        p.await(Messages.Snapshot.class, 5000);
        assertThat(p.link.send(new StringBuilder("fork 1"))).isFalse();
        p.awaitClosed(5000);
        assertThat(server.connections()).isZero();
        assertThat(p.link.send(new Messages.PlayMove(1, "fork 1"))).isFalse();
    }

    @Test
    void aMessageLargerThanTheServersReadBufferClosesTheLinkAsOverTheNetwork() throws Exception {
        GameServer server = solo("campaign/01-fork");
        LocalPlayer p = LocalPlayer.join(server, new Messages.Hello("ada", null, null, false));
        p.await(Messages.Snapshot.class, 5000);
        assertThat(p.link.send(new Messages.ChatSend("x".repeat(1 << 15)))).isFalse();
        p.awaitClosed(5000);
    }

    @Test
    void whatArrivesIsACopyNotTheObjectSent() throws Exception {
        GameServer server = solo("campaign/01-fork");
        try (LocalPlayer p = LocalPlayer.join(server, new Messages.Hello("ada", null, null, false))) {
            Messages.Snapshot first = p.await(Messages.Snapshot.class, 5000);
            first.moves = new String[] {"tampered"};
            p.link.send(new Messages.SnapshotRequest());
            assertThat(p.await(Messages.Snapshot.class, 5000).moves).isEmpty();
        }
    }

    @Test
    void closingTheServerEndsItsInProcessConnectionsAndRefusesNewOnes() throws Exception {
        GameServer server = solo("campaign/01-fork");
        LocalPlayer p = LocalPlayer.join(server, new Messages.Hello("ada", null, null, false));
        p.await(Messages.Welcome.class, 5000);
        server.close();
        p.awaitClosed(5000);
        assertThatThrownBy(server::attach).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void inProcessIdsNeverMeetKryonetOnes() throws Exception {
        GameServer server = solo("campaign/01-fork");
        try (LocalLink a = server.attach(); LocalLink b = server.attach()) {
            assertThat(List.of(a.peer().id(), b.peer().id())).allMatch(id -> id < 0).doesNotHaveDuplicates();
            assertThat(a.peer().address()).isNull();
        }
    }
}
