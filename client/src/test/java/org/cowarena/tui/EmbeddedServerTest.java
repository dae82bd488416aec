package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cowarena.level.LevelLoader;
import org.cowarena.server.LevelText;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Solo mode's server listens on the loopback address only: a solo game is nobody else's to join. */
class EmbeddedServerTest {
    /** 127.0.0.1 as /proc/net/tcp writes it, and as /proc/net/tcp6 writes it (IPv4-mapped), and ::1. */
    private static final List<String> LOOPBACK = List.of("0100007F", "0000000000000000FFFF00000100007F",
            "00000000000000000000000001000000");

    @Test
    void theSoloServerListensOnLoopbackOnly() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")),
                "needs Linux's /proc/net/tcp to read the listening address");
        String id = LevelLoader.bundledIds().get(0);
        try (EmbeddedServer solo = EmbeddedServer.start(LevelText.resolve(id))) {
            List<String> addresses = listening(solo.port());
            assertThat(addresses).as("listening sockets on port %d", solo.port()).isNotEmpty();
            assertThat(addresses).allMatch(LOOPBACK::contains, "a loopback address");
        }
    }

    /** The local addresses of the sockets listening on {@code port} (state 0A), IPv4 and IPv6. */
    private static List<String> listening(int port) throws IOException {
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        List<String> result = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.isReadable(path)) {
                continue;
            }
            for (String line : Files.readAllLines(path)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && f[1].endsWith(":" + hexPort) && f[3].equals("0A")) {
                    result.add(f[1].substring(0, f[1].indexOf(':')));
                }
            }
        }
        return result;
    }
}
