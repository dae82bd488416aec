package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The server jar in a child process on a free loopback-chosen port, for the terminal end-to-end tests. */
public record ServerProcess(Process process, int port) {
    static final String SERVER = System.getProperty("cowarena.serverJar", "../server/target/cowarena-server.jar");

    /**
     * Starts {@code serve --port P --discovery-port 0 ARGS...}, its output in {@code log}, and
     * waits (up to 30 s) until the output shows {@code ready}.
     */
    public static ServerProcess serve(Path log, String ready, String... args) throws Exception {
        return serve(SERVER, log, ready, args);
    }

    /** The same with another jar's {@code serve}: the client jar's has {@code --ssh}. */
    public static ServerProcess serve(String jar, Path log, String ready, String... args) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", Path.of(jar).toAbsolutePath().toString(), "serve", "--port",
                String.valueOf(port), "--discovery-port", "0"));
        command.addAll(List.of(args));
        Process server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(log, StandardCharsets.UTF_8).contains(ready)) {
            assertThat(server.isAlive()).as(Files.readString(log, StandardCharsets.UTF_8)).isTrue();
            assertThat(System.nanoTime()).as("the server started within 30 s").isLessThan(deadline);
            server.waitFor(20, TimeUnit.MILLISECONDS);
        }
        return new ServerProcess(server, port);
    }
}
