package org.cowarena.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cowarena.protocol.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Teacher commands get an answer wherever they go, and a kicked player hears why, token or not. */
class TeacherAnswersTest {
    @TempDir
    Path dir;
    private GameServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aTeacherCommandToARoomServerIsAnsweredWithTheReason() throws Exception {
        int port = LoopbackPlayer.freePort();
        server = GameServer.create(Duel.config(port));
        server.start();
        try (LoopbackPlayer t = LoopbackPlayer.join(port, new Messages.Hello("teacher", null, null, true))) {
            t.send(new Messages.TeacherCommand("0".repeat(32), "pause", null)); // right behind the Hello
            Messages.TeacherReply reply = t.await(Messages.TeacherReply.class, 5000);
            assertThat(reply.ok).isFalse();
            assertThat(reply.reason).contains("not a race");
        }
    }

    @Test
    void aKickedPlayerComingBackWithTheTokenIsToldTheyWereRemovedAlsoAfterAResume() throws Exception {
        int port = LoopbackPlayer.freePort();
        ServeConfig config = Duel.config(port).withJournal(Optional.of(dir));
        server = GameServer.createRace(config, new RaceConfig(List.of(LevelText.resolve("campaign/01-fork")), -1,
                false));
        server.start();
        String token;
        try (LoopbackPlayer ann = LoopbackPlayer.join(port, new Messages.Hello("ann", null, null, false));
             LoopbackPlayer t = LoopbackPlayer.join(port, new Messages.Hello("teacher", null, null, true))) {
            token = ann.await(Messages.Welcome.class, 5000).token;
            t.send(new Messages.TeacherCommand(server.teacherToken(), "kick", "ann"));
            assertThat(t.await(Messages.TeacherReply.class, 5000).ok).isTrue();
        }
        assertThat(refusalWithToken(port, token)).isEqualTo("the teacher removed ann from this race");

        server.close();
        port = LoopbackPlayer.freePort();
        server = GameServer.resumeRace(config.withPorts(port, 0), dir);
        server.start();
        assertThat(refusalWithToken(port, token)).isEqualTo("the teacher removed ann from this race");
    }

    private static String refusalWithToken(int port, String token) throws Exception {
        try (LoopbackPlayer back = LoopbackPlayer.join(port, new Messages.Hello("ann", null, token, false))) {
            return back.await(Messages.Refusal.class, 5000).reason;
        }
    }
}
