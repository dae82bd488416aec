package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * A person on the board (and a spectator in Chinese at 80x24) in a tournament of the real
 * server jar, against two bot clients of the client jar: the waiting room, every match (the player passes each turn), the table
 * coming up at the end of each round with the next match, and the final table, which stays
 * until q.
 */
class TournamentIT {
    private static final String CLIENT = System.getProperty("cowarena.clientJar", "target/cowarena.jar");
    /** The board's header: the round, the room and the moves played, which change each turn. */
    private static final Pattern BOARD = Pattern.compile("round \\d of 3 · room R\\dM\\d .* moves \\d+");
    private static final String AFTER = "; echo EXIT=$?; stty -a; echo STTY-DONE; sleep 600";

    @TempDir
    Path dir;

    private Process server;
    private final List<Process> bots = new ArrayList<>();

    @BeforeAll
    static void needsTmux() {
        Tmux.assumeInstalled();
    }

    @AfterEach
    void stop() {
        bots.forEach(Process::destroyForcibly);
        if (server != null) {
            server.destroyForcibly();
        }
    }

    private Process bot(int port, String name) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of(CLIENT).toAbsolutePath().toString(), "--connect", "127.0.0.1:" + port, "--name", name,
                "--bot", "greedy");
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".txt").toFile()).start();
        bots.add(p);
        return p;
    }

    @Test
    void aPlayerOnTheBoardPlaysEveryMatchAgainstBotClientsToTheFinalTable() throws Exception {
        ServerProcess started = ServerProcess.serve(dir.resolve("server.log"), "tournament: waiting for 3 players",
                "--tournament", "arena/first-touch", "--players", "3", "--seed", "1", "--turn-seconds", "300",
                "--round-break-seconds", "2");
        server = started.process();
        int port = started.port();
        try (Tmux ann = Tmux.start("ann", 100, 30, "env XDG_CONFIG_HOME=" + dir + " LANG=C.UTF-8 java -jar "
                + Path.of(CLIENT).toAbsolutePath() + " --connect 127.0.0.1:" + port + " --name ann" + AFTER);
             Tmux watch = Tmux.start("watch", 80, 24, "env XDG_CONFIG_HOME=" + dir + " LANG=C.UTF-8 java -jar "
                + Path.of(CLIENT).toAbsolutePath() + " --connect 127.0.0.1:" + port + " --spectate --lang zh" + AFTER)) {
            ann.waitFor("COW Arena │ tournament │ waiting for the draw │ you: ann",
                    "joined 1 of 3 players: waiting for the draw");
            bot(port, "bob");
            ann.waitFor("joined 2 of 3 players: waiting for the draw");
            bot(port, "cid");
            List<String> tables = new ArrayList<>();
            java.util.Set<String> breaks = new java.util.TreeSet<>();
            Pattern breakLine = Pattern.compile("round \\d starts in \\d s");
            String screen = ann.waitFor("round 1 of 3 · room R1M");
            String passedAt = "";
            while (!screen.contains("final standings after 3 rounds")) {
                String shown = screen;
                Matcher board = BOARD.matcher(shown);
                Matcher pause = breakLine.matcher(shown);
                if (pause.find()) {
                    breaks.add(pause.group().substring(0, "round 2".length())); // the table, the break counted down
                }
                if (shown.contains("has begun: Enter to play it")) {
                    // the table came up at the end of the round, with the next match already on
                    String title = shown.lines().filter(l -> l.contains("standings after round")).findFirst()
                            .orElseThrow(() -> new AssertionError("no table title on:\n" + shown)).strip();
                    if (!tables.contains(title)) {
                        tables.add(title);
                    }
                    ann.send("Enter"); // ignored until the match's board has come: pressed again on the next screen
                } else if (board.find() && shown.contains("your turn ·") && !passedAt.equals(board.group())) {
                    passedAt = board.group(); // once a turn: the screen changes as the move is typed
                    ann.send(":");
                    ann.type("pass");
                    ann.send("Enter");
                }
                screen = ann.waitUntil("changes", s -> !s.equals(shown));
            }
            assertThat(tables).as("the table came up between rounds, and the next match with it")
                    .containsExactly("standings after round 1 of 3", "standings after round 2 of 3");
            assertThat(breaks).as("each table counted the break down to the next round")
                    .containsExactly("round 2", "round 3");
            screen = ann.waitFor("COW Arena │ tournament │ final table │ you: ann", "place  player", "◂ you");
            assertThat(screen.lines().filter(l -> l.contains("◂ you")).toList()).singleElement()
                    .asString().contains(" ann ");
            assertThat(screen).contains(" bob ", " cid ", "Points: 2 points for each seat of the match ranked below");
            for (Process p : bots) {
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).isZero();
            }
            assertThat(Files.readString(dir.resolve("bob.txt"), StandardCharsets.UTF_8))
                    .contains("final standings after 3 rounds");
            assertThat(Files.readString(dir.resolve("server.log"), StandardCharsets.UTF_8))
                    .contains("tournament over after 3 rounds");
            // a spectator in Chinese at 80x24 saw the same table, with no English sentence, the points rule included
            String zh = watch.waitFor("COW Arena │ 锦标赛 │ 最终积分表 │ 观战", "3 轮后的最终积分表", "名次", "计分规则：");
            String said = zh.lines().map(String::strip).collect(java.util.stream.Collectors.joining(" "))
                    .replace("COW Arena", "");
            assertThat(Pattern.compile("[A-Za-z]{2,}(?:[ ,'][A-Za-z]{2,}){2,}").matcher(said).find())
                    .as("no English sentence on the Chinese table:\n%s", zh).isFalse();
            watch.send("q");
            TerminalIT.assertSane(watch.waitFor("EXIT=0", "STTY-DONE"));
            ann.send("x"); // the final table stays until q
            ann.send("Enter");
            ann.waitFor("final standings after 3 rounds", "◂ you");
            ann.send("q");
            TerminalIT.assertSane(ann.waitFor("EXIT=0", "STTY-DONE"));
        }
    }
}
