package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import org.cowarena.board.Columns;
import org.cowarena.board.ProjectorRenderer;
import org.cowarena.board.ProjectorRendererTest;
import org.cowarena.board.ProjectorView;
import org.cowarena.board.Theme;
import org.cowarena.board.VirtualScreens;
import org.cowarena.client.FakeHost;
import org.cowarena.game.Game;
import org.cowarena.protocol.Messages;
import org.cowarena.protocol.Names;
import org.cowarena.protocol.StateDigest;
import org.cowarena.server.LevelText;
import org.junit.jupiter.api.Test;

/**
 * Players' names as other screens show them — another player's board, the projector, the
 * lobby — read back from a virtual terminal: a name typed with a combining accent, six Chinese
 * characters (the widest name there is, 12 columns) and plain ASCII appear whole, never
 * garbled, and no row is pushed past the screen's width; what no screen can show (an emoji, 8
 * Chinese characters) is refused with the reason, in the player's language.
 */
class NamesOnScreenTest {
    /** As a player types it: o, then a combining acute accent; the server composes it (NFC) to ó. */
    private static final String TYPED_ACCENT = "o\u0301pen";
    private static final String ACCENT = "\u00f3pen";
    private static final String SIX_CHINESE = "李雷韩梅梅王";
    private static final String EIGHT_CHINESE = "李雷韩梅梅王小明";
    private static final int[][] SIZES = {{80, 24}, {160, 48}};

    /** Every row exactly as wide as the screen, each name whole on one row, nothing a terminal cannot show. */
    private static void wholeAndInPlace(String screen, int columns, String... names) {
        List<String> rows = screen.lines().toList();
        for (int r = 0; r < rows.size(); r++) {
            assertThat(Columns.width(rows.get(r))).as("row %d at %d columns:\n%s", r, columns, screen)
                    .isEqualTo(columns);
        }
        for (String name : names) {
            assertThat(rows).as("%s whole on one row:\n%s", name, screen).anyMatch(row -> row.contains(name));
        }
        assertThat(screen).doesNotContain("\u0301").doesNotContain("\uFFFD");
    }

    @Test
    void whatNoScreenCanShowIsRefusedAndWhatIsShownIsComposed() {
        assertThat(Names.name(TYPED_ACCENT)).isEqualTo(ACCENT);
        assertThat(Names.problem(ACCENT)).isNull();
        assertThat(Names.problem(SIX_CHINESE)).isNull();
        assertThat(Names.width(SIX_CHINESE)).isEqualTo(12);
        String tooWide = Names.problem(EIGHT_CHINESE);
        assertThat(tooWide).contains("takes 16");
        assertThat(Names.problem(Names.name("cow\uD83D\uDC2E"))).contains("not every screen can show it");
        // the reason in the player's language
        assertThat(org.cowarena.board.Chrome.of("zh").reason(null, null, tooWide))
                .isEqualTo("名字在屏幕上最多 12 列宽，而 " + EIGHT_CHINESE + " 占 16 列（中文、日文或韩文字符占两列）：请换一个短些的");
    }

    private static Messages.Snapshot snapshot(LevelText level, String other) throws Exception {
        Messages.Snapshot s = new Messages.Snapshot();
        s.room = "R1";
        s.game = 1;
        s.levelSource = level.source();
        s.levelText = level.text();
        s.seats = new String[] {"alice", "bob"};
        s.players = new String[] {"ann", other};
        s.connected = new boolean[] {true, true};
        s.bots = new boolean[] {false, false};
        s.moves = new String[0];
        s.started = true;
        s.turn = 1; // the other player's turn: ann's screen names them
        s.turnMillisLeft = 60_000;
        s.you = 0;
        s.digest = StateDigest.of(Game.start(level.level()));
        return s;
    }

    @Test
    void anotherPlayersNameIsWholeOnABoard() throws Exception {
        LevelText level = LevelText.resolve("arena/first-touch");
        for (String other : new String[] {SIX_CHINESE, Names.name(TYPED_ACCENT)}) {
            for (String language : new String[] {"en", "zh"}) {
                FakeHost host = FakeHost.player("ann");
                RoomTable table = new RoomTable(host.session(), language, false, 1000);
                Messages.Welcome w = new Messages.Welcome();
                w.room = "R1";
                w.name = "ann";
                w.seat = 0;
                w.owner = "alice";
                host.deliver(w);
                host.deliver(snapshot(level, other));
                // the other player passes: ann's log names them
                Game after = Game.start(level.level());
                after.attempt(java.util.Optional.of("bob"), org.cowarena.move.MoveParser.parseMove("pass"));
                Messages.MoveDelta d = new Messages.MoveDelta();
                d.game = 1;
                d.index = 1;
                d.seat = 1;
                d.move = "pass";
                d.digest = StateDigest.of(after);
                d.turn = 0;
                d.turnMillis = 60_000;
                host.deliver(d);
                PlayScene scene = new PlayScene(new Context(Theme.mono(), language, null, "ann", List.of(), 0), table,
                        null);
                for (int[] size : SIZES) {
                    String screen = VirtualScreens.text(VirtualScreens.draw(size[0], size[1], scene::draw));
                    wholeAndInPlace(screen, size[0], other);
                }
                scene.close();
            }
        }
    }

    @Test
    void everyNameIsWholeOnTheProjector() {
        Messages.Leaderboard board = ProjectorRendererTest.board();
        board.players = new String[] {SIX_CHINESE, Names.name(TYPED_ACCENT), "ann"};
        for (int[] size : SIZES) {
            String screen = VirtualScreens.text(VirtualScreens.draw(size[0], size[1], g -> ProjectorRenderer.draw(
                    new ProjectorView(board, "running", 60_000, 0, 0, null, null,
                            org.cowarena.board.BoardView.StatusLine.of("q quit")), Theme.mono(), g)));
            wholeAndInPlace(screen, size[0], SIX_CHINESE, ACCENT, "ann");
        }
    }

    /** n, the old name erased, the new one typed, Enter. */
    private static void rename(LobbyScene lobby, String from, String to) {
        lobby.key(new KeyStroke('n', false, false));
        for (int i = 0; i < from.length(); i++) {
            lobby.key(new KeyStroke(KeyType.Backspace));
        }
        for (char c : to.toCharArray()) {
            lobby.key(new KeyStroke(c, false, false));
        }
        lobby.key(new KeyStroke(KeyType.Enter));
    }

    @Test
    void theLobbyShowsTheNameAsTheServerWillTakeItAndRefusesOneNoScreenCanShow() {
        LobbyScene lobby = new LobbyScene(new Context(Theme.mono(), "en", null, TYPED_ACCENT, List.of(), 0), 0);
        for (int[] size : SIZES) {
            wholeAndInPlace(VirtualScreens.text(VirtualScreens.draw(size[0], size[1], lobby::draw)), size[0],
                    "Your name: " + ACCENT);
        }
        rename(lobby, ACCENT, EIGHT_CHINESE);
        String screen = VirtualScreens.text(VirtualScreens.draw(160, 48, lobby::draw));
        wholeAndInPlace(screen, 160, "Your name: " + ACCENT, "a name is at most 12 columns wide on screen");
        rename(lobby, ACCENT, SIX_CHINESE);
        for (int[] size : SIZES) {
            wholeAndInPlace(VirtualScreens.text(VirtualScreens.draw(size[0], size[1], lobby::draw)), size[0],
                    "Your name: " + SIX_CHINESE);
        }
    }
}
