package org.cowarena.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a probe (a class with a main) in a fresh JVM inside a private network namespace with
 * nothing but loopback up: LAN discovery broadcasts on every interface, and there no
 * datagram can leave the machine. Tests that need one are skipped where {@code unshare -n}
 * is not allowed.
 */
public final class PrivateNetwork {
    private PrivateNetwork() {
    }

    /** Runs {@code probe} with {@code args} and returns its output, after checking it exited 0 within a minute. */
    public static String run(String probe, String... args) throws IOException, InterruptedException {
        assumeTrue(runs("unshare", "-n", "sh", "-c", "ip link set lo up"),
                "needs a private network namespace (unshare -n) and ip to bring its loopback up:"
                        + " without them a discovery broadcast would leave the machine");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "ip link set lo up && exec \"$0\" -cp \"$@\""; // $1 is the class path, then the probe and its arguments
        List<String> line = new ArrayList<>(List.of("unshare", "-n", "sh", "-c", command, java,
                System.getProperty("java.class.path"), probe));
        line.addAll(List.of(args));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

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
}
