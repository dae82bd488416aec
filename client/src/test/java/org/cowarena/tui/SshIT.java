package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Students with nothing installed: the real OpenSSH client, in tmux, against
 * {@code cowarena.jar serve --ssh}. A student plays a whole arena game against a bot client;
 * two SSH students and two jar clients race and all four are in the results; a wrong class
 * password, a command and a forwarding are refused; a dropped connection gets its seat back;
 * a resize redraws; Ctrl-C leaves the game and not the server.
 */
class SshIT {
    private static final String CLIENT = System.getProperty("cowarena.clientJar", "target/cowarena.jar");
    private static final String SERVER = System.getProperty("cowarena.serverJar", "../server/target/cowarena-server.jar");
    private static final String AFTER = "; echo EXIT=$?; sleep 600";

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();
    private int port;
    private int sshPort;

    @BeforeAll
    static void needsTmuxAndSsh() {
        Tmux.assumeInstalled();
        boolean found;
        try {
            found = new ProcessBuilder("ssh", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            found = false;
        }
        assumeTrue(found, "the OpenSSH client is not installed here (.ci/run installs it, so CI runs these tests)");
    }

    @AfterEach
    void stop() {
        for (Process p : processes) {
            p.destroyForcibly();
        }
    }

    /** {@code cowarena.jar serve --ssh P ...} on free ports; waits for the line students are given. */
    private void serve(String... args) throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            sshPort = probe.getLocalPort();
        }
        List<String> all = new ArrayList<>(List.of("--ssh", String.valueOf(sshPort)));
        all.addAll(List.of(args));
        ServerProcess started = ServerProcess.serve(CLIENT, dir.resolve("server.log"), "ssh: students type",
                all.toArray(new String[0]));
        processes.add(started.process());
        port = started.port();
    }

    private String log() throws IOException {
        return Files.readString(dir.resolve("server.log"), StandardCharsets.UTF_8);
    }

    /** The OpenSSH client's options: no config, no known hosts kept, English. */
    private static String sshOptions(int port) {
        return "ssh -F /dev/null -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR"
                + " -o SetEnv=LANG=C.UTF-8 -p " + port;
    }

    /** A student's line: {@code ssh -tt ... -p PORT name@127.0.0.1}, then the exit status. */
    private String ssh(String name) {
        return ssh(name, sshPort);
    }

    private String ssh(String name, int viaPort) {
        return sshOptions(viaPort) + " -tt " + name + "@127.0.0.1" + AFTER;
    }

    private Process jarClient(String name, String... more) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", Path.of(CLIENT).toAbsolutePath().toString(),
                "--connect", "127.0.0.1:" + port, "--name", name));
        command.addAll(List.of(more));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        processes.add(p);
        return p;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void move(Tmux t, String move) throws Exception {
        t.send(":");
        t.type(move);
        t.send("Enter");
    }

    private static int movesPlayed(String screen) {
        Matcher m = Pattern.compile("moves (\\d+), \\d+ left").matcher(screen);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    @Test
    void aStudentPlaysAWholeArenaGameAgainstABotClient() throws Exception {
        serve("--level", "arena/first-touch", "--codes", "DUEL", "--turn-seconds", "300");
        assertThat(log()).containsPattern("host key SHA256:[A-Za-z0-9+/]{43}")
                .contains("ssh: students type  ssh -p " + sshPort + " NAME@");
        try (Tmux alice = Tmux.start("alice", 100, 30, ssh("alice"))) {
            alice.waitFor("room DUEL · alice plays alice", "waiting for players");
            Process bot = jarClient("bob", "--bot", "greedy");
            String[] mine = {"exec 1 render", "exec 3 audio", "pass"};
            int played = 0;
            while (true) {
                String screen = alice.waitUntil("shows her turn or the game's end", s -> s.contains("Game over")
                        || s.contains("your turn ·"));
                if (screen.contains("Game over")) {
                    break;
                }
                assertThat(played).as("the game ends at the level's 6 moves, 3 of them hers").isLessThan(3);
                int before = movesPlayed(screen);
                move(alice, mine[played]);
                played++;
                alice.waitUntil("counts her move", s -> s.contains("Game over") || movesPlayed(s) > before);
            }
            assertThat(played).isEqualTo(3);
            assertThat(alice.waitFor("Game over")).contains("› ");
            assertThat(bot.waitFor(30, TimeUnit.SECONDS)).as("the bot's game ended").isTrue();
            assertThat(bot.exitValue()).isZero();
            alice.send("q");
            alice.waitFor("EXIT=0");
        }
    }

    @Test
    void twoSshStudentsAndTwoJarClientsRaceAndAllFourAreInTheResults() throws Exception {
        Path journal = dir.resolve("journal");
        serve("--race", "campaign/01-fork", "--race-minutes", "20", "--journal", journal.toString());
        Matcher token = Pattern.compile("teacher token: ([0-9a-f]+)").matcher(log());
        assertThat(token.find()).isTrue();
        try (Tmux ann = Tmux.start("ann", 80, 24, ssh("ann"));
             Tmux bob = Tmux.start("bob", 80, 24, ssh("bob"))) {
            Process carl = jarClient("carl", "--bot", "greedy");
            Process dora = jarClient("dora", "--bot", "random", "--seed", "7");
            for (Tmux t : List.of(ann, bob)) {
                t.waitFor("race · ", "level 1 of 1", "race running");
                move(t, "fork 1");
                t.waitFor("fork returned 2 in pid 1");
                move(t, "fork 1");
                t.waitFor("Attempt over", "Solved ★★★: moves 2");
            }
            assertThat(carl.waitFor(60, TimeUnit.SECONDS)).as("carl's bot played the race to its end").isTrue();
            assertThat(dora.waitFor(60, TimeUnit.SECONDS)).as("dora's bot played the race to its end").isTrue();
            Process export = new ProcessBuilder(java(), "-jar", Path.of(SERVER).toAbsolutePath().toString(), "teacher",
                    "--connect", "127.0.0.1:" + port, "--token", token.group(1), "export").redirectErrorStream(true)
                    .start();
            String said = new String(export.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(export.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(said).contains("wrote results.csv");
            List<String> rows = Files.readAllLines(journal.resolve("results.csv"), StandardCharsets.UTF_8);
            assertThat(rows).anyMatch(r -> r.startsWith("ann,fork,true,2,"))
                    .anyMatch(r -> r.startsWith("bob,fork,true,2,"))
                    .anyMatch(r -> r.startsWith("carl,fork,"))
                    .anyMatch(r -> r.startsWith("dora,fork,"));
            ann.send("q");
            ann.waitFor("EXIT=0");
        }
    }

    @Test
    void theClassPasswordLetsInAndAWrongOneIsRefused() throws Exception {
        serve("--level", "arena/first-touch", "--ssh-password", "moo-42");
        assertThat(log()).contains("the password is the class password");
        Path wrong = askpass("wrong", "not-the-password");
        ProcessBuilder attempt = new ProcessBuilder(List.of("sh", "-c", "exec " + sshOptions(sshPort)
                + " -o PreferredAuthentications=password -o NumberOfPasswordPrompts=1 -T alice@127.0.0.1"))
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        attempt.environment().put("SSH_ASKPASS", wrong.toString());
        attempt.environment().put("SSH_ASKPASS_REQUIRE", "force"); // no tty to ask on: the script answers
        attempt.environment().put("DISPLAY", "none");
        Process refused = attempt.start();
        String said = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(refused.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(refused.exitValue()).as(said).isEqualTo(255);
        assertThat(said).contains("Permission denied");

        Path right = askpass("right", "moo-42");
        try (Tmux alice = Tmux.start("alice-pw", 100, 30, "env SSH_ASKPASS=" + right + " SSH_ASKPASS_REQUIRE=force"
                + " DISPLAY=none " + sshOptions(sshPort) + " -o PreferredAuthentications=password -tt alice@127.0.0.1"
                + AFTER)) {
            alice.waitFor("alice plays alice", "waiting for players");
            alice.send("C-c");
            alice.waitFor("EXIT=130");
        }
    }

    /** A script that answers ssh's password prompt (SSH_ASKPASS), as sshpass would. */
    private Path askpass(String name, String password) throws IOException {
        Path script = dir.resolve("askpass-" + name);
        Files.writeString(script, "#!/bin/sh\necho '" + password + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void aCommandASubsystemAndAForwardingAreRefused() throws Exception {
        serve("--level", "arena/first-touch");
        for (String request : List.of("alice@127.0.0.1 ls /", "-s alice@127.0.0.1 sftp",
                "-W 127.0.0.1:" + port + " alice@127.0.0.1")) {
            Process p = new ProcessBuilder(List.of("sh", "-c", "exec " + sshOptions(sshPort) + " -T " + request))
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(request + ": " + said).isNotZero();
            assertThat(said).as(request).doesNotContain("bin").doesNotContain("room ");
            assertThat(said).as(request).containsAnyOf("request failed", "forwarding failed");
        }
    }

    @Test
    void aDroppedConnectionGetsItsSeatBackAndResizingRedrawsAndCtrlCLeavesTheGameOnly() throws Exception {
        serve("--level", "arena/first-touch", "--codes", "DUEL", "--turn-seconds", "300", "--grace-seconds", "300");
        try (DropProxy relay = DropProxy.start(sshPort);
             Tmux alice = Tmux.start("alice-drop", 100, 30, ssh("alice", relay.port()))) {
            alice.waitFor("room DUEL · alice plays alice", "waiting for players");
            try (Tmux bob = Tmux.start("bob-drop", 100, 30, ssh("bob"))) {
                bob.waitFor("room DUEL · bob plays bob", "seat 0 alice: alice [on]");
                alice.waitFor("your turn ·");
                move(alice, "exec 1 render");
                bob.waitFor("› alice: exec 1 render", "your turn ·");

                relay.drop(); // the network goes: ssh ends, the server keeps her seat
                alice.waitFor("EXIT=255");
                bob.waitFor("seat 0 alice: alice [away]");
                alice.tmux("respawn-pane", "-k", "-t", "alice-drop", ssh("alice", relay.port()));
                alice.waitFor("room DUEL · alice plays alice", "moves 1, 5 left", "▸1 render        alice", "turn: bob");
                bob.waitFor("seat 0 alice: alice [on]");
                move(bob, "exec 4 audio");
                alice.waitFor("› bob: exec 4 audio", "your turn ·");

                // a window too small, then a larger one: each redraws at its size
                alice.tmux("resize-window", "-t", "alice-drop", "-x", "70", "-y", "20");
                alice.waitFor("needs a terminal of at least 80x24 (this one is 70x20)");
                alice.tmux("resize-window", "-t", "alice-drop", "-x", "130", "-y", "40");
                alice.waitUntil("redraws the board 130 columns wide", s -> s.lines().anyMatch(l -> l.length() > 100
                        && l.contains("arena/first-touch: Whoever touches it first pays for it")));

                // a second login with bob's name takes his seat over; Ctrl-C there leaves the game, not the server
                try (Tmux bob2 = Tmux.start("bob-again", 100, 30, ssh("bob"))) {
                    bob2.waitFor("room DUEL · bob plays bob", "moves 2, 4 left", "4 audio         bob");
                    bob.waitFor("you logged in again elsewhere", "EXIT=");
                    bob2.send("C-c");
                    bob2.waitFor("EXIT=130");
                }
                alice.waitFor("seat 1 bob: bob [away]");
                move(alice, "exec 3 audio");
                alice.waitFor("moves 3, 3 left", "› alice: exec 3 audio");
                assertThat(processes.get(0).isAlive()).as("the server plays on").isTrue();
            }
        }
    }

    @Test
    void aConnectionThatGoesSilentIsClosedWithinTheKeepaliveAndItsSeatWaits() throws Exception {
        serve("--level", "arena/first-touch", "--codes", "DUEL", "--turn-seconds", "300", "--grace-seconds", "300");
        try (Tmux alice = Tmux.start("alice-frozen", 100, 30, ssh("alice"))) {
            alice.waitFor("room DUEL · alice plays alice"); // seats go in join order: alice first
            frozen(alice, Tmux.start("bob-frozen", 100, 30, ssh("bob")));
        }
    }

    private void frozen(Tmux alice, Tmux started) throws Exception {
        try (Tmux bob = started) {
            bob.waitFor("room DUEL · bob plays bob", "seat 0 alice: alice [on]");
            long panePid = Long.parseLong(alice.tmux("display-message", "-p", "-t", "alice-frozen", "#{pane_pid}")
                    .strip());
            ProcessHandle ssh = ProcessHandle.of(panePid).orElseThrow().children()
                    .filter(p -> p.info().command().orElse("").endsWith("ssh")).findFirst().orElseThrow();
            signal("STOP", ssh.pid()); // the laptop's lid closes: no FIN, no answer, nothing
            try {
                // the server asks every 15 s and waits 15 s for the answer: within 30 s, and some slack
                AssertionError late = null;
                for (int waits = 0; waits < 2; waits++) {
                    try {
                        bob.waitFor("seat 0 alice: alice [away]");
                        late = null;
                        break;
                    } catch (AssertionError e) {
                        late = e;
                    }
                }
                if (late != null) {
                    throw late;
                }
            } finally {
                signal("CONT", ssh.pid());
            }
            alice.tmux("respawn-pane", "-k", "-t", "alice-frozen", ssh("alice"));
            alice.waitFor("room DUEL · alice plays alice");
            bob.waitFor("seat 0 alice: alice [on]");
        }
    }

    private static void signal(String signal, long pid) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).start().waitFor()).isZero();
    }
}
