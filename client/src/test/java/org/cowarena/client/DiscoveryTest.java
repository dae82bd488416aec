package org.cowarena.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * LAN discovery broadcasts on every interface, so it is tested only inside a private
 * network namespace with nothing but loopback up: no datagram can leave the machine.
 */
class DiscoveryTest {

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void aClientFindsTheServerItsRoomsAndPlayersOnTheLan() throws Exception {
        assumeTrue(runs("unshare", "-n", "sh", "-c", "ip link set lo up"),
                "needs a private network namespace (unshare -n) and ip to bring its loopback up:"
                        + " without them a discovery broadcast would leave the machine");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "ip link set lo up && exec \"$0\" -cp \"$1\" org.cowarena.client.DiscoveryProbe 45555 45777";
        Process p = new ProcessBuilder(List.of("unshare", "-n", "sh", "-c", command, java,
                System.getProperty("java.class.path"))).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("found 127.0.0.1:45555 Room 101 LAN1,LAN2 players 0,1");
        assertThat(out).contains("Room 101 at 127.0.0.1:45555")
                .contains("room LAN1: test-duel, 0 of 2 players, 0 watching")
                .contains("room LAN2: test-duel, 1 of 2 players, 0 watching");
        assertThat(out.lines().filter(l -> l.startsWith("found "))).as("duplicate answers are merged").hasSize(1);
    }
}
