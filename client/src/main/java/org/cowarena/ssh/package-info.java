/**
 * Students play over SSH with nothing installed: {@code java -jar cowarena.jar serve --ssh PORT}
 * runs an SSH server beside the game server ({@link org.cowarena.ssh.SshPlay}, found by the
 * server's {@code serve} through {@link org.cowarena.cli.SshFrontEnd}). Each session runs the
 * same terminal board as the jar, server-side, on a Lanterna terminal bound to the channel
 * ({@link org.cowarena.ssh.ChannelTerminal}: the pty's size, window changes, UTF-8), for the
 * player the SSH user name names; it joins the hosted game as a client would
 * in this process ({@link org.cowarena.ssh.GameLinks}), or with no game plays the solo campaign. Limits live
 * here: sessions at once and one per name ({@link org.cowarena.ssh.Seats}), the idle timeout,
 * the output rate ({@link org.cowarena.ssh.OutputThrottle}) and floods of input
 * ({@link org.cowarena.ssh.InputGuard}).
 */
package org.cowarena.ssh;
