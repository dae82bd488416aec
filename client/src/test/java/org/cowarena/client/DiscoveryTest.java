package org.cowarena.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * LAN discovery broadcasts on every interface, so it is tested only inside a private
 * network namespace with nothing but loopback up: no datagram can leave the machine.
 */
class DiscoveryTest {

    @Test
    void aClientFindsTheServerItsRoomsAndPlayersOnTheLan() throws Exception {
        String out = PrivateNetwork.run("org.cowarena.client.DiscoveryProbe", "45555", "45777");
        assertThat(out).contains("found 127.0.0.1:45555 Room 101 LAN1,LAN2 players 0,1");
        assertThat(out).contains("Room 101 at 127.0.0.1:45555")
                .contains("room LAN1: test-duel, 0 of 2 players, 0 watching")
                .contains("room LAN2: test-duel, 1 of 2 players, 0 watching");
        assertThat(out.lines().filter(l -> l.startsWith("found "))).as("duplicate answers are merged").hasSize(1);
    }
}
