/**
 * The COW Arena client's model and command line, with no terminal in it: a {@link org.cowarena.client.Session}
 * over a {@link org.cowarena.client.Link} (Kryonet; a server in this process, {@link org.cowarena.client.InProcessLink},
 * as solo play uses with no network; or queues a test plays) takes in what the host sends through
 * one typed {@link org.cowarena.client.Handlers} registry into the models the screens read — the game shown
 * ({@link org.cowarena.client.ClientRoom}: replica, seats, clock, moves, result), a race
 * ({@link org.cowarena.client.RaceProgress}) and a tournament ({@link org.cowarena.client.TournamentProgress}).
 * The headless bot plays from the same models; the terminal board ({@code org.cowarena.tui}) depends on this
 * package and is found at run time ({@link org.cowarena.client.Board}), never the other way round.
 */
package org.cowarena.client;
