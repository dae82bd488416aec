package org.cowarena.server;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cowarena.level.LevelException;

/**
 * What a journal says about its game, read back for {@code serve --resume}: the level,
 * the seats with their tokens, the accepted moves, whether the game had started or ended.
 * A last line without its newline was never acknowledged (the crash came mid-write): it
 * is cut off the file before the journal is appended to again.
 */
record JournalReplay(Path file, String room, int game, LevelText level, List<SeatLine> seats,
                     List<String> moves, boolean started, boolean over) {
    private static final Pattern FILE = Pattern.compile("([A-Za-z0-9]+)-([0-9]{1,6})\\.moves");

    record SeatLine(int seat, String token, String name, String bot) {
    }

    /** The latest game of every room journaled in {@code dir}, by room code. */
    static List<JournalReplay> latestGames(Path dir) throws IOException, LevelException {
        Map<String, Integer> latest = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = FILE.matcher(f.getFileName().toString());
                if (m.matches()) {
                    latest.merge(m.group(1), Integer.parseInt(m.group(2)), Math::max);
                }
            }
        }
        List<JournalReplay> games = new ArrayList<>();
        for (Map.Entry<String, Integer> e : latest.entrySet()) {
            games.add(read(dir, e.getKey(), e.getValue()));
        }
        return games;
    }

    static JournalReplay read(Path dir, String room, int game) throws IOException, LevelException {
        Path file = Journal.movesFile(dir, room, game);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n') + 1;
        if (end < text.length()) {
            try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
                c.truncate(text.substring(0, end).getBytes(StandardCharsets.UTF_8).length);
                c.force(true);
            }
            text = text.substring(0, end);
        }
        String source = null;
        List<SeatLine> seats = new ArrayList<>();
        List<String> moves = new ArrayList<>();
        boolean started = false;
        boolean over = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("# level ")) {
                source = line.substring("# level ".length());
            } else if (line.startsWith("# seat ")) {
                String[] f = line.split(" ", 5);
                seats.add(new SeatLine(Integer.parseInt(f[2]), f[3], f.length > 4 ? f[4] : "", null));
            } else if (line.startsWith("# bot ")) {
                String[] f = line.split(" ");
                seats.add(new SeatLine(Integer.parseInt(f[2]), null, f[3] + "-bot", f[3]));
            } else if (line.equals("# start")) {
                started = true;
            } else if (line.equals("# over")) {
                over = true;
            } else if (!line.isBlank() && !line.startsWith("#")) {
                int hash = line.indexOf('#');
                moves.add((hash >= 0 ? line.substring(0, hash) : line).strip());
            }
        }
        if (source == null) {
            throw new IOException(file + ": not a journal (no \"# level\" line)");
        }
        LevelText level = LevelText.of(Files.readString(Journal.levelFile(dir, room, game), StandardCharsets.UTF_8),
                source);
        return new JournalReplay(file, room, game, level, seats, moves, started, over);
    }
}
