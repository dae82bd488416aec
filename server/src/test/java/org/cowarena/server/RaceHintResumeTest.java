package org.cowarena.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cowarena.protocol.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hint a teacher revealed is journaled: a race resumed with --resume shows it again. */
class RaceHintResumeTest {
    @TempDir
    Path dir;
    private GameServer server;
    private int port;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private ServeConfig config() throws Exception {
        return Duel.config(port).withJournal(Optional.of(dir));
    }

    private void startFresh() throws Exception {
        port = LoopbackPlayer.freePort();
        server = GameServer.createRace(config(), new RaceConfig(List.of(LevelText.resolve("campaign/01-fork")),
                -1, false));
        server.start();
    }

    private void restart() throws Exception {
        server.close();
        port = LoopbackPlayer.freePort();
        server = GameServer.resumeRace(config(), dir);
        server.start();
    }

    /** The hint a spectator sees on joining. */
    private String hintShown() throws Exception {
        try (LoopbackPlayer projector = LoopbackPlayer.join(port, new Messages.Hello("projector", null, null, true))) {
            return projector.await(Messages.RaceState.class, 5000).hint;
        }
    }

    private void teacher(String command, String argument) throws Exception {
        try (LoopbackPlayer t = LoopbackPlayer.join(port, new Messages.Hello("teacher", null, null, true))) {
            t.send(new Messages.TeacherCommand(server.teacherToken(), command, argument));
            Messages.TeacherReply reply = t.await(Messages.TeacherReply.class, 5000);
            assertThat(reply.ok).as(reply.reason).isTrue();
        }
    }

    @Test
    void aRevealedHintSurvivesAResume() throws Exception {
        startFresh();
        String levelHint = LevelText.resolve("campaign/01-fork").level().hints().get(0);
        teacher("hint", "");
        assertThat(hintShown()).isEqualTo(levelHint);
        restart();
        assertThat(hintShown()).isEqualTo(levelHint);

        teacher("hint", "look at  page 2");
        restart();
        assertThat(hintShown()).isEqualTo("look at page 2");
    }
}
