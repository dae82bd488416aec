package org.cowarena.tournament;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cowarena.report.JsonReport;

/**
 * The tournament table: per entrant, matches played, points ({@link MatchResult#points}),
 * and as tie-breakers the jobs met and the frames charged over all matches. Ordered by
 * points, then more jobs met, then fewer frames charged; entrants equal on all three share
 * a place (listed by name).
 */
public final class Standings {
    /** One line of the table. */
    public record Row(int place, String player, int matches, int points, int jobsMet, int charged) {
    }

    public static final String CSV_HEADER = "place,player,matches,points,jobs_met,frames_charged";
    public static final String POINTS_RULE = "2 points for each seat of the match ranked below, 1 for each sharing"
            + " the rank; ties broken by more jobs met, then fewer frames charged";

    private static final Comparator<Row> ORDER = Comparator.comparingInt(Row::points).reversed()
            .thenComparing(Comparator.comparingInt(Row::jobsMet).reversed())
            .thenComparingInt(Row::charged);

    private final List<Row> rows;
    private final List<MatchResult> results;

    private Standings(List<Row> rows, List<MatchResult> results) {
        this.rows = rows;
        this.results = results;
    }

    /** The table of {@code entrants} (every one listed, even without a match) after {@code results}. */
    public static Standings of(List<String> entrants, List<MatchResult> results) {
        Map<String, int[]> totals = new LinkedHashMap<>();
        for (String e : entrants) {
            totals.put(e, new int[4]);
        }
        for (MatchResult r : results) {
            List<String> players = r.match().players();
            for (int seat = 0; seat < players.size(); seat++) {
                int[] t = totals.get(players.get(seat));
                if (t == null) {
                    throw new IllegalArgumentException(players.get(seat) + " played but is not an entrant");
                }
                t[0]++;
                t[1] += r.points(seat);
                t[2] += r.jobsMet().get(seat);
                t[3] += r.charged().get(seat);
            }
        }
        List<Row> rows = new ArrayList<>();
        totals.forEach((name, t) -> rows.add(new Row(0, name, t[0], t[1], t[2], t[3])));
        rows.sort(ORDER.thenComparing(Row::player));
        List<Row> placed = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            int place = i > 0 && ORDER.compare(rows.get(i - 1), r) == 0 ? placed.get(i - 1).place() : i + 1;
            placed.add(new Row(place, r.player(), r.matches(), r.points(), r.jobsMet(), r.charged()));
        }
        return new Standings(List.copyOf(placed), List.copyOf(results));
    }

    public List<Row> rows() {
        return rows;
    }

    public List<MatchResult> results() {
        return results;
    }

    /** RFC 4180 CSV with {@link #CSV_HEADER}. */
    public String csv() {
        StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
        for (Row r : rows) {
            out.append(r.place()).append(',').append(cell(r.player())).append(',').append(r.matches()).append(',')
                    .append(r.points()).append(',').append(r.jobsMet()).append(',').append(r.charged())
                    .append("\r\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /**
     * {@code {"rule":..., "standings":[{"place":1,"player":...}], "matches":[{"round":1,"match":1,
     * "level":"arena/first-touch","players":[...],"bots":0,"ranks":[...],"points":[...],...}]}}.
     */
    public String json(List<String> levelIds) {
        return JsonReport.write(g -> {
            g.writeStartObject();
            g.writeStringField("rule", POINTS_RULE);
            g.writeArrayFieldStart("standings");
            for (Row r : rows) {
                g.writeStartObject();
                g.writeNumberField("place", r.place());
                g.writeStringField("player", r.player());
                g.writeNumberField("matches", r.matches());
                g.writeNumberField("points", r.points());
                g.writeNumberField("jobsMet", r.jobsMet());
                g.writeNumberField("framesCharged", r.charged());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("matches");
            for (MatchResult m : results) {
                g.writeStartObject();
                g.writeNumberField("round", m.match().round());
                g.writeNumberField("match", m.match().number());
                g.writeStringField("level", levelIds.get(m.match().level()));
                JsonReport.writeStrings(g, "players", m.match().players());
                g.writeNumberField("bots", m.match().bots());
                JsonReport.writeInts(g, "ranks", m.ranks());
                JsonReport.writeInts(g, "jobsMet", m.jobsMet());
                JsonReport.writeInts(g, "framesCharged", m.charged());
                List<Integer> points = new ArrayList<>();
                for (int seat = 0; seat < m.match().players().size(); seat++) {
                    points.add(m.points(seat));
                }
                JsonReport.writeInts(g, "points", points);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }) + "\n";
    }

    /** The table as the server prints it: one line per entrant under a header. */
    public String text() {
        int width = "player".length();
        for (Row r : rows) {
            width = Math.max(width, r.player().length());
        }
        StringBuilder out = new StringBuilder(String.format(java.util.Locale.ROOT, "%5s  %-" + width
                + "s  %7s  %6s  %8s  %14s%n", "place", "player", "matches", "points", "jobs met", "frames charged"));
        for (Row r : rows) {
            out.append(String.format(java.util.Locale.ROOT, "%5d  %-" + width + "s  %7d  %6d  %8d  %14d%n",
                    r.place(), r.player(), r.matches(), r.points(), r.jobsMet(), r.charged()));
        }
        return out.toString();
    }
}
