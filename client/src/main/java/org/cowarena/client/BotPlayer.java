package org.cowarena.client;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cowarena.bot.Strategy;
import org.cowarena.move.Move;
import org.cowarena.protocol.Messages;

/**
 * Plays a seat headless with a strategy until the game ends, a tournament's matches one
 * after another until its final table, or a race's levels one after another
 * ({@link RaceBot}). A dropped connection is retried with the seat's token
 * until {@code reconnectMillis} runs out.
 */
public final class BotPlayer {
    /** Exit statuses (README.md, "Multiplayer"): 0 the game (or the tournament) ended, 1 refused, 3 the connection was lost. */
    public static final int ENDED = 0;
    public static final int REFUSED = 1;
    public static final int LOST = 3;
    /** The room code a race server welcomes its players to. */
    static final String RACE = "RACE";

    private final Session session;
    private final Strategy strategy;
    private final PrintWriter out;
    private final long reconnectMillis;
    private int pendingSeq = -1;
    private int pendingIndex = -1;
    /** The room whose game over was reported: a tournament's entrant reports each match once. */
    private String reported;
    private final Map<String, Messages.GameOver> results = new LinkedHashMap<>();
    private long raceThinkMillis;
    /** The welcome of a race server, once it came. */
    private Messages.Welcome race;

    public BotPlayer(Session session, Strategy strategy, PrintWriter out, long reconnectMillis) {
        this.session = session;
        this.strategy = strategy;
        this.out = out;
        this.reconnectMillis = reconnectMillis;
    }

    /** In a race, waits {@code millis} after each answer before the next move (a class's pace; 0 by default). */
    public BotPlayer thinking(long millis) {
        this.raceThinkMillis = millis;
        return this;
    }

    /**
     * Plays to the end of the game and returns the exit status. A tournament's entrant plays
     * each match the server seats it in and stops after the final table.
     */
    public int run(int connectTimeoutMillis) throws InterruptedException {
        try {
            session.connect(connectTimeoutMillis);
        } catch (IOException e) {
            say("cannot connect: " + e.getMessage());
            return LOST;
        }
        TournamentProgress tournament = session.tournament();
        session.handlers().on(Messages.Welcome.class, this::welcome)
                .on(Messages.MoveDelta.class, this::moved)
                .on(Messages.MoveRefused.class, this::refused)
                .on(Messages.TournamentRound.class, r -> {
                    String line = tournament.waiting() ? "tournament: " + tournament.waitingLine()
                            : tournament.matchLine();
                    say(line != null ? line : "tournament: round " + tournament.currentRound() + " of "
                            + tournament.rounds());
                })
                .on(Messages.TournamentStandings.class, s -> table(tournament));
        while (true) {
            session.next(250);
            if (race != null) {
                Messages.Welcome w = race;
                say("joined the race as " + w.name + (w.token != null ? "; to reclaim your place: --token " + w.token
                        : " as a spectator"));
                return w.seat >= 0 ? new RaceBot(session, strategy, out, raceThinkMillis).run() : ENDED;
            }
            if (session.refusal() != null) {
                say("refused: " + session.refusal());
                return REFUSED;
            }
            Messages.GameOver over = session.gameOver();
            String room = session.welcome() == null ? null : session.welcome().room;
            if (over != null && (reported == null || !reported.equals(room))) {
                reported = room;
                results.put(room, over);
                report(over, tournament.started() ? room : null);
                if (!tournament.started()) {
                    return ENDED;
                }
            }
            if (tournament.finished()) {
                return ENDED;
            }
            if (session.closed() && !reconnect()) {
                say("lost the connection to the server");
                return LOST;
            }
            if (pendingSeq < 0 && session.room().myTurn() && !session.awaitingSnapshot()) {
                Move move = strategy.choose(session.room().game(), session.room().seat(session.room().you()));
                pendingIndex = session.room().index() + 1;
                pendingSeq = session.play(move.notation());
            }
        }
    }

    private void welcome(Messages.Welcome w) {
        if (RACE.equals(w.room)) {
            race = w; // a race: its own bot plays from here
            return;
        }
        pendingSeq = -1;
        pendingIndex = -1;
        say("joined room " + w.room + (w.seat >= 0 ? " as " + w.name + ", seat " + w.seat + " (" + w.owner
                + "); to reclaim the seat: --token " + w.token : " as a spectator"));
    }

    private void moved(Messages.MoveDelta d) {
        say(d.index + ". " + session.room().seat(d.seat) + ": " + d.move + (d.timedOut ? " (timed out)" : ""));
        if (d.index >= pendingIndex) {
            pendingSeq = -1;
        }
    }

    private void refused(Messages.MoveRefused r) {
        if (r.seq == pendingSeq) {
            say("refused: " + r.reason + "; passing");
            pendingSeq = session.play(new Move.Pass().notation());
        }
    }

    /** Each game's result by its room, in the order they ended: one, or a tournament's matches. */
    public Map<String, Messages.GameOver> results() {
        return Collections.unmodifiableMap(results);
    }

    /** The table after a round, or the final one; this player's row marked. */
    private void table(TournamentProgress t) {
        say(t.tableTitle() + " (" + t.rule() + "):");
        say(TournamentProgress.TABLE_HEADER);
        List<String> rows = t.tableRows();
        int mine = t.rowOf(session.welcome() == null ? null : session.welcome().name);
        for (int i = 0; i < rows.size(); i++) {
            say(rows.get(i) + (i == mine ? "  <- you" : ""));
        }
    }

    private boolean reconnect() throws InterruptedException {
        if (session.welcome() == null || session.welcome().token == null) {
            return false;
        }
        long deadline = System.nanoTime() + reconnectMillis * 1_000_000L;
        long backoff = 50;
        while (System.nanoTime() < deadline) {
            try {
                session.connect(2000);
                pendingSeq = -1;
                say("reconnected");
                return true;
            } catch (IOException e) {
                // the server is not back yet: wait a little longer each time
                Thread.sleep(backoff);
                backoff = Math.min(1000, backoff * 2);
            }
        }
        return false;
    }

    /** The result of the game; in a tournament, of the match in {@code room}. */
    private void report(Messages.GameOver g, String room) {
        StringBuilder line = new StringBuilder(room == null ? "game over:" : "match " + room + " over:");
        for (int i = 0; i < g.seats.length; i++) {
            line.append(i == 0 ? " " : ", ").append(g.players[i]).append(" (").append(g.seats[i]).append(") #")
                    .append(g.ranks[i]).append(" jobs ").append(g.jobsMet[i]).append("/").append(g.jobs[i])
                    .append(", ").append(g.alive[i]).append(" alive, ").append(g.charged[i]).append(" frames charged");
        }
        say(line.toString());
    }

    private void say(String line) {
        if (out != null) {
            out.println(line);
            out.flush();
        }
    }
}
