package org.cowarena.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cowarena.bot.Strategies;
import org.cowarena.bot.Strategy;
import org.cowarena.cli.ServerCli;
import org.cowarena.game.Game;
import org.cowarena.game.Score;
import org.cowarena.level.Level;
import org.cowarena.level.Metrics;
import org.cowarena.move.Move;
import org.cowarena.move.MoveParser;
import org.cowarena.move.ScriptLine;
import org.cowarena.protocol.Messages;
import org.cowarena.server.GameServer;
import org.cowarena.server.LevelText;
import org.cowarena.server.RaceConfig;
import org.cowarena.server.ServeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A race of 20 players over loopback on two campaign levels: players replay the levels'
 * reference solutions, their naive solutions, or random legal moves (fixed seeds). The
 * projector's leaderboard, its histograms and the results CSV must match what the
 * level's rules make of each player's moves, played here on a game of our own.
 */
class RaceTest {
    static final List<String> LEVELS = List.of("campaign/01-fork", "campaign/02-cow-copy");
    static final int PLAYERS = 20;

    @TempDir
    Path dir;

    /**
     * What a player will send per level: its attempts, each a list of moves. Players replay
     * the reference solution, or the naive one, or try random legal moves, give up, and
     * solve it naively then well in two more attempts, or only try random moves.
     */
    static List<List<List<String>>> plan(int player, List<Level> levels) throws Exception {
        List<List<List<String>>> plan = new ArrayList<>();
        for (int l = 0; l < levels.size(); l++) {
            String base = "levels/" + LEVELS.get(l);
            List<String> random = randomMoves(levels.get(l), 1000L * player + l, 2 + player % 4);
            switch (player % 4) {
                case 0 -> plan.add(List.of(script(base + ".moves")));
                case 1 -> plan.add(List.of(script(base + ".naive.moves")));
                case 2 -> plan.add(List.of(random, script(base + ".naive.moves"), script(base + ".moves")));
                default -> plan.add(List.of(random));
            }
        }
        return plan;
    }

    static List<String> script(String resource) throws Exception {
        try (var in = RaceTest.class.getClassLoader().getResourceAsStream(resource)) {
            List<String> moves = new ArrayList<>();
            for (ScriptLine line : MoveParser.parseScript(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
                moves.add(line.move().notation());
            }
            return moves;
        }
    }

    static List<String> randomMoves(Level level, long seed, int count) throws Exception {
        Game game = Game.start(level);
        Strategy random = Strategies.create("random", seed);
        String owner = game.kernel().processes().get(0).owner();
        List<String> moves = new ArrayList<>();
        for (int i = 0; i < count && game.movesLeft() > 0 && !game.score().met(); i++) {
            Move m = random.choose(game, owner);
            game.play(m);
            moves.add(m.notation());
        }
        return moves;
    }

    /** The result of one attempt under the level's rules: moves up to the first that meets the goal. */
    record Expected(boolean solved, int moves, int copies, int peak, int stars, List<String> solution) {
        static Expected of(Level level, List<String> plan) throws Exception {
            Game game = Game.start(level);
            List<String> played = new ArrayList<>();
            for (String text : plan) {
                Game trial = game.copy();
                if (!trial.play(MoveParser.parseMove(text)).outcome().ok()) {
                    continue;
                }
                game = trial;
                played.add(text);
                Score score = game.score();
                if (score.met()) {
                    Metrics m = game.metrics();
                    return new Expected(true, m.moves(), m.copies(), m.peakFrames(), score.stars(), played);
                }
            }
            return new Expected(false, -1, -1, -1, 0, List.of());
        }

        int metric(int m) {
            return switch (m) {
                case 0 -> moves;
                case 1 -> copies;
                case 2 -> peak;
                default -> solved ? stars : -1;
            };
        }

        /**
         * A player's result on a level over its attempts: per metric the best of the solved
         * ones (fewest, or most stars); the solution of the attempt with most stars, then
         * fewest moves, copies, peak frames (the first of equals).
         */
        static Expected best(List<Expected> attempts) {
            Expected top = null;
            int[] best = {-1, -1, -1, -1};
            for (Expected e : attempts) {
                if (!e.solved()) {
                    continue;
                }
                for (int m = 0; m < 4; m++) {
                    boolean better = best[m] < 0 || (m == 3 ? e.metric(m) > best[m] : e.metric(m) < best[m]);
                    best[m] = better ? e.metric(m) : best[m];
                }
                if (top == null || java.util.Arrays.compare(rank(e), rank(top)) < 0) {
                    top = e;
                }
            }
            return top == null ? new Expected(false, -1, -1, -1, 0, List.of())
                    : new Expected(true, best[0], best[1], best[2], best[3], top.solution());
        }

        private static int[] rank(Expected e) {
            return new int[] {-e.stars(), e.moves(), e.copies(), e.peak()};
        }
    }

    @Test
    void twentyPlayersRaceTwoLevelsAndTheLeaderboardHistogramsAndCsvMatchTheirMoves() throws Exception {
        List<LevelText> texts = new ArrayList<>();
        List<Level> levels = new ArrayList<>();
        for (String id : LEVELS) {
            LevelText t = LevelText.resolve(id);
            texts.add(t);
            levels.add(t.level());
        }
        Path journal = dir.resolve("journal");
        int port = TestServer.freePort();
        ServeConfig config = ServeConfig.defaults(List.of()).withPorts(port, 0).withJournal(Optional.of(journal));
        GameServer server = GameServer.createRace(config, new RaceConfig(texts, -1, true));
        server.start();
        ExecutorService pool = Executors.newFixedThreadPool(PLAYERS);
        try (RaceClient projector = RaceClient.join(port, "projector", null, true)) {
            String[] names = new String[PLAYERS];
            List<List<List<List<String>>>> plans = new ArrayList<>();
            List<RaceClient> clients = new ArrayList<>();
            for (int p = 0; p < PLAYERS; p++) {
                names[p] = String.format("p%02d", p);
                plans.add(plan(p, levels));
                clients.add(RaceClient.join(port, names[p], null, false));
                assertThat(clients.get(p).refusal).isNull();
            }

            // Before the teacher starts the race, moves are refused; a student cannot start it.
            RaceClient student = clients.get(0);
            assertThat(student.play("fork 1")).isFalse();
            assertThat(student.refused.get(0).reason).contains("not started");
            Messages.TeacherReply denied = student.teacher("not-the-token", "start", null);
            assertThat(denied.ok).isFalse();
            assertThat(denied.reason).contains("only the teacher");
            assertThat(student.teacher(null, "kick", "p01").ok).isFalse();
            assertThat(server.raceState()).isEqualTo("waiting");
            assertThat(student.teacher(server.teacherToken(), "start", null).ok).isTrue();
            assertThat(server.raceState()).isEqualTo("running");

            List<Future<?>> runs = new ArrayList<>();
            for (int p = 0; p < PLAYERS; p++) {
                RaceClient c = clients.get(p);
                List<List<List<String>>> plan = plans.get(p);
                runs.add(pool.submit(() -> {
                    for (int l = 0; l < plan.size(); l++) {
                        for (int a = 0; a < plan.get(l).size(); a++) {
                            if (l > 0 || a > 0) {
                                c.attempt(l);
                            }
                            for (String move : plan.get(l).get(a)) {
                                if (c.play(move) && c.acks.get(c.acks.size() - 1).solved) {
                                    break;
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }

            // Expected, from the levels' rules and each player's moves.
            Expected[][] expected = new Expected[PLAYERS][levels.size()];
            for (int p = 0; p < PLAYERS; p++) {
                for (int l = 0; l < levels.size(); l++) {
                    List<Expected> attempts = new ArrayList<>();
                    for (List<String> attempt : plans.get(p).get(l)) {
                        attempts.add(Expected.of(levels.get(l), attempt));
                    }
                    expected[p][l] = Expected.best(attempts);
                }
            }
            int unsolved = 0;
            for (int l = 0; l < levels.size(); l++) {
                assertThat(expected[0][l].stars()).as("the reference solution earns three stars").isEqualTo(3);
                assertThat(expected[0][l].solution()).isEqualTo(plans.get(0).get(l).get(0));
                assertThat(expected[1][l].stars()).as("the naive solution earns fewer").isLessThan(3);
                assertThat(expected[2][l]).as("the best of three attempts is the reference").isEqualTo(expected[0][l]);
                for (int p = 0; p < PLAYERS; p++) {
                    unsolved += expected[p][l].solved() ? 0 : 1;
                }
            }
            assertThat(unsolved).as("some random players leave a level unsolved").isPositive();

            // The projector's leaderboard, once it has every player's last improvement.
            projector.until(() -> matches(projector.leaderboard, expected), 10_000, "the final leaderboard");
            Messages.Leaderboard board = projector.leaderboard;
            assertThat(board.players).containsExactly(names);
            assertThat(board.metrics).containsExactly("moves", "copies", "peakFrames", "stars");
            for (int l = 0; l < levels.size(); l++) {
                Messages.LevelBoard lb = board.levels[l];
                assertThat(lb.level).isEqualTo(levels.get(l).id());
                for (int m = 0; m < 4; m++) {
                    Map<Integer, Integer> counts = new TreeMap<>();
                    for (int p = 0; p < PLAYERS; p++) {
                        if (expected[p][l].solved()) {
                            counts.merge(expected[p][l].metric(m), 1, Integer::sum);
                        }
                    }
                    Messages.Histogram h = lb.histograms[m];
                    assertThat(h.metric).isEqualTo(board.metrics[m]);
                    assertThat(h.values).containsExactly(counts.keySet().stream().mapToInt(i -> i).toArray());
                    assertThat(h.counts).containsExactly(counts.values().stream().mapToInt(i -> i).toArray());
                    Integer star = levels.get(l).stars().get(board.metrics[m]);
                    assertThat(h.threeStars).isEqualTo(m == 3 ? 3 : star == null ? -1 : star);
                }
                for (int p = 0; p < PLAYERS; p++) {
                    assertThat(lb.solvedMillis[p] >= 0).isEqualTo(expected[p][l].solved());
                }
            }
            assertThat(board.levels[0].histograms[0].threeStars).isEqualTo(2);

            // The results, replayed from the journal by the results command.
            Path csv = dir.resolve("out/results.csv");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int status = ServerCli.run(new PrintWriter(out), new PrintWriter(err), "results", "--journal",
                    journal.toString(), "--csv", csv.toString(), "--json", dir.resolve("out/results.json").toString());
            assertThat(status).as(err.toString()).isZero();
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertThat(lines.get(0)).isEqualTo(
                    "player,level,solved,moves,copies,peak_frames,stars,attempts,time_to_solve_ms,solution");
            assertThat(lines).hasSize(1 + PLAYERS * levels.size());
            int row = 1;
            for (int p = 0; p < PLAYERS; p++) {
                for (int l = 0; l < levels.size(); l++) {
                    Expected e = expected[p][l];
                    String[] cells = lines.get(row++).split(",", -1);
                    assertThat(cells[0]).isEqualTo(names[p]);
                    assertThat(cells[1]).isEqualTo(levels.get(l).id());
                    assertThat(cells[2]).isEqualTo(Boolean.toString(e.solved()));
                    assertThat(cells[3] + "," + cells[4] + "," + cells[5] + "," + cells[6]).isEqualTo(
                            e.moves() + "," + e.copies() + "," + e.peak() + "," + e.stars());
                    assertThat(cells[7]).isEqualTo(Integer.toString(plans.get(p).get(l).size()));
                    assertThat(Long.parseLong(cells[8]) >= 0).isEqualTo(e.solved());
                    assertThat(cells[9]).isEqualTo(String.join("; ", e.solution()));
                }
            }
            assertThat(Files.readString(dir.resolve("out/results.json"))).contains("\"player\":\"p00\"")
                    .contains("\"solution\":[\"fork 1\",\"fork 1\"]");
            // Without --csv the CSV goes to standard output.
            StringWriter stdout = new StringWriter();
            ServerCli.run(new PrintWriter(stdout), new PrintWriter(new StringWriter()), "results", "--journal",
                    journal.toString());
            assertThat(stdout.toString().replace("\r\n", "\n").strip())
                    .isEqualTo(String.join("\n", lines).strip());
            for (RaceClient c : clients) {
                c.close();
            }
        } finally {
            pool.shutdownNow();
            server.close();
        }
    }

    private static boolean matches(Messages.Leaderboard board, Expected[][] expected) {
        if (board == null || board.players.length != expected.length) {
            return false;
        }
        for (int l = 0; l < board.levels.length; l++) {
            for (int p = 0; p < expected.length; p++) {
                if (board.levels[l].solved[p] != expected[p][l].solved()) {
                    return false;
                }
                for (int m = 0; m < 4; m++) {
                    if (board.levels[l].best[p * 4 + m] != expected[p][l].metric(m)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
