package org.cowarena.client;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.function.UnaryOperator;
import org.cowarena.level.LevelException;
import org.cowarena.server.GameServer;
import org.cowarena.server.LevelText;
import org.cowarena.server.RoomStatus;
import org.cowarena.server.ServeConfig;

/** A server on a free loopback port, with small arena levels written here. */
final class TestServer implements AutoCloseable {
    static final String DUEL = """
            format: 1
            id: test-duel
            title: Two shells share one machine
            kind: arena
            memory:
              frames: 24
              oom: kill
              budgets: {red: 10, blue: 10}
            programs:
              sh:
                text: 1
                data: [cfg]
                heap: 3
            processes:
              - {pid: 1, program: sh, owner: red, heap: [a, ~, ~]}
              - {pid: 2, program: sh, owner: blue, heap: [b, ~, ~]}
            moves:
              allowed: [fork, exec, write, read, exit]
              limit: 30
            goal:
              - processes: {atLeast: 2}
            """;

    final GameServer server;
    final int port;

    private TestServer(GameServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static ServeConfig config(int rooms) throws LevelException {
        return ServeConfig.defaults(List.of(LevelText.of(DUEL, "test-duel.yaml"))).withRooms(rooms, List.of());
    }

    static TestServer start(ServeConfig config) throws IOException {
        int port = freePort();
        GameServer server = GameServer.create(config.withPorts(port, 0));
        server.start();
        return new TestServer(server, port);
    }

    static TestServer start(UnaryOperator<ServeConfig> tweak) throws IOException, LevelException {
        return start(tweak.apply(config(1)));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    RoomStatus room(int i) {
        return server.rooms().get(i);
    }

    @Override
    public void close() {
        server.close();
    }
}
