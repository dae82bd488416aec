package org.cowarena.cli;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.cowarena.server.GameServer;

/**
 * {@code serve --ssh}: students play over SSH, each session running the terminal board on the
 * server. The board is the client's, and the client depends on this module, so the front end
 * lives in the client jar ({@code cowarena.jar}) and {@code serve} finds it at run time
 * ({@link ServiceLoader}); the server jar alone has none.
 */
public interface SshFrontEnd {
    /**
     * What {@code serve} asked of the SSH front end.
     *
     * @param port        the SSH port
     * @param password    the class password, or null for none (the name is the identity)
     * @param maxSessions SSH sessions at once
     * @param idleMillis  a session with no key for this long is closed
     * @param stateDir    where the host key and the players' seats are kept (the journal
     *                    directory), or null for the user's config directory
     * @param host        the game this server hosts (rooms, a race or a tournament), or null:
     *                    then each session offers the solo campaign
     * @param gamePort    the host's player port
     */
    record Options(int port, String password, int maxSessions, long idleMillis, Path stateDir, GameServer host,
                   int gamePort) {
    }

    /** Listens on {@code options.port()}; says on {@code log} the host key's fingerprint and the line students type. */
    Closeable start(Options options, Consumer<String> log) throws IOException;

    /** The front end on the class path, or null in a jar without one. */
    static SshFrontEnd find() {
        return ServiceLoader.load(SshFrontEnd.class).findFirst().orElse(null);
    }
}
