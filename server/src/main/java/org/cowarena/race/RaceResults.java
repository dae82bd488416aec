package org.cowarena.race;

import java.util.ArrayList;
import java.util.List;
import org.cowarena.report.JsonReport;

/** Every player × level of a race, as the {@code results} command writes it (CSV or JSON). */
public final class RaceResults {
    /** The CSV's header; {@code time_to_solve_ms} is race time (running milliseconds) at the first solve. */
    public static final String CSV_HEADER =
            "player,level,solved,moves,copies,peak_frames,stars,attempts,time_to_solve_ms,solution";

    /** One player on one level; metrics are -1 (and the solution empty) when unsolved. */
    public record Row(String player, String level, boolean solved, int moves, int copies, int peakFrames, int stars,
                      int attempts, long timeToSolveMillis, List<String> solution, List<List<String>> solutions) {
        public Row {
            solution = List.copyOf(solution);
            solutions = List.copyOf(solutions);
        }
    }

    private RaceResults() {
    }

    /** Players in join order, levels in race order. The solution is the attempt ranked best (most stars, then fewest moves). */
    public static List<Row> rows(RaceLedger ledger) {
        List<Row> rows = new ArrayList<>();
        for (Runner r : ledger.runners()) {
            for (int l = 0; l < ledger.levels().size(); l++) {
                LevelBest b = r.best(l);
                List<List<String>> perMetric = new ArrayList<>();
                for (int m = 0; m < RaceLedger.METRICS.size(); m++) {
                    perMetric.add(b.solution(m));
                }
                rows.add(new Row(r.name(), ledger.levels().get(l).id(), b.solved(), b.best(0), b.best(1), b.best(2),
                        b.solved() ? b.best(3) : 0, b.attempts(), b.firstSolvedMillis(), b.bestSolution(), perMetric));
            }
        }
        return rows;
    }

    /** RFC 4180 CSV; the solution's moves are joined with {@code "; "}. */
    public static String csv(List<Row> rows) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
        for (Row r : rows) {
            out.append(cell(r.player())).append(',').append(cell(r.level())).append(',').append(r.solved())
                    .append(',').append(r.moves()).append(',').append(r.copies()).append(',').append(r.peakFrames())
                    .append(',').append(r.stars()).append(',').append(r.attempts()).append(',')
                    .append(r.timeToSolveMillis()).append(',').append(cell(String.join("; ", r.solution())))
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
     * One JSON object: {@code {"results":[{"player":..., "solution":["fork 1", ...], "solutions":{"moves":[...],
     * ...}}, ...]}}, with the moves that reached each metric's best as well.
     */
    public static String json(List<Row> rows) {
        return JsonReport.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("results");
            for (Row r : rows) {
                g.writeStartObject();
                g.writeStringField("player", r.player());
                g.writeStringField("level", r.level());
                g.writeBooleanField("solved", r.solved());
                g.writeNumberField("moves", r.moves());
                g.writeNumberField("copies", r.copies());
                g.writeNumberField("peakFrames", r.peakFrames());
                g.writeNumberField("stars", r.stars());
                g.writeNumberField("attempts", r.attempts());
                g.writeNumberField("timeToSolveMillis", r.timeToSolveMillis());
                JsonReport.writeStrings(g, "solution", r.solution());
                // Each metric's best may come from a different attempt: the moves that first reached it.
                g.writeObjectFieldStart("solutions");
                for (int m = 0; m < RaceLedger.METRICS.size(); m++) {
                    JsonReport.writeStrings(g, RaceLedger.METRICS.get(m), r.solutions().get(m));
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }) + "\n";
    }
}
