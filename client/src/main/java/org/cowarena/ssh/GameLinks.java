package org.cowarena.ssh;

import java.io.IOException;
import org.cowarena.cli.SshFrontEnd;
import org.cowarena.client.InProcessLink;
import org.cowarena.client.Session;

/**
 * How an SSH session's client reaches the game this server hosts: the one place that decides
 * it. Each session attaches to the host in this process ({@code GameServer.attach}): no socket,
 * and the same messages, checks and seats as a client over the network.
 */
final class GameLinks {
    private GameLinks() {
    }

    static Session.Connector to(SshFrontEnd.Options options) {
        return timeout -> {
            try {
                return new InProcessLink(options.host().attach());
            } catch (IllegalStateException e) {
                throw new IOException("the game server has stopped", e);
            }
        };
    }

    /** The host as the seat tokens name it. */
    static String server(SshFrontEnd.Options options) {
        return "this-server:" + options.gamePort();
    }
}
