package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.cowarena.client.Session;
import org.cowarena.protocol.Messages;
import org.cowarena.server.LevelText;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Solo mode's server opens no socket: the session reaches it in process, so no network is needed. */
class EmbeddedServerTest {
    @Test
    void aSoloGameIsPlayedWithoutOpeningASocket() throws Exception {
        Path fds = Path.of("/proc/self/fd");
        Assumptions.assumeTrue(Files.isDirectory(fds), "needs Linux's /proc/self/fd to list this process's sockets");
        Set<String> before = sockets(fds);
        try (EmbeddedServer solo = EmbeddedServer.start(LevelText.resolve("campaign/01-fork"))) {
            Session session = new Session(solo.connector(), "solo", new Messages.Hello("ada", null, null, false),
                    System::nanoTime);
            session.connect(5000);
            try {
                await(session, () -> session.room().loaded() && session.room().started(), "the game starts");
                session.play("fork 1");
                await(session, () -> session.room().index() == 1, "the move comes back");
                Set<String> opened = sockets(fds);
                opened.removeAll(before);
                assertThat(opened).as("sockets opened by the solo game").isEmpty();
            } finally {
                session.close();
            }
        }
    }

    private static void await(Session session, java.util.function.BooleanSupplier done, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for: %s", what).isLessThan(deadline);
            session.next(50);
        }
    }

    /** The sockets this process holds open now, as /proc names them ({@code socket:[inode]}). */
    private static Set<String> sockets(Path fds) throws IOException {
        Set<String> result = new HashSet<>();
        try (Stream<Path> list = Files.list(fds)) {
            for (Path fd : (Iterable<Path>) list::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:")) {
                        result.add(target);
                    }
                } catch (IOException e) {
                    // closed between the listing and the read
                }
            }
        }
        return result;
    }
}
