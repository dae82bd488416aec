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
 */
package org.cowarena.tui;
