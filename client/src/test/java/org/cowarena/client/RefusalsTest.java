package org.cowarena.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.cowarena.protocol.Messages;
import org.cowarena.protocol.Protocol;
import org.junit.jupiter.api.Test;

/** Moves out of turn, forged moves, spectators' moves and wrong versions are refused and change nothing. */
class RefusalsTest {

    /** The refusal of move {@code seq}, which carries the code of its reason (a client shows it in its language). */
    private static Messages.MoveRefused refusal(Session s, int seq) throws InterruptedException {
        Waits.until(s, () -> s.refusals().stream().anyMatch(r -> r.seq == seq), 5000, "refusal " + seq);
        Messages.MoveRefused r = s.refusals().stream().filter(m -> m.seq == seq).findFirst().orElseThrow();
        assertThat(r.code).as("the code of \"%s\"", r.reason).isNotNull();
        return r;
    }

    /** The same for a refused join. */
    private static String refusal(Session s) {
        assertThat(s.refusalMessage()).isNotNull();
        assertThat(s.refusalMessage().code).as("the code of \"%s\"", s.refusal()).isNotNull();
        return s.refusal();
    }

    @Test
    void outOfTurnForgedAndSpectatorMovesAreRefusedAndChangeNothing() throws Exception {
        try (TestServer t = TestServer.start(c -> c)) {
            Session red = Waits.join(t.port, "alice", null, false);
            Session blue = Waits.join(t.port, "bob", null, false);
            Session watcher = Waits.join(t.port, "projector", null, true);
            Waits.until(red, () -> red.room().started(), 5000, "the game to start");
            long before = t.room(0).digest();

            assertThat(refusal(blue, blue.play("fork 2")).reason).startsWith("not your turn");
            Messages.MoveRefused belongs = refusal(red, red.play("write 2 2 X"));
            assertThat(belongs.reason).isEqualTo("process 2 belongs to blue");
            // beside the English text, the reason's code and arguments, which a client shows in its language
            assertThat(belongs.code).isEqualTo("game.belongs");
            assertThat(belongs.args).containsExactly("2", "blue");
            assertThat(org.cowarena.board.Chrome.of("zh").reason(belongs)).isEqualTo("进程 2 属于 blue");
            assertThat(refusal(red, red.play("fork 99")).reason).contains("99");
            assertThat(refusal(red, red.play("jump 1")).reason).contains("unknown move \"jump\"");
            assertThat(refusal(red, red.play("madvise 1 2 dontfork")).reason).contains("not allowed");
            assertThat(refusal(red, red.play("x".repeat(500))).reason).contains("at most");
            watcher.send(new Messages.PlayMove(1, "fork 1"));
            watcher.send(new Messages.PlayMove(2, "pass"));
            assertThat(refusal(watcher, 2).reason).startsWith("spectators");

            assertThat(t.room(0).moves()).isZero();
            assertThat(t.room(0).digest()).isEqualTo(before);

            // The same seat can still play its turn, and everyone sees it.
            red.play("fork 1");
            Waits.until(watcher, () -> watcher.deltas().size() == 1, 5000, "the move to reach the spectator");
            Waits.until(blue, () -> blue.deltas().size() == 1, 5000, "the move to reach blue");
            assertThat(blue.room().digest()).isEqualTo(t.room(0).digest());
            assertThat(watcher.room().digest()).isEqualTo(t.room(0).digest());
            red.close();
            blue.close();
            watcher.close();
        }
    }

    @Test
    void aClientOfAnotherVersionIsRefusedWithAReadableReason() throws Exception {
        try (TestServer t = TestServer.start(c -> c)) {
            Messages.Hello hello = new Messages.Hello("old", null, null, false);
            hello.version = Protocol.VERSION + 1;
            Session s = new Session("127.0.0.1", t.port, hello);
            s.connect(5000);
            Waits.until(s, () -> s.refusal() != null, 5000, "the refusal");
            assertThat(refusal(s)).contains("protocol " + Protocol.VERSION).contains("same version");
            Waits.until(s, s::closed, 5000, "the server to close the connection");
            s.close();
        }
    }

    @Test
    void aFullRoomAndATakenNameAreRefused() throws Exception {
        try (TestServer t = TestServer.start(c -> c.withRooms(1, java.util.List.of("ROOM")))) {
            Session a = Waits.join(t.port, "alice", "room", false);
            Session dup = Waits.join(t.port, "alice", "ROOM", false);
            assertThat(dup.refusal()).contains("name alice is taken");
            assertThat(dup.refusalMessage().code).isEqualTo("room.nameTaken");
            assertThat(dup.refusalMessage().args).containsExactly("alice", "ROOM");
            Session b = Waits.join(t.port, "bob", "ROOM", false);
            Session c = Waits.join(t.port, "carol", "ROOM", false);
            assertThat(refusal(c)).contains("full");
            Session nowhere = Waits.join(t.port, "dan", "NOPE", false);
            assertThat(refusal(nowhere)).isEqualTo("no room NOPE on this server");
            for (Session s : new Session[] {a, dup, b, c, nowhere}) {
                s.close();
            }
        }
    }
}
