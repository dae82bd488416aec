package org.cowarena.tui;

import org.cowarena.client.BoardOptions;
import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.cowarena.board.Chrome;
import org.cowarena.board.Theme;
import org.cowarena.board.VirtualScreens;
import org.cowarena.bot.Strategies;
import org.cowarena.bot.Strategy;
import org.cowarena.client.BotPlayer;
import org.cowarena.client.BotThread;
import org.cowarena.client.Session;
import org.cowarena.client.TournamentProgress;
import org.cowarena.game.Game;
import org.cowarena.server.GameServer;
import org.cowarena.server.LevelText;
import org.cowarena.server.ServeConfig;
import org.cowarena.tournament.Match;
import org.cowarena.tournament.Schedule;
import org.cowarena.tournament.Standings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The terminal client in a tournament against bot clients, over loopback: its scenes are
 * driven here as the terminal loop drives them (idle, keys typed on the board's command
 * line) and drawn on a virtual terminal, from the waiting room to the final table; a
 * projector watches, its connection cut once on the way.
 */
class TournamentSceneTest {
    private static final long SEED = 11;

    /** The terminal client, played with a greedy strategy through the keys a person would type. */
    private static final class Player {
        final JoinScene scene;
        final Strategy strategy = Strategies.create("greedy", 7);
        final List<String> rooms = new ArrayList<>();
        final List<String> tablesBetweenRounds = new ArrayList<>();
        final List<String> begun = new ArrayList<>();
        int typedAt = -1;
        String typedIn;
        int refusals;
        int matchesEnded;
        boolean toggled;
        /** Moves typed on the command line, by room. */
        final java.util.Map<String, Integer> typed = new java.util.TreeMap<>();

        Player(JoinScene scene) {
            this.scene = scene;
        }

        TournamentScene tournament() {
            return scene.inner() instanceof TournamentScene t ? t : null;
        }

        void step() throws InterruptedException {
            scene.idle(10);
            TournamentScene t = tournament();
            if (t == null) {
                return;
            }
            RoomTable table = t.table();
            Session session = table.session();
            TournamentProgress progress = session.tournament();
            String room = session.welcome() == null ? null : session.welcome().room;
            if (room != null && (rooms.isEmpty() || !rooms.get(rooms.size() - 1).equals(room))) {
                rooms.add(room);
            }
            if (!t.playing()) {
                if (progress.standings() != null && !progress.finished()) {
                    DefaultVirtualTerminal vt = VirtualScreens.draw(80, 24, scene::draw);
                    String title = VirtualScreens.row(vt, 2).strip();
                    if (!tablesBetweenRounds.contains(title)) {
                        tablesBetweenRounds.add(title);
                        assertThat(VirtualScreens.text(vt)).as("ann's row is marked").containsPattern(
                                "\\d+  ann .*◂ you");
                    }
                }
                if (table.game() != null && table.resultLines().isEmpty()) {
                    // the next match has begun while the table showed: Enter goes to its board
                    t.view().below().stream().filter(l -> l.tone() == org.cowarena.board.Tone.NOTE).forEach(l -> begun.add(l.text()));
                    scene.key(new KeyStroke(KeyType.Enter));
                    assertThat(t.playing()).isTrue();
                }
                return;
            }
            if (!table.resultLines().isEmpty()) {
                // the match is over: q (and Enter) show the tournament's table, they do not leave it
                assertThat(scene.key(new KeyStroke('q', false, false))).isSameAs(scene);
                assertThat(t.playing()).isFalse();
                matchesEnded++;
                return;
            }
            if (!toggled && table.game() != null) {
                toggled = true;
                scene.key(new KeyStroke('t', false, false));
                assertThat(t.playing()).as("t shows the table").isFalse();
                assertThat(VirtualScreens.text(VirtualScreens.draw(80, 24, scene::draw)))
                        .contains("round 1 of 3 under way");
                scene.key(new KeyStroke(KeyType.Enter));
                assertThat(t.playing()).as("Enter goes back to the board").isTrue();
            }
            if (session.refusals().size() > refusals) {
                refusals = session.refusals().size();
                type(":pass");
                return;
            }
            Game game = table.game();
            int index = session.room().index();
            if (game != null && table.whyNotMove() == null && (index != typedAt || !room.equals(typedIn))) {
                typedAt = index;
                typedIn = room;
                typed.merge(room, 1, Integer::sum);
                type(":" + strategy.choose(game, table.owner()).notation());
            }
        }

        void type(String text) {
            for (char c : text.toCharArray()) {
                scene.key(new KeyStroke(c, false, false));
            }
            scene.key(new KeyStroke(KeyType.Enter));
        }
    }

    private static void idle(Scene scene) {
        try {
            scene.idle(5);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void drive(List<Runnable> steps, BooleanSupplier done, long millis, String what) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            steps.forEach(Runnable::run);
        }
    }

    private static String row(Standings.Row r) {
        return String.format(Locale.ROOT, "%5d  %-16s %7d %6d %8d %14d", r.place(), r.player(), r.matches(),
                r.points(), r.jobsMet(), r.charged());
    }

    @Test
    @Timeout(90)
    void theTerminalClientPlaysATournamentAgainstBotsToTheFinalTable() throws Exception {
        int port = freePort();
        ServeConfig config = ServeConfig.defaults(List.of(LevelText.resolve("arena/first-touch")))
                .withPlayers(4).withPorts(port, 0).withTimers(10_000, 2_000);
        config = new ServeConfig(config.name(), config.port(), config.discoveryPort(), config.levels(),
                config.rooms(), config.codes(), config.players(), config.turnMillis(), config.graceMillis(),
                config.maxClients(), config.maxMoves(), config.journal(), config.fillBot(), SEED);
        List<String> log = new CopyOnWriteArrayList<>();
        GameServer server = GameServer.createTournament(config, log::add);
        server.start();
        StringWriter err = new StringWriter();
        Context ctx = new Context(Theme.mono(), "en", null, "ann", List.of(), 0);
        // ann's network drops once too, in the middle of a round-2 match: she reclaims her seat in that room
        DropProxy annRelay = DropProxy.start(port);
        Scene annScene = NetScenes.join(ctx, new BoardOptions("127.0.0.1:" + annRelay.port(), "ann", null, null, false,
                null, "en", true, null, 0, null), new PrintWriter(err));
        // the projector's network drops once, after the first table: it says hello again by itself
        DropProxy relay = DropProxy.start(port);
        Scene watchScene = NetScenes.join(ctx, new BoardOptions("127.0.0.1:" + relay.port(), null, null, null, true, null,
                "en", true, null, 0, null), new PrintWriter(err));
        assertThat(annScene).as(err.toString()).isInstanceOf(JoinScene.class);
        Player ann = new Player((JoinScene) annScene);
        JoinScene watch = (JoinScene) watchScene;
        Set<String> announced = new LinkedHashSet<>();
        java.util.concurrent.atomic.AtomicBoolean dropped = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean annDropped = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.Map<String, Integer> typedBeforeDrop = new java.util.TreeMap<>();
        List<Runnable> steps = List.of(() -> {
            try {
                ann.step();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            TournamentScene at = ann.tournament();
            if (at != null && ann.rooms.size() == 2 && at.playing() && at.table().game() != null
                    && at.table().resultLines().isEmpty() && ann.typed.getOrDefault(ann.rooms.get(1), 0) >= 1
                    && annDropped.compareAndSet(false, true)) {
                typedBeforeDrop.putAll(ann.typed);
                annRelay.drop();
            }
            idle(watch);
            if (watch.inner() instanceof TournamentScene w) {
                announced.addAll(w.table().session().tournament().roundMatches());
                if (w.table().session().tournament().standings() != null && dropped.compareAndSet(false, true)) {
                    relay.drop();
                    // ann waits meanwhile, so round 3 cannot begin before the projector is back
                    Session s = w.table().session();
                    List<Runnable> watching = List.of(() -> idle(watch));
                    drive(watching, s::closed, 5000, "the projector to see its connection drop");
                    drive(watching, () -> !s.closed(), 10_000, "the projector to reconnect");
                }
            }
        });
        List<Thread> bots = new ArrayList<>();
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        try {
            drive(steps, () -> log.contains("tournament: ann joined (1 of 4)") && ann.tournament() != null,
                    10_000, "ann to join");
            drive(steps, () -> VirtualScreens.row(VirtualScreens.draw(80, 24, ann.scene::draw), 2)
                    .startsWith(" joined 1 of 4 players: waiting for the draw"), 5000, "the waiting room");
            for (int i = 1; i < 4; i++) {
                bots.add(BotThread.start(port, "p" + i, Strategies.create(i % 2 == 0 ? "greedy" : "random", 100 + i),
                        statuses::add));
                String joined = "tournament: p" + i + " joined (" + (i + 1) + " of 4)";
                drive(steps, () -> log.contains(joined), 10_000, joined);
                if (i < 3) {
                    int k = i + 1;
                    drive(steps, () -> VirtualScreens.text(VirtualScreens.draw(80, 24, ann.scene::draw))
                            .contains("joined " + k + " of 4 players"), 5000, "the waiting room to count " + k);
                }
            }
            TournamentScene annT = ann.tournament();
            drive(steps, () -> annT.table().session().tournament().finished()
                    && watch.inner() instanceof TournamentScene w && w.table().session().tournament().finished(), 60_000,
                    "the final table");
            Standings table = server.tournamentFinished().get(5, TimeUnit.SECONDS);
            for (Thread t : bots) {
                t.join(10_000);
            }
            assertThat(statuses).containsExactly(BotPlayer.ENDED, BotPlayer.ENDED, BotPlayer.ENDED);

            Schedule schedule = Schedule.roundRobin(List.of("ann", "p1", "p2", "p3"), List.of(2), SEED);
            List<String> annRooms = schedule.matches().stream().filter(m -> m.players().contains("ann"))
                    .map(m -> "R" + m.round() + "M" + m.number()).toList();
            assertThat(ann.rooms).as("the client followed the server into each of ann's matches").isEqualTo(annRooms);
            assertThat(ann.typed.keySet()).as("ann moved in every match, by keys").containsExactlyInAnyOrderElementsOf(
                    annRooms);
            assertThat(ann.matchesEnded).as("each match's end seen on the board").isEqualTo(3);
            assertThat(ann.refusals).as("the moves typed were the level's").isZero();
            assertThat(annDropped).isTrue();
            assertThat(ann.typed.get(annRooms.get(1))).as("ann moved again in the room she reclaimed, on its board")
                    .isGreaterThan(typedBeforeDrop.get(annRooms.get(1)));
            assertThat(annT.table().round()).as("the board started over once a match: the match told again after"
                    + " her reconnect is the one on the board, not a new one").isEqualTo(annRooms.size());
            assertThat(ann.tablesBetweenRounds).containsExactly("standings after round 1 of 3",
                    "standings after round 2 of 3");
            assertThat(ann.begun).as("each later match announced on the table").hasSize(2)
                    .allMatch(n -> n.endsWith("has begun: Enter to play it"));
            List<String> matchLines = new ArrayList<>();
            for (Match m : schedule.matches()) {
                matchLines.add("round " + m.round() + " of 3: room R" + m.round() + "M" + m.number()
                        + ", first-touch, " + String.join(" vs ", m.players()));
            }
            assertThat(dropped).isTrue();
            assertThat(announced).as("the spectator saw the matches announced, before and after its drop (round 2"
                    + " began as it dropped)").containsAll(matchLines.subList(0, 2))
                    .containsAll(matchLines.subList(4, 6)).isSubsetOf(matchLines);

            DefaultVirtualTerminal end = VirtualScreens.draw(80, 24, ann.scene::draw);
            assertThat(VirtualScreens.row(end, 0)).startsWith(" COW Arena │ tournament │ final table │ you: ann");
            assertThat(VirtualScreens.row(end, 2)).startsWith(" final standings after 3 rounds");
            for (int i = 0; i < 4; i++) {
                Standings.Row r = table.rows().get(i);
                assertThat(VirtualScreens.row(end, 4 + i).stripTrailing()).as("row " + i + " of the server's table")
                        .isEqualTo(" " + row(r) + (r.player().equals("ann") ? "  ◂ you" : ""));
            }
            DefaultVirtualTerminal projector = VirtualScreens.draw(80, 24, watch::draw);
            assertThat(VirtualScreens.row(projector, 0)).contains("final table │ spectating");
            for (int i = 0; i < 4; i++) {
                assertThat(VirtualScreens.row(projector, 4 + i).stripTrailing()).isEqualTo(" " + row(table.rows()
                        .get(i)));
            }
            // the final table stays until the player quits
            assertThat(ann.scene.key(new KeyStroke('x', false, false))).isSameAs(ann.scene);
            assertThat(ann.scene.key(new KeyStroke(KeyType.Enter))).isSameAs(ann.scene);
            assertThat(annT.playing()).isFalse();
            assertThat(VirtualScreens.row(end, 23)).startsWith(" " + Chrome.english().say("tournament.keys.waiting") + " ");
            for (int i = 0; i < 10; i++) {
                ann.scene.idle(10); // the bots leave: the table stays
            }
            assertThat(VirtualScreens.row(VirtualScreens.draw(80, 24, ann.scene::draw), 2))
                    .startsWith(" final standings after 3 rounds");
            assertThat(ann.scene.key(new KeyStroke('q', false, false))).isNull();
        } finally {
            ann.scene.close();
            watch.close();
            relay.close();
            annRelay.close();
            bots.forEach(Thread::interrupt);
            server.close();
        }
    }
}
