package org.cowarena.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A room seats the level's players: the owners of its processes, not its scripted actors. */
class RoomSeatsTest {
    private static final String ZYGOTE = String.join("\n",
            "format: 1",
            "id: seats",
            "title: Seats",
            "kind: arena",
            "memory: {frames: 12, oom: kill, budgets: {alice: 2, bob: 2}}",
            "programs:",
            "  z: {text: 1, heap: 2}",
            "processes:",
            "  - {pid: 1, program: z, owner: system, oomScoreAdj: -1000, heap: [a, b]}",
            "  - {pid: 2, forkOf: 1, owner: alice, oomScoreAdj: 0}",
            "  - {pid: 3, forkOf: 1, owner: bob, oomScoreAdj: 0}",
            "actors:",
            "  - {name: system, script: [\"write 1 1 z\"]}",
            "");

    private static final Transport NO_NETWORK = new Transport() {
        @Override
        public void send(Peer c, Object message) {
        }

        @Override
        public void refuse(Peer c, String reason) {
        }

        @Override
        public void close(Peer c) {
        }

        @Override
        public void member(Peer c, Joined joined) {
        }
    };

    @Test
    void anOwnerThatIsAScriptedActorGetsNoSeat() throws Exception {
        ServeConfig defaults = ServeConfig.defaults(List.of(LevelText.of(ZYGOTE, "seats.yaml")));
        ServeConfig config = new ServeConfig(defaults.name(), 0, 0, defaults.levels(), 1, List.of(), 5,
                defaults.turnMillis(), defaults.graceMillis(), defaults.maxClients(), defaults.maxMoves(),
                Optional.empty(), defaults.fillBot(), defaults.seed());
        Room room = new Room("SEAT", 0, config, new RoomsHost(NO_NETWORK));
        room.open(1);
        assertThat(room.status().humanSeats()).isEqualTo(2);
    }
}
