package org.cowarena.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.cowarena.bot.Strategies;
import org.cowarena.protocol.Messages;
import org.cowarena.server.GameServer;
import org.cowarena.server.LevelText;
import org.cowarena.server.RaceConfig;
import org.cowarena.server.ServeConfig;
import org.junit.jupiter.api.Test;

/** A bot client in a race plays each level in turn and exits when it has played the last one. */
class RaceBotTest {
    @Test
    void aBotRacesEveryLevelAndEnds() throws Exception {
        int port = TestServer.freePort();
        List<LevelText> levels = List.of(LevelText.resolve("campaign/01-fork"),
                LevelText.resolve("campaign/02-cow-copy"));
        GameServer server = GameServer.createRace(ServeConfig.defaults(List.of()).withPorts(port, 0),
                new RaceConfig(levels, -1, false));
        server.start();
        try {
            StringWriter text = new StringWriter();
            Session session = new Session("127.0.0.1", port, new Messages.Hello("robo", null, null, false));
            int status = new BotPlayer(session, Strategies.create("greedy", 7), new PrintWriter(text), 0).run(5000);
            session.close();
            assertThat(status).as(text.toString()).isEqualTo(BotPlayer.ENDED);
            assertThat(text.toString()).contains("joined the race as robo").doesNotContain("(null)")
                    .contains("level 1 (fork) solved").contains("level 2 (cow-copy) solved")
                    .contains("race over for robo");
        } finally {
            server.close();
        }
    }
}
