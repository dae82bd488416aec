package org.cowarena.ssh;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.cowarena.cli.SshFrontEnd;
import org.cowarena.client.SeatTokens;
import org.cowarena.client.Session;
import org.cowarena.protocol.Messages;
import org.cowarena.tui.RemoteBoard;

/**
 * What every SSH session of one server shares: the options, who is seated ({@link Seats}),
 * the seat tokens (a dropped session comes back to its seat), and where each player's
 * campaign stars are kept.
 */
final class Classroom {
    private final SshFrontEnd.Options options;
    private final Path dir;
    private final Seats seats;
    private final SeatTokens tokens;
    private final String where;

    Classroom(SshFrontEnd.Options options, Path dir, String where) {
        this.options = options;
        this.dir = dir;
        this.seats = new Seats(options.maxSessions());
        this.tokens = new SeatTokens(dir);
        this.where = where;
    }

    Seats seats() {
        return seats;
    }

    SshFrontEnd.Options options() {
        return options;
    }

    /**
     * Runs the board for {@code name} on {@code terminal}: the hosted game, joined as a client
     * would with this name (taking back the seat it held, by its token), or the solo campaign.
     */
    int play(String name, Map<String, String> env, ChannelTerminal terminal) throws IOException, InterruptedException {
        Map<String, String> vars = new HashMap<>(env);
        if ("dumb".equals(vars.get("TERM"))) {
            vars.put("NO_COLOR", "1"); // a terminal that says it has no colours gets none
        }
        Session session = options.host() == null ? null
                : new Session(GameLinks.to(options), GameLinks.server(options),
                        new Messages.Hello(name, null, null, false), System::nanoTime).keepSeatsIn(tokens);
        try {
            return RemoteBoard.run(terminal, name, vars, progressDir(name), session, where);
        } finally {
            if (session != null) {
                session.close();
            }
        }
    }

    /** Each player's own directory for their campaign stars: the name, with nothing a path could read. */
    private Path progressDir(String name) {
        String file = URLEncoder.encode(name, StandardCharsets.UTF_8).replace(".", "%2E").replace("*", "%2A");
        return dir.resolve("players").resolve(file);
    }
}
