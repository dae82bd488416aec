package org.cowarena.board;

import java.util.List;

/**
 * What the tournament screen shows, as plain text in the player's language: the waiting room
 * before the draw, then the table after each round and the round's matches, the final table
 * at the end.
 *
 * @param header  the top line: tournament, the round, who you are
 * @param title   the first line under it: joined k of N, or the table's title
 * @param columns the table's column headings, or null before the first table
 * @param rows    the table's rows, best first, aligned under {@code columns}
 * @param mine    the row of this player, or -1 (a spectator, or not in the table)
 * @param youMark written after this player's row
 * @param below   lines under the table: the rule, the round's matches, notes
 * @param status  the bottom line: keys or a message
 */
public record TournamentView(String header, String title, String columns, List<String> rows, int mine,
                             String youMark, List<BoardView.LogLine> below, String status) {
    public TournamentView {
        rows = List.copyOf(rows);
        below = List.copyOf(below);
    }
}
