package org.cowarena.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The seat tokens this client was given, kept in the user's config directory (one file,
 * owner-only) per server, room and name: a client that died comes back to its seat when
 * started again with the same name. A token is a secret (it takes the seat over), so the
 * file and its directory are the user's alone. One instance may serve many sessions at once
 * (the SSH front end's players): it reads and writes the file for one of them at a time.
 */
public final class SeatTokens {
    static final String FILE = "seat-tokens";
    /** Where a test or a second profile keeps its tokens instead of the user's config directory. */
    public static final String DIRECTORY_VARIABLE = "COWARENA_CONFIG_DIR";

    /** One kept seat: the server (host:port), the room, the name, its token. */
    public record Seat(String server, String room, String name, String token) {
    }

    private final Path dir;

    public SeatTokens(Path dir) {
        this.dir = dir;
    }

    /** The directory the tokens are kept in. */
    public Path dir() {
        return dir;
    }

    /**
     * The user's: {@code $COWARENA_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/cowarena}, else
     * {@code %APPDATA%\cowarena} on Windows, else {@code ~/.config/cowarena}.
     */
    public static SeatTokens ofUser(Map<String, String> env) {
        String own = env.getOrDefault(DIRECTORY_VARIABLE, System.getenv().getOrDefault(DIRECTORY_VARIABLE, ""));
        if (!own.isBlank()) {
            return new SeatTokens(Path.of(own));
        }
        String xdg = env.getOrDefault("XDG_CONFIG_HOME", "");
        if (!xdg.isBlank()) {
            return new SeatTokens(Path.of(xdg, "cowarena"));
        }
        String appData = env.getOrDefault("APPDATA", "");
        if (!appData.isBlank() && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return new SeatTokens(Path.of(appData, "cowarena"));
        }
        return new SeatTokens(Path.of(System.getProperty("user.home"), ".config", "cowarena"));
    }

    /**
     * The token kept for {@code name} on {@code server}: in {@code room} when one is named,
     * else the one kept last (a player restarted without a room code goes back where they sat).
     */
    public synchronized Optional<String> find(String server, String room, String name) {
        Optional<String> found = Optional.empty();
        for (Seat s : read()) {
            if (s.server.equals(server) && s.name.equals(name) && (room == null || room.isBlank()
                    || s.room.equalsIgnoreCase(room.strip()))) {
                found = Optional.of(s.token); // the last line for it is the newest
            }
        }
        return found;
    }

    /** Keeps {@code seat}, replacing what was kept for the same server, room and name. */
    public synchronized void keep(Seat seat) throws IOException {
        List<Seat> seats = new ArrayList<>();
        for (Seat s : read()) {
            if (!sameSeat(s, seat)) {
                seats.add(s);
            }
        }
        seats.add(seat);
        write(seats);
    }

    /** Forgets every token kept for {@code name} on {@code server} with that token (the server no longer knows it). */
    public synchronized void forget(String server, String name, String token) throws IOException {
        List<Seat> seats = new ArrayList<>(read());
        if (seats.removeIf(s -> s.server.equals(server) && s.name.equals(name) && s.token.equals(token))) {
            write(seats);
        }
    }

    private static boolean sameSeat(Seat a, Seat b) {
        return a.server.equals(b.server) && a.room.equalsIgnoreCase(b.room) && a.name.equals(b.name);
    }

    /** The kept seats, oldest first; a file that cannot be read holds none. */
    List<Seat> read() {
        List<Seat> seats = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(dir.resolve(FILE), StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f.length == 4 && !f[3].isEmpty()) {
                    seats.add(new Seat(f[0], f[1], f[2], f[3]));
                }
            }
        } catch (IOException e) {
            // nothing kept yet
        }
        return seats;
    }

    private void write(List<Seat> seats) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Seat s : seats.subList(Math.max(0, seats.size() - 100), seats.size())) {
            text.append(s.server).append('\t').append(s.room).append('\t').append(s.name).append('\t')
                    .append(s.token).append('\n');
        }
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createDirectories(dir,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
        Path temp = Files.createTempFile(dir, "." + FILE, ".tmp"); // owner-only on POSIX
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
