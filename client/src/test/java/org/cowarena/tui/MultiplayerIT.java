package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two people on the board against the real server jar, each in a terminal: they take
 * turns with the command line, alice's network drops (a relay cuts her connection) and her
 * client reconnects to the same seat, and the game goes on.
 */
class MultiplayerIT {
    private static final String CLIENT = System.getProperty("cowarena.clientJar", "target/cowarena.jar");
    private static final String SERVER = System.getProperty("cowarena.serverJar",
            "../server/target/cowarena-server.jar");

    @TempDir
    Path dir;

    private Process server;

    @BeforeAll
    static void needsTmux() {
        Tmux.assumeInstalled();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    private int serve() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path log = dir.resolve("server.log");
        server = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of(SERVER).toAbsolutePath().toString(), "serve", "--port", String.valueOf(port),
                "--discovery-port", "0", "--level", "arena/first-touch", "--codes", "DUEL", "--turn-seconds", "300",
                "--grace-seconds", "300")).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(log, StandardCharsets.UTF_8).contains("room DUEL")) {
            assertThat(server.isAlive()).as(Files.readString(log, StandardCharsets.UTF_8)).isTrue();
            assertThat(System.nanoTime()).as("the server started within 30 s").isLessThan(deadline);
            server.waitFor(20, TimeUnit.MILLISECONDS);
        }
        return port;
    }

    private String client(int port, String name) {
        return "env XDG_CONFIG_HOME=" + dir + " LANG=C.UTF-8 java -jar " + Path.of(CLIENT).toAbsolutePath()
                + " --connect 127.0.0.1:" + port + " --name " + name + " --room DUEL"
                + "; echo EXIT=$?; stty -a; sleep 600";
    }

    private static void move(Tmux t, String move) throws Exception {
        t.send(":");
        t.type(move);
        t.send("Enter");
    }

    @Test
    void twoPlayersTakeTurnsAndADroppedPlayerGetsItsSeatBack() throws Exception {
        int port = serve();
        try (DropProxy relay = DropProxy.start(port);
             Tmux alice = Tmux.start("alice", 100, 30, client(relay.port(), "alice"))) {
            // seats go in the order players join: alice first, so she plays the level's first owner
            alice.waitFor("room DUEL · alice plays alice", "waiting for players");
            try (Tmux bob = Tmux.start("bob", 100, 30, client(port, "bob"))) {
                play(alice, bob, relay);
            }
        }
    }

    private static void play(Tmux alice, Tmux bob, DropProxy relay) throws Exception {
        alice.waitFor("room DUEL · alice plays alice", "turn: alice (you)", "seat 1 bob: bob [on]");
        bob.waitFor("room DUEL · bob plays bob", "turn: alice");

        bob.send("f");
        bob.waitFor("not your turn: it is alice's");

        move(alice, "exec 1 render");
        alice.waitFor("› alice: exec 1 render", "turn: bob");
        bob.waitFor("› alice: exec 1 render", "pid 1 execed render", "turn: bob (you)");

        relay.drop();
        alice.waitFor("reconnected: your seat is yours again");
        bob.waitFor("seat 0 alice: alice [on]");

        move(bob, "exec 4 audio");
        alice.waitFor("› bob: exec 4 audio", "turn: alice (you)");
        move(alice, "exec 3 audio");
        bob.waitFor("› alice: exec 3 audio", "turn: bob (you)");
        assertThat(alice.screen()).contains("room DUEL · alice plays alice");

        alice.send("q");
        TerminalIT.assertSane(alice.waitFor("EXIT=0"));
        bob.send("q");
        TerminalIT.assertSane(bob.waitFor("EXIT=0"));
    }
}
