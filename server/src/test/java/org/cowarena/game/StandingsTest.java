package org.cowarena.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.MoveParser;
import org.junit.jupiter.api.Test;

/** Arena standings: jobs are the goals naming a player's processes; ties broken by survival, then charge. */
class StandingsTest {
    private static final String ARENA = String.join("\n",
            "format: 1",
            "id: standings",
            "title: Standings",
            "kind: arena",
            "memory: {frames: 12, oom: kill, budget: 5}",
            "programs:",
            "  z: {text: 1, heap: 2}",
            "processes:",
            "  - {pid: 1, program: z, owner: zygote, heap: [a, b]}",
            "  - {pid: 2, program: z, owner: alice}",
            "  - {pid: 3, program: z, owner: bob}",
            "  - {pid: 4, program: z, owner: carol}",
            "actors:",
            "  - {name: zygote, script: [\"read 1 1\"], loop: true}",
            "moves:",
            "  allowed: [write, read, exit]",
            "goal:",
            "  - page: {pid: 2, vpn: 1, value: A}",
            "  - page: {pid: 3, vpn: 1, value: B}",
            "  - page: {pid: 4, vpn: 1, value: C}",
            "  - running: {program: z, atLeast: 1}",
            "");

    private static Game game() throws Exception {
        return Game.start(LevelLoader.parse(ARENA, "standings.yaml"));
    }

    private static void play(Game game, String player, String move) throws Exception {
        assertThat(game.play(Optional.of(player), MoveParser.parseMove(move)).outcome().ok()).as(move).isTrue();
    }

    @Test
    void theSeatsAreTheOwnersOfTheStartingProcessesLessTheActors() throws Exception {
        assertThat(game().players()).containsExactly("alice", "bob", "carol");
    }

    @Test
    void jobsMetRankFirstThenSurvivalThenFewerFramesCharged() throws Exception {
        Game game = game();
        play(game, "alice", "write 2 1 A");
        play(game, "bob", "write 3 1 B");
        play(game, "bob", "write 3 2 extra");
        play(game, "carol", "exit 4");

        assertThat(game.standings())
                .extracting(Standing::player, Standing::jobs, Standing::jobsMet, Standing::alive, Standing::rank)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("alice", 1, 1, 1, 1),
                        org.assertj.core.groups.Tuple.tuple("bob", 1, 1, 1, 2),
                        org.assertj.core.groups.Tuple.tuple("carol", 1, 0, 0, 3));
        assertThat(game.standings().get(0).charged()).isLessThan(game.standings().get(1).charged());
    }

    @Test
    void equalStandingsShareARank() throws Exception {
        Game game = game();
        play(game, "alice", "write 2 1 A");
        play(game, "bob", "write 3 1 B");
        play(game, "carol", "write 4 1 C");
        assertThat(game.standings()).extracting(Standing::rank).containsExactly(1, 1, 1);
    }

    @Test
    void aPlayerCannotMoveAnotherPlayersProcess() throws Exception {
        Game game = game();
        Turn turn = game.play(Optional.of("bob"), MoveParser.parseMove("write 2 1 A"));
        assertThat(turn.outcome().ok()).isFalse();
        assertThat(game.standings()).extracting(Standing::jobsMet).containsOnly(0);
    }

    @Test
    void theFinalJsonLineOfAnArenaCarriesTheStandings() throws Exception {
        Game game = game();
        play(game, "bob", "write 3 1 B");
        String json = org.cowarena.report.JsonReport.finalLine(game);
        assertThat(json).contains("\"standings\":[{\"rank\":1,\"player\":\"bob\",\"jobs\":1,\"jobsMet\":1,");
    }

    @Test
    void seatsNameThePlayersInTurnOrderAndLeaveTheOtherOwnersToTheLevel() throws Exception {
        Game game = Game.start(LevelLoader.parse(ARENA.replace("actors:", "seats: [carol, alice]\nactors:"), "s.yaml"));
        assertThat(game.players()).containsExactly("carol", "alice");
        assertThat(game.standings()).extracting(Standing::player).containsExactlyInAnyOrder("carol", "alice");
    }

    @Test
    void aSeatMustOwnAListedProcess() {
        String yaml = ARENA.replace("actors:", "seats: [alice, dave, alice]\nactors:");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> LevelLoader.parse(yaml, "s.yaml")))
                .hasMessageContaining("s.yaml:13:16: seat dave owns no listed process (owners: zygote, alice, bob,"
                        + " carol)")
                .hasMessageContaining("s.yaml:13:22: seat alice is listed twice");
    }
}
