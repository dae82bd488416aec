/**
 * Bots: strategies that pick a legal move for a seat ({@code random}, {@code greedy},
 * {@code lookahead}). The server fills seats with them; the client plays with them
 * headless. {@link org.cowarena.bot.BotGame} plays a whole arena game between them
 * in-process, through the same rules path rooms use, and {@link org.cowarena.bot.Bench}
 * counts seeded games of one strategy against another ({@code cowarena-server
 * arena-bench}): every arena level must let the strongest beat random.
 */
package org.cowarena.bot;
