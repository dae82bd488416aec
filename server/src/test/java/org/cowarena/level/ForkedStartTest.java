package org.cowarena.level;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.cowarena.game.Game;
import org.cowarena.kernel.Event;
import org.cowarena.kernel.ProcessInfo;
import org.cowarena.move.MoveParser;
import org.junit.jupiter.api.Test;

/**
 * A level may start a process as a fork of an earlier one, handed to another owner:
 * Android's zygote forking apps into their own uids. Charges stay where the pages were
 * faulted in; each player pays for what they copy.
 */
class ForkedStartTest {
    private static final String ZYGOTE = String.join("\n",
            "format: 1",
            "id: zygote-start",
            "title: Zygote start",
            "kind: arena",
            "memory: {frames: 12, oom: kill, budgets: {system: 6, alice: 2, bob: 2}}",
            "programs:",
            "  zygote: {text: 1, heap: 2}",
            "processes:",
            "  - {pid: 1, program: zygote, owner: system, oomScoreAdj: -1000, heap: [warm, warm]}",
            "  - {pid: 2, forkOf: 1, owner: alice, oomScoreAdj: 0}",
            "  - {pid: 3, forkOf: 1, owner: bob}",
            "");

    private static Game game() throws Exception {
        return Game.start(LevelLoader.parse(ZYGOTE, "zygote.yaml"));
    }

    @Test
    void aForkedProcessSharesItsParentsFramesAndTheChargesStayWithTheParentsOwner() throws Exception {
        Game game = game();
        ProcessInfo alice = game.kernel().process(2).orElseThrow();
        assertThat(alice.ppid()).isEqualTo(1);
        assertThat(alice.owner()).isEqualTo("alice");
        assertThat(alice.oomScoreAdj()).isZero();
        assertThat(alice.rss()).isEqualTo(3);
        assertThat(alice.uss()).isZero();
        assertThat(game.kernel().process(3).orElseThrow().oomScoreAdj()).as("inherited").isEqualTo(-1000);
        assertThat(game.kernel().charged("system")).isEqualTo(3);
        assertThat(game.kernel().charged("alice")).isZero();
        assertThat(game.players()).containsExactly("system", "alice", "bob");
    }

    @Test
    void aCopyIsChargedToTheWriterAndTheLastSharerPaysNothing() throws Exception {
        Game game = game();
        play(game, "alice", "write 2 1 A");
        play(game, "bob", "write 3 1 B");
        assertThat(game.kernel().charged("alice")).isEqualTo(1);
        assertThat(game.kernel().charged("bob")).isEqualTo(1);
        var last = game.play(Optional.of("system"), MoveParser.parseMove("write 1 1 S"));
        assertThat(last.outcome().events()).extracting(Event::type).contains("cow-reuse");
        assertThat(game.kernel().charged("system")).isEqualTo(3);
    }

    @Test
    void aProcessNamesEitherAProgramOrForkOfAndForksOnlyAnEarlierOne() {
        String both = ZYGOTE.replace("{pid: 3, forkOf: 1, owner: bob}", "{pid: 3, forkOf: 1, program: zygote}");
        assertThat(Problems.of(both)).singleElement().asString()
                .contains(":11:").contains("either its program").contains("or forkOf");
        String later = ZYGOTE.replace("{pid: 2, forkOf: 1,", "{pid: 2, forkOf: 3,");
        assertThat(Problems.of(later)).singleElement().asString()
                .contains(":10:").contains("forkOf names pid 3, which is not listed before this process");
    }

    private static void play(Game game, String player, String move) throws Exception {
        assertThat(game.play(Optional.of(player), MoveParser.parseMove(move)).outcome().ok()).as(move).isTrue();
    }
}
