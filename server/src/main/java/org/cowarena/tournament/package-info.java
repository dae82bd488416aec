/**
 * Arena tournaments, without the network: the round-robin schedule (who meets whom in
 * which round) and the standings table built from the matches' results. The server
 * plays each match in an ordinary room; the ranks come from
 * {@link org.cowarena.game.Game#standings()}, so the rules exist once.
 */
package org.cowarena.tournament;
