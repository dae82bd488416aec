package org.cowarena.game;

/**
 * One arena player's place at the end (or so far) of a game.
 *
 * @param player   the seat (a process owner named by the level)
 * @param jobs     the level's goals that belong to this player: those naming a process the
 *                 player owns, or the player's own charge
 * @param jobsMet  how many of them hold now
 * @param alive    the player's processes still alive (running or blocked)
 * @param charged  frames charged to the player's memory cgroup now
 * @param rank     1 for the leader; equal standings share a rank
 */
public record Standing(String player, int jobs, int jobsMet, int alive, int charged, int rank) {
}
