package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two people on the board against the real server jar, each in a terminal, and a projector
 * spectating: bob joins through the lobby with a typed server and join code, they take turns
 * with the command line, alice's network drops (a relay cuts her connection) and her client
 * reconnects to the same seat, and the game goes on.
 */
class MultiplayerIT {
    private static final String CLIENT = System.getProperty("cowarena.clientJar", "target/cowarena.jar");

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
        ServerProcess started = ServerProcess.serve(dir.resolve("server.log"), "room DUEL", "--level",
                "arena/first-touch", "--codes", "DUEL", "--turn-seconds", "300", "--grace-seconds", "300");
        server = started.process();
        return started.port();
    }

    private static final String AFTER = "; echo EXIT=$?; stty -a; echo STTY-DONE; sleep 600";

    private String client(int port, String name) {
        return "env XDG_CONFIG_HOME=" + dir + " LANG=C.UTF-8 java -jar " + Path.of(CLIENT).toAbsolutePath()
                + " --connect 127.0.0.1:" + port + " --name " + name + " --room DUEL" + AFTER;
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
            // bob comes through the lobby: the campaign menu, m, his name, the server and the join code typed
            // (discovery off: LAN broadcasts stay out of tests)
            try (Tmux bob = Tmux.start("bob", 100, 30, "env XDG_CONFIG_HOME=" + dir + " LANG=C.UTF-8 java -jar "
                    + Path.of(CLIENT).toAbsolutePath() + " --discovery-port 0" + AFTER);
                 Tmux projector = Tmux.start("projector", 100, 30, "env LANG=C.UTF-8 java -jar "
                         + Path.of(CLIENT).toAbsolutePath() + " --connect 127.0.0.1:" + port + " --spectate"
                         + " --room DUEL" + AFTER)) {
                bob.waitFor("COW Arena: the campaign", "m multiplayer");
                bob.send("m");
                bob.waitFor("join a game", "LAN discovery is off");
                bob.send("n");
                bob.waitFor("name:");
                bob.send(java.util.Collections.nCopies(32, "BSpace").toArray(new String[0]));
                bob.type("bob");
                bob.send("Enter");
                bob.waitFor("Your name: bob");
                bob.send("c");
                bob.type("127.0.0.1:" + port + " DUEL");
                bob.send("Enter");
                play(alice, bob, relay, projector);
            }
        }
    }

    private static void play(Tmux alice, Tmux bob, DropProxy relay, Tmux projector) throws Exception {
        alice.waitFor("room DUEL · alice plays alice", "your turn ·", "seat 1 bob: bob [on]");
        bob.waitFor("room DUEL · bob plays bob", "turn: alice");
        projector.waitFor("room DUEL · spectating", "turn: alice");
        projector.send("f");
        projector.waitFor("spectators watch: they make no move");

        bob.send("f");
        bob.waitFor("not your turn: it is alice's");

        move(alice, "exec 1 render");
        alice.waitFor("› alice: exec 1 render", "turn: bob");
        bob.waitFor("› alice: exec 1 render", "pid 1 execed render", "your turn ·");
        projector.waitFor("› alice: exec 1 render", "turn: bob");

        relay.drop();
        alice.waitFor("reconnected: your seat is yours again");
        bob.waitFor("seat 0 alice: alice [on]");

        move(bob, "exec 4 audio");
        alice.waitFor("› bob: exec 4 audio", "your turn ·");
        move(alice, "exec 3 audio");
        bob.waitFor("› alice: exec 3 audio", "your turn ·");
        alice.waitFor("room DUEL · alice plays alice", "› alice: exec 3 audio");

        alice.send("q"); // not her turn: she leaves at once
        TerminalIT.assertSane(alice.waitFor("EXIT=0", "STTY-DONE"));
        bob.send("q");
        bob.waitFor("Leave the level?", "y or q leaves it"); // his turn in a game under way: he is asked first
        bob.send("y");
        TerminalIT.assertSane(bob.waitFor("EXIT=0", "STTY-DONE"));
        projector.send("q");
        TerminalIT.assertSane(projector.waitFor("EXIT=0", "STTY-DONE"));
    }
}
