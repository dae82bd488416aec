package org.cowarena.ssh;

import java.net.InetAddress;
import org.cowarena.cli.SshFrontEnd;
import org.cowarena.client.Session;

/**
 * How an SSH session's client reaches the game this server hosts: the one place that decides
 * it. Today each session connects to the host's own Kryonet port on the loopback address, as a
 * jar on this machine would; a host that serves an in-memory link in this process plugs in here.
 */
final class GameLinks {
    private GameLinks() {
    }

    static Session.Connector to(SshFrontEnd.Options options) {
        return Session.kryonet(loopback(), options.gamePort());
    }

    /** The host as the seat tokens name it. */
    static String server(SshFrontEnd.Options options) {
        return loopback() + ":" + options.gamePort();
    }

    private static String loopback() {
        return InetAddress.getLoopbackAddress().getHostAddress();
    }
}
