package org.cowarena.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cowarena.protocol.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Teacher commands get an answer wherever they go, and a kicked player hears why, token or not. */
class TeacherAnswersTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final LoopbackServers servers = new LoopbackServers();

    @Test
    void aTeacherCommandToARoomServerIsAnsweredWithTheReason() throws Exception {
        servers.start(GameServer::create);
        int port = servers.port();
        try (LoopbackPlayer t = LoopbackPlayer.join(port, new Messages.Hello("teacher", null, null, true))) {
            t.send(new Messages.TeacherCommand("0".repeat(32), "pause", null)); // right behind the Hello
            Messages.TeacherReply reply = t.await(Messages.TeacherReply.class, 5000);
            assertThat(reply.ok).isFalse();
            assertThat(reply.reason).contains("not a race");
        }
    }

    @Test
    void aKickedPlayerComingBackWithTheTokenIsToldTheyWereRemovedAlsoAfterAResume() throws Exception {
        RaceConfig race = new RaceConfig(List.of(LevelText.resolve("campaign/01-fork")), -1, false);
        GameServer server = servers.start(c -> GameServer.createRace(c.withJournal(Optional.of(dir)), race));
        int port = servers.port();
        String token;
        try (LoopbackPlayer ann = LoopbackPlayer.join(port, new Messages.Hello("ann", null, null, false));
             LoopbackPlayer t = LoopbackPlayer.join(port, new Messages.Hello("teacher", null, null, true))) {
            token = ann.await(Messages.Welcome.class, 5000).token;
            t.send(new Messages.TeacherCommand(server.teacherToken(), "kick", "ann"));
            assertThat(t.await(Messages.TeacherReply.class, 5000).ok).isTrue();
        }
        assertThat(refusalWithToken(port, token)).isEqualTo("the teacher removed ann from this race");

        server.close();
        servers.start(c -> GameServer.resumeRace(c, dir));
        assertThat(refusalWithToken(servers.port(), token)).isEqualTo("the teacher removed ann from this race");
    }

    private static String refusalWithToken(int port, String token) throws Exception {
        try (LoopbackPlayer back = LoopbackPlayer.join(port, new Messages.Hello("ann", null, token, false))) {
            return back.await(Messages.Refusal.class, 5000).reason;
        }
    }
}
