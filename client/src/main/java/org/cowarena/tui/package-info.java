/**
 * The terminal client: one Lanterna screen on the one terminal, the scenes drawn on it
 * (campaign menu, briefing, board, results, lobby, projector, tournament) and the key and
 * command-line handling. The board's scene ({@link org.cowarena.tui.PlayScene}) shows any
 * {@link org.cowarena.tui.Table} — a solo game, a room, a race attempt, a tournament's match, a
 * replay — through that interface alone; each table reads a {@link org.cowarena.client.ClientRoom}
 * and registers its handlers on the session's registry after the models'. A solo game's host is
 * the server in this process ({@link org.cowarena.tui.EmbeddedServer}, reached with no socket);
 * its undo and restart take the host's room back to the states it kept. The board is drawn by
 * {@link org.cowarena.board}, which knows neither this package nor the model.
 *
 * <p>The campaign is a puzzle game: the menu ({@link org.cowarena.tui.MenuScene}) lists the chapters
 * of {@code levels/chapters.yaml} with each level's stars and your best metrics; every play that
 * meets a goal is kept per level and metric ({@link org.cowarena.tui.Solutions}) and replays from
 * the menu; a level without a goal (the bundled sandbox) is free play; the end screen follows
 * the campaign's last goal met.
 *
 * <p>The result screen places your play on the histogram of every solution of the level
 * ({@link org.cowarena.tui.SolutionSpace}). They are counted by the solver on the player's own
 * machine rather than shipped with the levels: a level a teacher writes or edits has its
 * histograms with no extra step, and the count can never disagree with the rules the game plays.
 * The count starts on a low-priority daemon thread when the level opens (while the briefing is
 * read), so the board never waits for it; the result says "counting…" until it is done and
 * redraws then. A bundled level's count takes about a second, but a teacher's level may take
 * far longer, so a finished count is kept under the SHA-256 of the level's text in the
 * configuration directory ({@code histograms/}): opened again, the level has it at once, and a
 * changed level is counted afresh. The client's count is capped (states, one thread) and says
 * when it was cut off, as {@code solve} does.
 */
package org.cowarena.tui;
