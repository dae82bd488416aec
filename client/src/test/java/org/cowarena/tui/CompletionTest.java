package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.cowarena.game.Game;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.MoveParser;
import org.junit.jupiter.api.Test;

class CompletionTest {
    @Test
    void completesVerbsPidsProgramsAndVpns() throws Exception {
        Game game = Game.start(LevelLoader.loadBundled("campaign/04-exec"));
        assertThat(Completion.complete("fo", game, null).line()).isEqualTo("fork ");
        Completion.Result e = Completion.complete("e", game, null);
        assertThat(e.choices()).contains("exec", "exit");
        assertThat(e.line()).isEqualTo("ex");
        assertThat(Completion.complete("exec 1 ", game, null).choices()).isNotEmpty();
        String program = game.kernel().programs().get(game.kernel().programs().size() - 1).name();
        assertThat(Completion.complete("exec 1 " + program.charAt(0), game, null).line() + "|"
                + Completion.complete("exec 1 " + program.charAt(0), game, null).choices())
                .startsWith("exec 1 " + program.charAt(0));
        int pages = game.kernel().pageTable(1).size();
        assertThat(Completion.complete("write 1 ", game, null).choices()).hasSize(pages);
        assertThat(Completion.complete("hi", game, null).line()).isEqualTo("hint ");
    }

    @Test
    void offersOnlyThePlayersOwnLiveProcesses() throws Exception {
        Game game = Game.start(LevelLoader.loadBundled("campaign/01-fork"));
        game.play(MoveParser.parseMove("fork 1"));
        game.play(MoveParser.parseMove("exit 2"));
        assertThat(Completion.complete("fork ", game, null).line()).isEqualTo("fork 1 ");
        assertThat(Completion.complete("fork ", game, "someone-else").choices()).isEmpty();
    }

    @Test
    void passIsOfferedAndListedInEveryLevel() throws Exception {
        Game game = Game.start(LevelLoader.loadBundled("campaign/01-fork")); // allowed: fork, write, read, exit
        assertThat(Completion.complete("pa", game, null).line()).isEqualTo("pass ");
        assertThat(Completion.complete("", game, null).choices()).contains("pass");
        String refused = ((org.cowarena.kernel.Outcome.Refused) game.play(MoveParser.parseMove("vfork 1")).outcome())
                .reason();
        assertThat(refused).contains("(allowed: fork, write, read, exit, pass)");
    }

    @Test
    void languageComesFromTheOptionThenTheLocale() {
        assertThat(App.language("zh", Map.of())).isEqualTo("zh");
        assertThat(App.language("fr", Map.of())).isNull();
        assertThat(App.language(null, Map.of("LANG", "zh_CN.UTF-8"))).isEqualTo("zh");
        assertThat(App.language(null, Map.of("LC_ALL", "C.UTF-8", "LANG", "zh_CN.UTF-8"))).isEqualTo("en");
    }
}
