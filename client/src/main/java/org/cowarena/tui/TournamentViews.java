package org.cowarena.tui;

import java.util.ArrayList;
import java.util.List;
import org.cowarena.board.BoardView;
import org.cowarena.board.Chrome;
import org.cowarena.board.Columns;
import org.cowarena.board.Tone;
import org.cowarena.board.TournamentView;
import org.cowarena.client.TournamentProgress;
import org.cowarena.protocol.Messages;

/** The tournament screen's text, in the player's language, from what the server has told of the tournament. */
final class TournamentViews {
    private TournamentViews() {
    }

    /**
     * @param you    this player's name, whose row is marked; null for a spectator
     * @param notes  lines under the table: the player's last match, the next match beginning
     * @param status the bottom line: keys or a message
     */
    static TournamentView of(TournamentProgress t, Chrome chrome, String you, List<String> notes, String status) {
        String stage = t.finished() ? chrome.say("tournament.stage.final")
                : t.waiting() || !t.started() ? chrome.say("tournament.stage.waiting")
                : chrome.say("tournament.stage.round", t.currentRound(), t.rounds());
        String header = chrome.say("tournament.header", stage,
                you == null ? chrome.say("tournament.spectating") : chrome.say("tournament.you", you));
        List<BoardView.LogLine> below = new ArrayList<>();
        String title;
        if (t.waiting() || !t.started()) {
            Messages.TournamentRound r = t.round();
            title = r == null ? chrome.say("tournament.waitingStart") : chrome.say("tournament.joined", r.joined,
                    r.entrants);
            below.add(new BoardView.LogLine("", Tone.NORMAL));
            below.add(new BoardView.LogLine(chrome.say("tournament.draw"), Tone.INFO));
        } else {
            title = t.standings() == null ? chrome.say("tournament.underWay", t.currentRound(), t.rounds())
                    : t.finished() ? chrome.say("tournament.finalTable", t.rounds())
                    : chrome.say("tournament.table", t.played(), t.rounds());
            if (t.rule() != null) {
                below.add(new BoardView.LogLine("", Tone.NORMAL));
                below.add(new BoardView.LogLine(chrome.say("tournament.points", chrome.reason(null, null, t.rule())), Tone.DIM));
            }
            List<Messages.TournamentRound> matches = t.finished() ? List.of() : t.roundMatchMessages();
            if (!matches.isEmpty()) {
                below.add(new BoardView.LogLine("", Tone.NORMAL));
                matches.forEach(m -> below.add(new BoardView.LogLine(match(m, chrome), Tone.NORMAL)));
            }
        }
        if (!notes.isEmpty()) {
            below.add(new BoardView.LogLine("", Tone.NORMAL));
            notes.forEach(n -> below.add(new BoardView.LogLine(n, Tone.NOTE)));
        }
        Messages.TournamentStandings s = t.standings();
        String columns = null;
        List<String> rows = new ArrayList<>();
        if (s != null) {
            String[] heads = chrome.say("tournament.columns").split("\\|");
            int[] widths = new int[heads.length];
            for (int i = 0; i < heads.length; i++) {
                widths[i] = Math.max(Columns.width(heads[i]), i == 1 ? 16 : 5);
            }
            columns = row(heads, widths);
            for (int i = 0; i < s.players.length; i++) {
                rows.add(row(new String[] {String.valueOf(s.places[i]), s.players[i], String.valueOf(s.matches[i]),
                    String.valueOf(s.points[i]), String.valueOf(s.jobsMet[i]), String.valueOf(s.charged[i])}, widths));
            }
        }
        return new TournamentView(header, title, columns, rows, t.rowOf(you), chrome.say("tournament.youMark"), below,
                status);
    }

    /** Cells in their columns: the player's name to the left, numbers to the right. */
    private static String row(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length && i < widths.length; i++) {
            line.append(i == 0 ? "" : i == 1 ? "  " : " ").append(i == 1 ? Columns.fit(cells[i], widths[i])
                    : Columns.right(cells[i], widths[i]));
        }
        return line.toString();
    }

    /** {@code round 2 of 3: room R2M1, first-touch, ann vs bob + 1 bot}, in the chrome's words. */
    static String match(Messages.TournamentRound r, Chrome chrome) {
        String players = r.players == null ? "" : String.join(chrome.say("tournament.vs"), r.players);
        return chrome.say("tournament.match", r.round, r.rounds, r.room, r.level, players)
                + (r.bots > 0 ? chrome.say("tournament.bots", r.bots) : "");
    }
}
