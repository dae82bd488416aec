package org.cowarena.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cowarena.protocol.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A student whose laptop died comes back on another machine: the teacher asks for a
 * reclaim code (the projector shows it), and the code, used once, gives the place back.
 */
class ReclaimCodeTest {
    @RegisterExtension
    final LoopbackServers servers = new LoopbackServers();
    private final ManualTicker ticker = new ManualTicker();

    private String codeFor(GameServer server, String name) throws Exception {
        try (LoopbackPlayer t = LoopbackPlayer.join(servers.port(), new Messages.Hello("teacher", null, null, true))) {
            t.send(new Messages.TeacherCommand(server.teacherToken(), "reclaim", name));
            Messages.TeacherReply reply = t.await(Messages.TeacherReply.class, 5000);
            assertThat(reply.ok).as(reply.reason).isTrue();
            return reply.reason.replaceAll(".*: ([A-Z2-9]{6}) .*", "$1");
        }
    }

    @Test
    void aReclaimCodeGivesThePlaceBackOnceAndCarriesItsToken() throws Exception {
        RaceConfig race = new RaceConfig(List.of(LevelText.resolve("campaign/01-fork")), -1, false);
        GameServer server = servers.start(c -> GameServer.createRace(c.withTicker(ticker), race));
        try (LoopbackPlayer ann = LoopbackPlayer.join(servers.port(), new Messages.Hello("ann", null, null, false))) {
            String token = ann.await(Messages.Welcome.class, 5000).token;
            String code = codeFor(server, "ann");
            assertThat(code).hasSize(6);
            try (LoopbackPlayer other = LoopbackPlayer.join(servers.port(),
                    new Messages.Hello("anything", null, code.toLowerCase(java.util.Locale.ROOT), false))) {
                Messages.Welcome back = other.await(Messages.Welcome.class, 5000);
                assertThat(back.name).isEqualTo("ann");
                assertThat(back.token).isEqualTo(token);
                Waits.until(ann::disconnected, 5000, "the dead laptop's connection to be closed");
            }
            try (LoopbackPlayer again = LoopbackPlayer.join(servers.port(),
                    new Messages.Hello("ann", null, code, false))) {
                assertThat(again.await(Messages.Refusal.class, 5000).reason).contains("not known");
            }
        }
    }

    @Test
    void aReclaimCodeExpiresAfterFiveMinutes() throws Exception {
        RaceConfig race = new RaceConfig(List.of(LevelText.resolve("campaign/01-fork")), -1, false);
        GameServer server = servers.start(c -> GameServer.createRace(c.withTicker(ticker), race));
        try (LoopbackPlayer ann = LoopbackPlayer.join(servers.port(), new Messages.Hello("ann", null, null, false))) {
            ann.await(Messages.Welcome.class, 5000);
            String code = codeFor(server, "ann");
            ticker.advance(RaceRoom.RECLAIM_MILLIS);
            try (LoopbackPlayer late = LoopbackPlayer.join(servers.port(), new Messages.Hello("ann", null, code, false))) {
                assertThat(late.await(Messages.Refusal.class, 5000).reason).contains("not known");
            }
        }
    }
}
