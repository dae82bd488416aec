/**
 * The SSH front end's load benchmark ({@link org.cowarena.ssh.bench.SshLoadBenchmark}), run by
 * hand outside {@code verify}: many SSH sessions at once against {@code serve --ssh}, with the
 * server's CPU and memory per session and the time from a move to its redraw.
 */
package org.cowarena.ssh.bench;
