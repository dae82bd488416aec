package org.cowarena.board;

import org.cowarena.protocol.Messages;

/**
 * What the race projector shows: the last leaderboard and race state the server sent, the
 * time left as of drawing, and which level is shown first.
 *
 * @param board     the last leaderboard, or null before the first
 * @param state     waiting, running, paused or stopped (null before the first race state)
 * @param millisLeft time left in the race, -1 without a limit
 * @param focus     the room's level (index into the leaderboard's levels), -1 when unknown
 * @param shown     the level shown first (index), the focus unless the viewer chose another
 * @param hint      the last hint the teacher revealed, or null
 * @param keys      the teacher's keys, on the line above the status; null for anyone else
 * @param status    the bottom line: keys, a message, a question or the command line
 * @param titles    the levels' titles in the viewer's language, in the leaderboard's order; a
 *                  level without one here is named by the leaderboard's (English) title
 */
public record ProjectorView(Messages.Leaderboard board, String state, long millisLeft, int focus, int shown,
                            String hint, String keys, BoardView.StatusLine status, java.util.List<String> titles) {
    public ProjectorView {
        titles = titles == null ? java.util.List.of() : java.util.List.copyOf(titles);
    }

    /** A view whose levels are named by the leaderboard's own titles. */
    public ProjectorView(Messages.Leaderboard board, String state, long millisLeft, int focus, int shown,
                         String hint, String keys, BoardView.StatusLine status) {
        this(board, state, millisLeft, focus, shown, hint, keys, status, java.util.List.of());
    }

    /** The title of level {@code l} as the viewer reads it. */
    public String title(int l) {
        return l < titles.size() ? titles.get(l) : board.levels[l].title;
    }
}
