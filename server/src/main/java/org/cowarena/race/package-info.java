/**
 * Race rooms, without the network: every player plays the same levels on a game of
 * their own, and the ledger keeps each player's best result per metric with the moves
 * that achieved it. The server, {@code serve --resume} and {@code results} all build
 * the ledger by playing moves through {@link org.cowarena.game.Game}, so the rules and
 * the scoring exist once.
 */
package org.cowarena.race;
