package org.cowarena.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code --spectate [ROOM]}: the room may follow it, and must not contradict {@code --room}. */
class SpectateOptionTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ClientCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {String.valueOf(status), err.toString()};
    }

    @Test
    void twoDifferentRoomsAreRefused() {
        String[] r = run("--connect", "127.0.0.1:1", "--spectate", "DUEL", "--room", "OTHER");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("--spectate DUEL and --room OTHER: name one room");
    }

    @Test
    void aRoomAfterSpectateIsTheRoomAndAnOptionAfterItIsNot() {
        // nothing listens on port 1: the client gets as far as connecting, so the options parsed
        String[] withRoom = run("--spectate", "DUEL", "--room", "duel", "--connect", "127.0.0.1:1", "--bot", "random",
                "--reconnect-seconds", "0");
        assertThat(withRoom[1]).doesNotContain("name one room").doesNotContain("Unknown option");
        String[] bare = run("--spectate", "--connect", "127.0.0.1:1", "--bot", "random", "--reconnect-seconds", "0");
        assertThat(bare[1]).doesNotContain("Unknown option").doesNotContain("name yourself");
    }
}
