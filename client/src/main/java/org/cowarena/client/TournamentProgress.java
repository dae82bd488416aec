package org.cowarena.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cowarena.protocol.Messages;

/**
 * A tournament as one client sees it, from the server's {@link Messages.TournamentRound} and
 * {@link Messages.TournamentStandings} messages: who has joined, the round being played and the
 * entrant's match in it, and the last table. The bot prints these lines and the terminal client
 * draws them, so both say the same thing.
 */
public final class TournamentProgress {
    /** Columns of the table, as {@link #tableRows} writes them. */
    public static final String TABLE_HEADER = String.format(Locale.ROOT, "%5s  %-16s %7s %6s %8s %14s", "place",
            "player", "matches", "points", "jobs met", "frames charged");

    private Messages.TournamentRound round;
    /** The matches of the round under way that this client was told of: its own, or (a spectator) all. */
    private final List<Messages.TournamentRound> matches = new ArrayList<>();
    private Messages.TournamentStandings standings;
    /** When the next round starts, during the break after a table (System.nanoTime); 0 otherwise. */
    private long nextRoundAt;
    /** Rounds the last table counts. */
    private int played;

    void register(Handlers handlers) {
        handlers.on(Messages.TournamentRound.class, this::handle);
        handlers.on(Messages.TournamentStandings.class, this::handle);
    }

    /** Takes in the round under way (or the draw still awaited). */
    public void handle(Messages.TournamentRound r) {
        if (round == null || round.round != r.round) {
            matches.clear();
        }
        if (r.room != null && r.round > played) {
            nextRoundAt = 0; // the break is over: the next round's matches are under way
        }
        round = r;
        if (r.room != null && matches.stream().noneMatch(m -> r.room.equals(m.room))) {
            matches.add(r); // once, though a reconnected entrant is told its match again
        }
    }

    /** Takes in a table: after a round, or the final one. */
    public void handle(Messages.TournamentStandings s) {
        standings = s;
        nextRoundAt = s.finished || s.nextRoundMillis <= 0 ? 0 : System.nanoTime() + s.nextRoundMillis * 1_000_000L;
        // An entrant's table comes at the end of its own match's round. A spectator hears the round
        // under way when it joins (the table so far then counts the rounds before), then each table.
        boolean entrant = round != null && round.room != null;
        played = entrant ? round.round : Math.max(played + 1, round == null ? 1 : round.round - 1);
    }

    /** True once a tournament message came: this client is a tournament's entrant or spectator. */
    public boolean started() {
        return round != null || standings != null;
    }

    /** The last round message, or null. */
    public Messages.TournamentRound round() {
        return round;
    }

    /** The last table, or null before the first round ended. */
    public Messages.TournamentStandings standings() {
        return standings;
    }

    /** True after the final table. */
    public boolean finished() {
        return standings != null && standings.finished;
    }

    /** Before the draw: still waiting for entrants. */
    public boolean waiting() {
        return round != null && round.round == 0 && standings == null;
    }

    /** Rounds in all; 0 before the draw. */
    public int rounds() {
        if (standings != null && standings.rounds > 0) {
            return standings.rounds;
        }
        return round == null ? 0 : round.rounds;
    }

    /** The round under way (the last one, once finished); 0 before the draw. */
    public int currentRound() {
        if (finished()) {
            return rounds();
        }
        int r = round == null ? 0 : round.round;
        // the next round starts as the table of the last one goes out
        return Math.max(r, Math.min(rounds(), played + (standings == null ? 0 : 1)));
    }

    /** {@code joined 3 of 4 players: waiting for the draw}. */
    public String waitingLine() {
        if (round == null) {
            return "waiting for the tournament";
        }
        return "joined " + round.joined + " of " + round.entrants + " players: waiting for the draw";
    }

    /** {@code round 2 of 3: room R2M1, first-touch, ann vs bob + 1 bot}; null without a match this round. */
    public String matchLine() {
        return round == null || round.room == null || round.players == null ? null : matchLine(round);
    }

    private static String matchLine(Messages.TournamentRound r) {
        return "round " + r.round + " of " + r.rounds + ": room " + r.room + ", " + r.level + ", "
                + String.join(" vs ", r.players) + (r.bots > 0 ? " + " + r.bots + " bot" + (r.bots > 1 ? "s" : "")
                : "");
    }

    /** The round's matches this client was told of, each as {@link #matchLine}. */
    public List<String> roundMatches() {
        return matches.stream().filter(m -> m.players != null).map(TournamentProgress::matchLine).toList();
    }

    /** The round's matches this client was told of, as the server said them. */
    public List<Messages.TournamentRound> roundMatchMessages() {
        return List.copyOf(matches);
    }

    /** Rounds the last table counts. */
    public int played() {
        return played;
    }

    /** Whole seconds to the next round during the break after a table; -1 when no break is under way. */
    public long breakSeconds() {
        if (nextRoundAt == 0 || finished()) {
            return -1;
        }
        return Math.max(0, (nextRoundAt - System.nanoTime() + 999_999_999L) / 1_000_000_000L);
    }

    /** {@code standings after round 2 of 3} or {@code final standings after 3 rounds}. */
    public String tableTitle() {
        if (finished()) {
            int n = rounds();
            return "final standings after " + n + (n == 1 ? " round" : " rounds");
        }
        return "standings after round " + played + " of " + rounds();
    }

    /** The table's rows under {@link #TABLE_HEADER}, best first; empty before the first table. */
    public List<String> tableRows() {
        List<String> rows = new ArrayList<>();
        if (standings == null) {
            return rows;
        }
        for (int i = 0; i < standings.players.length; i++) {
            rows.add(String.format(Locale.ROOT, "%5d  %-16s %7d %6d %8d %14d", standings.places[i],
                    standings.players[i], standings.matches[i], standings.points[i], standings.jobsMet[i],
                    standings.charged[i]));
        }
        return rows;
    }

    /** The row index of {@code player} in the table, or -1. */
    public int rowOf(String player) {
        if (standings == null || player == null) {
            return -1;
        }
        for (int i = 0; i < standings.players.length; i++) {
            if (player.equals(standings.players[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * During the break after a table: {@code round 2 starts in 8 s}; null when no break is
     * under way.
     */
    public String breakLine() {
        long seconds = breakSeconds();
        return seconds < 0 ? null : "round " + (played + 1) + " starts in " + seconds + " s";
    }

    /** The points rule in words, as the server states it; null before the first table. */
    public String rule() {
        return standings == null ? null : standings.rule;
    }
}
