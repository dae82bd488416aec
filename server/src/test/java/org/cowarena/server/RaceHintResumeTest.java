package org.cowarena.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cowarena.protocol.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The hint a teacher revealed is journaled: a race resumed with --resume shows it again. */
class RaceHintResumeTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final LoopbackServers servers = new LoopbackServers();
    private GameServer server;
    private int port;

    private void startFresh() throws Exception {
        RaceConfig race = new RaceConfig(List.of(LevelText.resolve("campaign/01-fork")), -1, false);
        server = servers.start(c -> GameServer.createRace(c.withJournal(Optional.of(dir)), race));
        port = servers.port();
    }

    private void restart() throws Exception {
        server.close();
        server = servers.start(c -> GameServer.resumeRace(c, dir));
        port = servers.port();
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
