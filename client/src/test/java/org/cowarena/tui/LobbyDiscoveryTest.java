package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import org.cowarena.client.PrivateNetwork;
import org.junit.jupiter.api.Test;

/**
 * The lobby's LAN discovery, end to end: it broadcasts on every interface, so it runs only
 * inside a private network namespace with nothing but loopback up (no datagram leaves the
 * machine). The probe drives the real lobby scene on a virtual terminal against a real server.
 */
class LobbyDiscoveryTest {

    @Test
    void theLobbyListsTheLansRoomsAndJoinsTheChosenOne() throws Exception {
        String out = PrivateNetwork.run("org.cowarena.tui.LobbyProbe", "45556", "45778");
        String lobby = section(out, "--- lobby", "--- after Enter");
        assertThat(lobby).as(out).contains("Your name: bob").contains("2 rooms found");
        assertThat(lobby.lines().filter(l -> l.contains("LAN1")).findFirst()).as(out).hasValueSatisfying(l ->
                assertThat(l).contains("▸ LAN1").contains("first-touch").contains("0/2 players")
                        .contains("0 watching").contains("127.0.0.1:45556 Room 10"));
        assertThat(lobby.lines().filter(l -> l.contains("LAN2")).findFirst()).as(out).hasValueSatisfying(l ->
                assertThat(l).contains("  LAN2").contains("1/2 players").contains("127.0.0.1:45556 Room 10"));
        String board = section(out, "--- after Enter", "--- server");
        assertThat(board).as(out).startsWith("--- after Enter: PlayScene").contains("room LAN2 · bob plays bob")
                .contains("seat 0 alice: alice [on]").contains("seat 1 bob: bob [on]");
        assertThat(section(out, "--- server", null)).as("Down then Enter joined the second room listed")
                .contains("room LAN1 players 0 started false").contains("room LAN2 players 2 started true");
    }

    private static String section(String out, String from, String to) {
        int start = out.indexOf(from);
        int end = to == null ? out.length() : out.indexOf(to);
        assertThat(start).as(out).isNotNegative();
        assertThat(end).as(out).isGreaterThan(start);
        return out.substring(start, end);
    }
}
