package org.cowarena.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cowarena.cli.CliRun.run;

import java.net.ServerSocket;
import java.util.List;
import org.cowarena.server.GameServer;
import org.cowarena.server.LevelText;
import org.cowarena.server.RaceConfig;
import org.cowarena.server.ServeConfig;
import org.junit.jupiter.api.Test;

class TeacherCommandCliTest {
    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void theTeachersTokenPausesTheRaceAndAnyOtherIsRefused() throws Exception {
        int port = freePort();
        GameServer server = GameServer.createRace(ServeConfig.defaults(List.of()).withPorts(port, 0),
                new RaceConfig(List.of(LevelText.resolve("campaign/01-fork")), -1, false));
        server.start();
        try {
            String at = "127.0.0.1:" + port;
            CliRun refused = run("teacher", "--connect", at, "--token", "guess", "pause");
            assertThat(refused.status()).isEqualTo(1);
            assertThat(refused.err()).contains("pause refused: only the teacher may pause");
            assertThat(server.raceState()).isEqualTo("running");
            CliRun done = run("teacher", "--connect", at, "--token", server.teacherToken(), "pause");
            assertThat(done.status()).as(done.err()).isZero();
            assertThat(done.out()).contains("pause: done");
            assertThat(server.raceState()).isEqualTo("paused");
            assertThat(run("teacher", "--connect", at, "--token", server.teacherToken(), "hint", "Count", "frames")
                    .status()).isZero();
        } finally {
            server.close();
        }
        CliRun gone = run("teacher", "--connect", "127.0.0.1:" + port, "--token", "x", "start");
        assertThat(gone.status()).isEqualTo(3);
        assertThat(gone.err()).contains("cannot reach").doesNotContain("Exception:");
    }
}
