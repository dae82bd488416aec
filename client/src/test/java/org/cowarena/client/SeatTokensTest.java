package org.cowarena.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.cowarena.protocol.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client keeps its seat token per server, room and name, owner-only, and takes its seat back with it. */
class SeatTokensTest {
    @TempDir
    Path tmp;

    @Test
    void tokensAreKeptPerServerRoomAndNameInAnOwnerOnlyFile() throws Exception {
        Path dir = tmp.resolve("config").resolve("cowarena");
        SeatTokens tokens = new SeatTokens(dir);
        tokens.keep(new SeatTokens.Seat("10.0.0.5:54555", "ABCD", "alice", "t1"));
        tokens.keep(new SeatTokens.Seat("10.0.0.5:54555", "RACE", "alice", "t2"));
        tokens.keep(new SeatTokens.Seat("10.0.0.6:54555", "ABCD", "alice", "t3"));
        tokens.keep(new SeatTokens.Seat("10.0.0.5:54555", "ABCD", "alice", "t4"));
        assertThat(tokens.find("10.0.0.5:54555", "abcd", "alice")).contains("t4");
        assertThat(tokens.find("10.0.0.5:54555", null, "alice")).contains("t4"); // the newest for that server
        assertThat(tokens.find("10.0.0.5:54555", "RACE", "alice")).contains("t2");
        assertThat(tokens.find("10.0.0.5:54555", null, "bob")).isEmpty();
        tokens.forget("10.0.0.5:54555", "alice", "t4");
        assertThat(tokens.find("10.0.0.5:54555", null, "alice")).contains("t2");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(SeatTokens.FILE))))
                .isEqualTo("rw-------");
        try (var left = Files.list(dir)) {
            assertThat(left).hasSize(1); // no temporary file left behind
        }
    }

    @Test
    void aClientStartedAgainWithTheSameNameTakesItsSeatBack() throws Exception {
        SeatTokens tokens = new SeatTokens(tmp);
        try (TestServer t = TestServer.start(c -> c)) {
            Session first = new Session("127.0.0.1", t.port, new Messages.Hello("alice", null, null, false))
                    .keepSeatsIn(tokens);
            first.connect(5000);
            Waits.until(first, () -> first.welcome() != null, 5000, "alice's welcome");
            Messages.Welcome held = first.welcome();
            first.close(); // the client died

            Session again = new Session("127.0.0.1", t.port, new Messages.Hello("alice", null, null, false))
                    .keepSeatsIn(tokens);
            again.connect(5000);
            Waits.until(again, () -> again.welcome() != null || again.refusal() != null, 5000, "an answer");
            assertThat(again.refusal()).isNull();
            assertThat(again.welcome().seat).isEqualTo(held.seat);
            assertThat(again.welcome().token).isEqualTo(held.token);
            again.close();
        }
    }

    @Test
    void aTokenTheServerNoLongerKnowsIsForgottenAndThePlayerJoinsAsNew() throws Exception {
        SeatTokens tokens = new SeatTokens(tmp);
        try (TestServer t = TestServer.start(c -> c)) {
            String server = "127.0.0.1:" + t.port;
            tokens.keep(new SeatTokens.Seat(server, "OLD1", "alice", "0123456789abcdef0123456789abcdef"));
            Session s = new Session("127.0.0.1", t.port, new Messages.Hello("alice", null, null, false))
                    .keepSeatsIn(tokens);
            s.connect(5000);
            Waits.until(s, () -> s.welcome() != null || s.refusal() != null, 5000, "an answer");
            assertThat(s.refusal()).isNull();
            assertThat(s.welcome().seat).isZero();
            assertThat(tokens.find(server, null, "alice")).contains(s.welcome().token);
            s.close();
        }
    }
}
