package org.cowarena.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cowarena.level.LevelException;
import org.cowarena.tournament.Match;
import org.cowarena.tournament.Schedule;

/**
 * A drawn tournament read back from its journal directory for {@code serve --resume}: the
 * draw, the schedule drawn again from it, and the journal of each match room opened so far,
 * checked against one another. What does not fit (a directory mixing two tournaments, a
 * file edited by hand, a tournament stopped before its draw) is refused with one line that
 * names the file.
 *
 * @param journals the journal of every match room opened, by room code
 * @param round    the round in progress: the first with a match not over or not opened yet
 *                 (one past the last round when every match is over)
 */
record TournamentJournals(Path dir, TournamentDraw draw, Schedule schedule, Map<String, JournalReplay> journals,
                          int round) {

    static TournamentJournals read(Path dir) throws IOException {
        if (!TournamentDraw.present(dir)) {
            throw new IOException(dir + " holds " + Tournament.SCHEDULE_FILE + " but no " + TournamentDraw.FILE
                    + " (a server of an older version drew it): the tournament cannot be resumed");
        }
        TournamentDraw draw = TournamentDraw.read(dir);
        if (!draw.drawn()) {
            throw new IOException(dir + ": the tournament was stopped before its draw (waiting for " + draw.players()
                    + " players): no match was played; start it again with serve --tournament");
        }
        Schedule schedule;
        try {
            schedule = draw.schedule();
        } catch (IllegalArgumentException e) {
            throw new IOException(dir.resolve(TournamentDraw.FILE) + ": " + e.getMessage(), e);
        }
        checkScheduleFile(dir, draw.scheduleText(schedule));
        Map<String, Match> matches = new LinkedHashMap<>();
        for (Match m : schedule.matches()) {
            matches.put(Tournament.code(m), m);
        }
        Map<String, JournalReplay> journals = new LinkedHashMap<>();
        List<JournalReplay> games;
        try {
            games = JournalReplay.latestGames(dir);
        } catch (LevelException e) {
            throw new IOException(e.problems().get(0).toString(), e);
        }
        for (JournalReplay g : games) {
            Match m = matches.get(g.room());
            if (m == null || g.game() != 1) {
                throw new IOException(g.file() + ": " + (m == null ? "room " + g.room()
                        + " is not a match of the draw in " + TournamentDraw.FILE : "a tournament match is one game")
                        + ": the files disagree (is it one tournament's directory?)");
            }
            check(g, m, draw);
            journals.put(g.room(), g);
        }
        int round = schedule.rounds().size() + 1;
        for (List<Match> r : schedule.rounds()) {
            for (Match m : r) {
                JournalReplay g = journals.get(Tournament.code(m));
                if (m.round() > round && g != null) {
                    throw new IOException(g.file() + ": round " + m.round() + " began before round " + round
                            + " ended: the files disagree");
                }
                if (g == null || !g.over()) {
                    round = Math.min(round, m.round());
                }
            }
        }
        return new TournamentJournals(dir, draw, schedule, journals, round);
    }

    /** A hand-edited or foreign {@code tournament.schedule} means the directory is not what it seems. */
    private static void checkScheduleFile(Path dir, String expected) throws IOException {
        Path file = dir.resolve(Tournament.SCHEDULE_FILE);
        if (!Files.exists(file)) {
            return; // stopped between the draw and the copy for people: the resume writes it again
        }
        List<String> want = expected.lines().toList();
        List<String> have = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < Math.max(want.size(), have.size()); i++) {
            String a = i < have.size() ? have.get(i) : "(nothing)";
            String b = i < want.size() ? want.get(i) : "(nothing)";
            if (!a.equals(b)) {
                throw new IOException(file + ":" + (i + 1) + ": \"" + a + "\", but " + TournamentDraw.FILE
                        + " draws \"" + b + "\": the files disagree");
            }
        }
    }

    /** The journal plays the match's level with the match's entrants in its seats. */
    private static void check(JournalReplay g, Match m, TournamentDraw draw) throws IOException {
        LevelText level = draw.levels().get(m.level());
        if (!g.level().text().equals(level.text())) {
            throw new IOException(g.file() + ": plays " + g.level().level().id() + ", not the level of round "
                    + m.round() + " in " + TournamentDraw.FILE + " (" + level.level().id() + "): the files disagree");
        }
        for (JournalReplay.SeatLine s : g.seats()) {
            boolean entrant = s.bot() == null;
            boolean fits = entrant ? s.seat() < m.players().size() && m.players().get(s.seat()).equals(s.name())
                    : s.seat() >= m.players().size() && s.seat() < m.seats();
            if (!fits) {
                throw new IOException(g.file() + ": seat " + s.seat() + " is " + s.name() + ", but the draw seats "
                        + (s.seat() < m.players().size() ? m.players().get(s.seat()) : "a bot") + " there: "
                        + "the files disagree");
            }
        }
    }
}
