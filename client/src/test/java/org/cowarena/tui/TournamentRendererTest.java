package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.util.List;
import org.cowarena.board.Chrome;
import org.cowarena.board.Theme;
import org.cowarena.board.TournamentRenderer;
import org.cowarena.board.VirtualScreens;
import org.cowarena.client.TournamentProgress;
import org.cowarena.protocol.Messages;
import org.junit.jupiter.api.Test;

/** The tournament screen — the waiting room, a table after a round, the final table — read back cell by cell. */
public class TournamentRendererTest {
    private static final String YOU = Chrome.english().say("tournament.youMark");
    static final String RULE = "2 points for each seat of the match ranked below, 1 for each sharing the rank;"
            + " ties broken by more jobs met, then fewer frames charged";

    public static Messages.TournamentRound round(int round, int joined, String room, String... players) {
        Messages.TournamentRound r = new Messages.TournamentRound();
        r.round = round;
        r.rounds = round == 0 ? 0 : 3;
        r.joined = joined;
        r.entrants = 4;
        if (room != null) {
            r.room = room;
            r.level = "first-touch";
            r.players = players;
            r.bots = players.length < 2 ? 1 : 0;
        }
        return r;
    }

    /** After {@code played} rounds of 3: cid leads, ann and bob share second place, dan last. */
    public static Messages.TournamentStandings table(boolean finished) {
        Messages.TournamentStandings s = new Messages.TournamentStandings();
        s.finished = finished;
        s.rounds = 3;
        s.rule = RULE;
        s.places = new int[] {1, 2, 2, 4};
        s.players = new String[] {"cid", "ann", "bob", "dan"};
        s.matches = new int[] {3, 3, 3, 3};
        s.points = new int[] {6, 3, 3, 0};
        s.jobsMet = new int[] {6, 4, 4, 1};
        s.charged = new int[] {5, 7, 7, 12};
        return s;
    }

    private static DefaultVirtualTerminal draw(TournamentProgress t, String you, List<String> notes, int w, int h) {
        return VirtualScreens.draw(w, h, g -> TournamentRenderer.draw(TournamentViews.of(t, Chrome.english(), you, notes, "q quit"),
                Theme.mono(), g));
    }

    private static List<String> lines(DefaultVirtualTerminal vt) {
        return VirtualScreens.text(vt).lines().map(String::stripTrailing).toList();
    }

    @Test
    void beforeTheDrawItCountsThePlayersWhoJoined() {
        TournamentProgress t = new TournamentProgress();
        t.handle(round(0, 3, null));
        DefaultVirtualTerminal vt = draw(t, "ann", List.of(), 80, 24);
        assertThat(VirtualScreens.row(vt, 0))
                .startsWith(" COW Arena │ tournament │ waiting for the draw │ you: ann");
        assertThat(VirtualScreens.row(vt, 2)).startsWith(" joined 3 of 4 players: waiting for the draw");
        assertThat(VirtualScreens.text(vt)).contains("bots fill the seats no player has");
        assertThat(VirtualScreens.row(vt, 23)).startsWith(" q quit");
    }

    @Test
    void theFinalTableMarksThePlayersOwnRow() {
        TournamentProgress t = new TournamentProgress();
        t.handle(round(3, 4, "R3M2", "bob", "ann"));
        t.handle(table(true));
        DefaultVirtualTerminal vt = draw(t, "bob", List.of(), 80, 24);
        assertThat(VirtualScreens.row(vt, 0)).startsWith(" COW Arena │ tournament │ final table │ you: bob");
        assertThat(VirtualScreens.row(vt, 2)).startsWith(" final standings after 3 rounds");
        assertThat(VirtualScreens.row(vt, 3).stripTrailing())
                .isEqualTo(" place  player           matches points jobs met frames charged");
        // place, player, matches, points, jobs met, frames charged: each under its column's header
        String header = VirtualScreens.row(vt, 3);
        String[][] cells = {{"1", "cid", "3", "6", "6", "5"}, {"2", "ann", "3", "3", "4", "7"},
            {"2", "bob", "3", "3", "4", "7"}, {"4", "dan", "3", "0", "1", "12"}};
        String[] columns = {"place", "player", "matches", "points", "jobs met", "frames charged"};
        for (int r = 0; r < cells.length; r++) {
            String line = VirtualScreens.row(vt, 4 + r);
            for (int c = 0; c < columns.length; c++) {
                int at = header.indexOf(columns[c]);
                int end = at + columns[c].length();
                String cell = c == 1 ? line.substring(at, at + 16).strip() : line.substring(at, end).strip();
                assertThat(cell).as("row " + r + " " + columns[c]).isEqualTo(cells[r][c]);
            }
        }
        assertThat(VirtualScreens.row(vt, 6)).contains("bob").contains(YOU);
        assertThat(vt.getCharacter(2, 6).getModifiers()).contains(SGR.REVERSE);
        assertThat(VirtualScreens.row(vt, 5)).doesNotContain(YOU);
        assertThat(vt.getCharacter(2, 5).getModifiers()).doesNotContain(SGR.REVERSE);
        assertThat(VirtualScreens.text(vt)).contains("Points: 2 points for each seat of the match ranked below")
                .doesNotContain("R3M2");
    }

    @Test
    void betweenRoundsTheTableSaysWhichRoundsItCountsAndTheNextMatch() {
        TournamentProgress t = new TournamentProgress();
        t.handle(round(1, 4, "R1M1", "ann", "bob"));
        t.handle(table(false));
        t.handle(round(2, 4, "R2M2", "cid", "ann"));
        DefaultVirtualTerminal vt = draw(t, "ann", List.of("round 2 of 3: room R2M2 has begun: Enter to play it"),
                80, 24);
        assertThat(VirtualScreens.row(vt, 0)).startsWith(" COW Arena │ tournament │ round 2 of 3 │ you: ann");
        assertThat(VirtualScreens.row(vt, 2)).startsWith(" standings after round 1 of 3");
        assertThat(VirtualScreens.row(vt, 5)).startsWith("     2  ann").endsWith(YOU + " ".repeat(
                80 - 1 - (TournamentProgress.TABLE_HEADER.length() + YOU.length())));
        assertThat(lines(vt)).contains(" round 2 of 3: room R2M2, first-touch, cid vs ann",
                " round 2 of 3: room R2M2 has begun: Enter to play it");
    }

    @Test
    void aSpectatorSeesEveryMatchOfTheRoundAndNoRowMarked() {
        TournamentProgress t = new TournamentProgress();
        t.handle(round(2, 4, null)); // joined during round 2: the table so far counts round 1
        t.handle(table(false));
        assertThat(t.tableTitle()).isEqualTo("standings after round 1 of 3");
        t.handle(table(false));
        t.handle(round(3, 4, "R3M1", "cid", "dan"));
        t.handle(round(3, 4, "R3M2", "ann", "bob"));
        DefaultVirtualTerminal vt = draw(t, null, List.of(), 80, 24);
        assertThat(VirtualScreens.row(vt, 0)).startsWith(" COW Arena │ tournament │ round 3 of 3 │ spectating");
        assertThat(VirtualScreens.row(vt, 2)).startsWith(" standings after round 2 of 3");
        assertThat(lines(vt)).contains(" round 3 of 3: room R3M1, first-touch, cid vs dan",
                " round 3 of 3: room R3M2, first-touch, ann vs bob");
        assertThat(VirtualScreens.text(vt)).doesNotContain(YOU);
    }

    @Test
    void aLongTableKeepsThePlayersRowOnScreen() {
        assertThat(TournamentRenderer.shownRows(3, 5, 2)).containsExactly(0, 1, 2);
        assertThat(TournamentRenderer.shownRows(30, 5, 1)).containsExactly(0, 1, 2, 3, -1);
        assertThat(TournamentRenderer.shownRows(30, 5, 20)).containsExactly(0, 1, 2, -1, 20);
        Messages.TournamentStandings s = new Messages.TournamentStandings();
        int n = 30;
        s.finished = true;
        s.rounds = 29;
        s.rule = RULE;
        s.places = new int[n];
        s.players = new String[n];
        s.matches = new int[n];
        s.points = new int[n];
        s.jobsMet = new int[n];
        s.charged = new int[n];
        for (int i = 0; i < n; i++) {
            s.places[i] = i + 1;
            s.players[i] = "p" + i;
        }
        TournamentProgress t = new TournamentProgress();
        t.handle(s);
        String text = VirtualScreens.text(draw(t, "p27", List.of(), 80, 24));
        assertThat(text).contains("     1  p0 ", "  …", "    28  p27").doesNotContain("p26 ");
    }
}
