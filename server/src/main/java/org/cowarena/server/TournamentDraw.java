package org.cowarena.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.cowarena.bot.Strategies;
import org.cowarena.level.LevelException;
import org.cowarena.report.AtomicFile;
import org.cowarena.tournament.Match;
import org.cowarena.tournament.Schedule;

/**
 * What a tournament is drawn from, kept in {@code tournament.draw} beside the rooms'
 * journals so that {@code serve --resume} draws the same schedule again: the levels (their
 * texts in {@code tournament-N.level.yaml}), the entrants it waits for, the seed, the bots'
 * strategy and the move limit, and the entrants in join order once the draw is made.
 * One setting a line:
 *
 * <pre>
 * # cowarena tournament 1
 * seed 11
 * players 4
 * bot greedy
 * max-moves 2000
 * level 1 levels/arena/first-touch.yaml
 * entrant ann
 * entrant bob
 * </pre>
 *
 * Written when the server starts (no entrant yet) and again at the draw, each time the
 * level texts first, then this file to a temporary file forced to the disk and moved over it.
 */
record TournamentDraw(List<LevelText> levels, int players, long seed, String bot, int maxMoves,
                      List<String> entrants) {
    static final String FILE = "tournament.draw";
    static final String HEADER = "# cowarena tournament 1";

    TournamentDraw {
        levels = List.copyOf(levels);
        entrants = List.copyOf(entrants);
    }

    static TournamentDraw of(ServeConfig config, List<String> entrants) {
        return new TournamentDraw(config.levels(), config.players(), config.seed(), config.fillBot(),
                config.maxMoves(), entrants);
    }

    static Path levelFile(Path dir, int level) {
        return dir.resolve("tournament-" + (level + 1) + ".level.yaml");
    }

    static boolean present(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    /** Whether the entrants were drawn (before, the server was still waiting for them). */
    boolean drawn() {
        return entrants.size() == players;
    }

    Schedule schedule() {
        List<Integer> seats = new ArrayList<>();
        for (LevelText level : levels) {
            seats.add(level.level().seats().size());
        }
        return Schedule.roundRobin(entrants, seats, seed);
    }

    /** The server's configuration with this tournament's levels, players, seed, bots and move limit. */
    ServeConfig applyTo(ServeConfig config) {
        ServeConfig c = config.withLevels(levels).withPlayers(players)
                .withLimits(config.maxClients(), maxMoves);
        return new ServeConfig(c.name(), c.port(), c.discoveryPort(), c.levels(), c.rooms(), c.codes(),
                c.players(), c.turnMillis(), c.graceMillis(), c.maxClients(), c.maxMoves(), c.journal(), bot, seed,
                c.ticker());
    }

    /** {@code tournament.schedule}, the draw for people: one line per match, {@code 1 R1M1 first-touch ann bob +1 bot}. */
    String scheduleText(Schedule schedule) {
        StringBuilder out = new StringBuilder("# round room level players (seed " + seed + ")\n");
        for (Match m : schedule.matches()) {
            out.append(m.round()).append(' ').append(Tournament.code(m)).append(' ')
                    .append(levels.get(m.level()).level().id()).append(' ').append(String.join(" ", m.players()))
                    .append(m.bots() > 0 ? " +" + m.bots() + " bot" : "").append('\n');
        }
        return out.toString();
    }

    String text() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        out.append("seed ").append(seed).append('\n');
        out.append("players ").append(players).append('\n');
        out.append("bot ").append(bot).append('\n');
        out.append("max-moves ").append(maxMoves).append('\n');
        for (int i = 0; i < levels.size(); i++) {
            out.append("level ").append(i + 1).append(' ').append(levels.get(i).source()).append('\n');
        }
        for (String e : entrants) {
            out.append("entrant ").append(e).append('\n');
        }
        return out.toString();
    }

    void write(Path dir) throws IOException {
        for (int i = 0; i < levels.size(); i++) {
            AtomicFile.write(levelFile(dir, i), levels.get(i).text());
        }
        AtomicFile.write(dir.resolve(FILE), text());
    }

    /** Reads {@code dir/tournament.draw} and its level texts; a problem names the file and line. */
    static TournamentDraw read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException(file + ":1: not a tournament draw (no \"" + HEADER + "\" line)");
        }
        Long seed = null;
        Integer players = null;
        Integer maxMoves = null;
        String bot = null;
        List<LevelText> levels = new ArrayList<>();
        List<String> entrants = new ArrayList<>();
        for (int n = 2; n <= lines.size(); n++) {
            String line = lines.get(n - 1);
            String where = file + ":" + n + ": ";
            int space = line.indexOf(' ');
            String key = space < 0 ? line : line.substring(0, space);
            String value = space < 0 ? "" : line.substring(space + 1);
            try {
                switch (key) {
                    case "seed" -> seed = Long.parseLong(value);
                    case "players" -> players = Integer.parseInt(value);
                    case "bot" -> bot = value;
                    case "max-moves" -> maxMoves = Integer.parseInt(value);
                    case "level" -> levels.add(level(dir, value, levels.size(), where));
                    case "entrant" -> entrants.add(value);
                    default -> {
                        if (!line.isBlank() && !line.startsWith("#")) {
                            throw new IOException(where + "unknown setting \"" + key + "\"");
                        }
                    }
                }
            } catch (NumberFormatException e) {
                throw new IOException(where + "\"" + value + "\" is not a number", e);
            }
        }
        if (seed == null || players == null || bot == null || maxMoves == null || levels.isEmpty()) {
            throw new IOException(file + ": incomplete: it needs seed, players, bot, max-moves and a level");
        }
        if (!Strategies.NAMES.contains(bot)) {
            throw new IOException(file + ": bot " + bot + ": one of " + String.join(", ", Strategies.NAMES));
        }
        if (entrants.size() > players || new TreeSet<>(entrants).size() != entrants.size()) {
            throw new IOException(file + ": " + players + " players, but the entrants are " + entrants);
        }
        return new TournamentDraw(levels, players, seed, bot, maxMoves, entrants);
    }

    private static LevelText level(Path dir, String value, int index, String where) throws IOException {
        String[] f = value.split(" ", 2);
        if (f.length < 2 || !f[0].equals(Integer.toString(index + 1))) {
            throw new IOException(where + "expected \"level " + (index + 1) + " SOURCE\"");
        }
        Path text = levelFile(dir, index);
        try {
            return LevelText.of(Files.readString(text, StandardCharsets.UTF_8), f[1]);
        } catch (NoSuchFileException e) {
            throw new IOException(where + "the level's text " + text + " is missing", e);
        } catch (LevelException e) {
            throw new IOException(text + ": " + e.problems().get(0), e);
        }
    }
}
