package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.cowarena.board.BoardRenderer;
import org.cowarena.board.Columns;
import org.cowarena.board.Theme;
import org.cowarena.client.FakeHost;
import org.cowarena.game.Game;
import org.cowarena.protocol.Messages;
import org.cowarena.protocol.StateDigest;
import org.cowarena.server.LevelText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one table interface, honoured alike by every table: a room (fed by a fake host), a race
 * attempt (the same), a solo game (its embedded server) and a replay. The board's scene relies
 * on nothing more than what these assertions check.
 */
class TableContractTest {
    private static final String LEVEL = "campaign/01-fork";
    private final List<Table> opened = new ArrayList<>();

    /** A table of each kind, and what makes its game load. */
    record Kind(String name, Table table, Runnable load) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> tables() throws Exception {
        LevelText level = LevelText.resolve(LEVEL);
        Context ctx = new Context(Theme.mono(), "en", null, "ann", List.of(), 0);

        FakeHost roomHost = FakeHost.player("ann");
        RoomTable room = new RoomTable(roomHost.session(), "en", false, 1000);
        Runnable roomLoad = () -> {
            Messages.Welcome w = new Messages.Welcome();
            w.room = "R1";
            w.name = "ann";
            w.seat = 0;
            w.owner = "you";
            roomHost.deliver(w);
            roomHost.deliver(snapshot(level));
        };

        FakeHost raceHost = FakeHost.player("ann");
        RaceTable race = new RaceTable(raceHost.session(), "en", 1000);
        Runnable raceLoad = () -> {
            Messages.RaceState s = new Messages.RaceState();
            s.state = "running";
            s.levels = new String[] {LEVEL};
            s.levelTexts = new String[] {level.text()};
            s.millisLeft = -1;
            s.level = 0;
            s.attempt = 1;
            s.moves = new String[0];
            raceHost.deliver(s);
        };

        SoloTable solo = new SoloTable(level, ctx, null);
        ReplayTable replay = ReplayTable.open(Path.of(System.getProperty("cowarena.levelsDir", "../levels"))
                .resolve(LEVEL + ".moves"), LEVEL, "en");
        return Stream.of(new Kind("room", room, roomLoad), new Kind("race", race, raceLoad),
                new Kind("solo", solo, () -> { }), new Kind("replay", replay, () -> { })).map(Arguments::of);
    }

    private static Messages.Snapshot snapshot(LevelText level) {
        try {
            Messages.Snapshot s = new Messages.Snapshot();
            s.room = "R1";
            s.game = 1;
            s.levelSource = level.source();
            s.levelText = level.text();
            s.seats = new String[] {"you"};
            s.players = new String[] {"ann"};
            s.connected = new boolean[] {true};
            s.bots = new boolean[] {false};
            s.moves = new String[0];
            s.started = true;
            s.turn = 0;
            s.turnMillisLeft = 60_000;
            s.you = 0;
            s.digest = StateDigest.of(Game.start(level.level()));
            return s;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void closeThem() {
        opened.forEach(Table::close);
    }

    private static void until(Table t, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the table loaded its game in time").isLessThan(deadline);
            t.poll(20);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void aTableHonoursTheInterface(Kind kind) throws Exception {
        Table t = kind.table();
        opened.add(t);
        if (t.game() == null) {
            assertThat(t.log()).as("no log before the game").isNull();
            assertThat(t.whyNotMove()).as("no move before the game").isNotBlank();
        }
        kind.load().run();
        until(t, () -> t.game() != null);

        assertThat(t.room()).isNotNull();
        assertThat(t.room().game()).isSameAs(t.game());
        assertThat(t.log()).isNotNull();
        assertThat(t.log().narrator()).isNotNull();
        assertThat(t.mode()).isNotBlank();
        assertThat(t.keys()).isNotBlank();
        assertThat(Columns.width(t.keys())).as("the keys fit the smallest terminal")
                .isLessThanOrEqualTo(BoardRenderer.MIN_COLUMNS - 2);
        assertThat(t.noHints()).isNotBlank();
        assertThat(t.hints()).isNotNull();
        assertThat(t.ending()).as("nothing has ended yet").isEmpty();
        assertThat(t.lastTurn()).isEmpty();
        assertThat(t.command("no-such-command")).as("a command no table has").isEmpty();
        assertThat(t.endKey(new KeyStroke(KeyType.Escape))).as("Esc looks at the board behind a result")
                .isEqualTo(Table.After.BOARD);
        assertThat(t.key(new KeyStroke('?', false, false))).as("? is the scene's own key").isFalse();

        int round = t.round();
        t.poll(5);
        assertThat(t.round()).as("nothing read, nothing begun").isEqualTo(round);

        String undo = t.undo();
        assertThat(undo == null || !undo.isBlank()).as("undo is done or says why not: " + undo).isTrue();
        assertThatCode(() -> {
            t.close();
            t.close();
        }).doesNotThrowAnyException();
    }
}
