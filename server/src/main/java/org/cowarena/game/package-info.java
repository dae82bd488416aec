/** A level in play: the kernel under the level's rules (allowed moves, limits, seats) and its scoring. */
package org.cowarena.game;
