package org.cowarena.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.cowarena.move.Move;
import org.junit.jupiter.api.Test;

/** A replica that drifts from the server's game notices it at the next delta and is rebuilt. */
class DivergenceTest {
    @Test
    void aDivergedReplicaAsksForASnapshotAndEndsEqualToTheServer() throws Exception {
        try (TestServer t = TestServer.start(c -> c)) {
            Session red = Waits.join(t.port, "alice", null, false);
            Session blue = Waits.join(t.port, "bob", null, false);
            Waits.until(red, () -> red.room().started(), 5000, "the game to start");

            // Something the server never saw happens on blue's copy only.
            blue.room().game().play(Optional.of("blue"), new Move.Write(2, 3, "drift"));
            red.play("fork 1");
            Waits.until(blue, () -> blue.resyncs() == 1 && !blue.awaitingSnapshot(), 5000, "blue to resync");
            assertThat(blue.snapshots()).isEqualTo(2);
            assertThat(blue.room().index()).isEqualTo(1);
            assertThat(blue.room().digest()).isEqualTo(t.room(0).digest());

            blue.play("fork 2");
            Waits.until(red, () -> red.room().index() == 2, 5000, "blue's move");
            Waits.until(blue, () -> blue.room().index() == 2, 5000, "blue's move");
            assertThat(blue.room().digest()).isEqualTo(red.room().digest()).isEqualTo(t.room(0).digest());
            assertThat(red.resyncs()).isZero();
            red.close();
            blue.close();
        }
    }
}
