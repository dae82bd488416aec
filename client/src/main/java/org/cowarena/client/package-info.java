/**
 * The COW Arena client: the command line, the network session that keeps a replica of a
 * room's game, and the headless bot mode. The terminal board plugs in as another mode.
 */
package org.cowarena.client;
