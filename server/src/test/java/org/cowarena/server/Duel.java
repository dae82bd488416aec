package org.cowarena.server;

import java.util.List;
import org.cowarena.level.LevelException;

/** A server config on a bundled two-player arena level, for server tests on loopback. */
final class Duel {
    private Duel() {
    }

    /** One room on {@code arena/first-touch}, on {@code port}, no discovery. */
    static ServeConfig config(int port) throws LevelException {
        return ServeConfig.defaults(List.of(LevelText.resolve("arena/first-touch"))).withPorts(port, 0);
    }
}
