/**
 * The terminal client: one Lanterna screen on the one terminal, the scenes drawn on it
 * (campaign menu, briefing, board, results, lobby, replay) and the key and command-line
 * handling. The board itself is drawn by {@link org.cowarena.board}; games come from a
 * server (embedded in solo mode) through {@link org.cowarena.client.Session}.
 */
package org.cowarena.tui;
