package org.cowarena.race;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cowarena.level.Level;
import org.cowarena.level.LevelException;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.MoveParser;
import org.cowarena.move.MoveSyntaxException;
import org.cowarena.move.ScriptLine;

/**
 * A race journal read back: {@code race.moves} in a journal directory, with the text of
 * each level beside it ({@code race-level-N.yaml}). Every accepted move is a line in the
 * move notation with the player's name ({@code alice: fork 1  # t=1234}, the race time
 * in milliseconds); lines starting with {@code #} record the levels, the players and
 * their tokens, attempts, the race's state, the level the room is on and the hint the
 * teacher revealed on it ({@code # hint N TEXT} for the teacher's own words, {@code # hint N}
 * for the level's next hint; N of the level's hints shown so far). Replaying it
 * plays every move again through the game, so the ledger is the server's.
 */
public record RaceReplay(Path file, List<String> sources, List<String> texts, long limitMillis, String state,
                         long elapsedMillis, int focus, String hint, int hintsShown, Map<String, String> tokens,
                         Map<String, String> kicked, RaceLedger ledger) {
    public static final String FILE = "race.moves";
    public static final String HEADER = "# cowarena race 1";

    public static Path levelFile(Path dir, int level) {
        return dir.resolve("race-level-" + level + ".yaml");
    }

    public static boolean present(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    /** Reads and replays the race journaled in {@code dir}. A last line without its newline was never acknowledged. */
    public static RaceReplay read(Path dir) throws IOException, LevelException {
        Path file = dir.resolve(FILE);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        text = text.substring(0, text.lastIndexOf('\n') + 1);
        String[] lines = text.split("\n");
        if (lines.length == 0 || !lines[0].equals(HEADER)) {
            throw new IOException(file + ":1: not a race journal (no \"" + HEADER + "\" line)");
        }
        List<String> sources = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Level> levels = new ArrayList<>();
        long limit = -1;
        String state = "waiting";
        long elapsed = 0;
        int focus = 0;
        String hint = null;
        int hintsShown = 0;
        Map<String, String> tokens = new LinkedHashMap<>();
        Map<String, String> kicked = new LinkedHashMap<>(); // name -> the token it had
        RaceLedger ledger = null;
        for (int n = 1; n <= lines.length; n++) {
            String line = lines[n - 1];
            String[] f = line.split(" ");
            try {
                if (line.startsWith("# level ")) {
                    int i = Integer.parseInt(f[2]);
                    String source = line.substring(("# level " + f[2] + " ").length());
                    String yaml = Files.readString(levelFile(dir, i), StandardCharsets.UTF_8);
                    sources.add(source);
                    texts.add(yaml);
                    levels.add(LevelLoader.parse(yaml, source));
                } else if (line.startsWith("# limit ")) {
                    limit = Long.parseLong(f[2]);
                } else if (line.startsWith("# state ")) {
                    state = f[2];
                    elapsed = Math.max(elapsed, Long.parseLong(f[3]));
                } else if (line.startsWith("# focus ")) {
                    focus = Integer.parseInt(f[2]);
                    elapsed = Math.max(elapsed, Long.parseLong(f[3]));
                    hint = null;
                    hintsShown = 0;
                } else if (line.startsWith("# hint ")) {
                    hintsShown = Integer.parseInt(f[2]);
                    hint = hint(line, f, levels.get(focus), hintsShown);
                } else if (line.startsWith("# player ")) {
                    tokens.put(f[3], f[2]);
                    ledger = ledger(ledger, levels, file, n);
                    ledger.join(f[3]);
                } else if (line.startsWith("# kick ")) {
                    String token = tokens.remove(f[2]);
                    kicked.put(f[2], token == null ? "" : token);
                } else if (line.startsWith("# attempt ")) {
                    ledger = ledger(ledger, levels, file, n);
                    ledger.begin(f[2], Integer.parseInt(f[3]));
                    elapsed = Math.max(elapsed, Long.parseLong(f[4]));
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    ledger = ledger(ledger, levels, file, n);
                    Optional<ScriptLine> parsed = MoveParser.parseLine(line, n);
                    if (parsed.isEmpty() || parsed.get().player().isEmpty()) {
                        throw new IOException(file + ":" + n + ": a race move names its player (alice: fork 1)");
                    }
                    long t = time(line);
                    elapsed = Math.max(elapsed, t);
                    RaceStep step = ledger.play(parsed.get().player().get(), parsed.get().move(), t);
                    if (!step.accepted()) {
                        throw new IOException(file + ":" + n + ": the move is refused on replay: " + step.refusal());
                    }
                }
            } catch (MoveSyntaxException e) {
                throw new IOException(file + ":" + n + ":" + e.column() + ": " + e.reason(), e);
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IOException(file + ":" + n + ": cannot read \"" + line + "\"", e);
            }
        }
        ledger = ledger(ledger, levels, file, lines.length);
        return new RaceReplay(file, sources, texts, limit, state, elapsed, focus, hint, hintsShown, tokens, kicked,
                ledger);
    }

    private static RaceLedger ledger(RaceLedger ledger, List<Level> levels, Path file, int n) throws IOException {
        if (ledger != null) {
            return ledger;
        }
        if (levels.isEmpty()) {
            throw new IOException(file + ":" + n + ": no \"# level\" line before the race");
        }
        return new RaceLedger(levels);
    }

    /**
     * The hint a {@code # hint} line revealed: its text ({@code # hint N TEXT}, the teacher's
     * own), or the level's next one ({@code # hint N}, after N-1 shown).
     */
    private static String hint(String line, String[] f, Level level, int shown) {
        if (f.length > 3) {
            return line.substring(("# hint " + f[2] + " ").length());
        }
        List<String> hints = level.hints();
        return hints.isEmpty() || shown < 1 ? null : hints.get((shown - 1) % hints.size());
    }

    /** The race time a move line carries in its comment ({@code # t=1234}), 0 without one. */
    static long time(String line) {
        int at = line.lastIndexOf("# t=");
        return at < 0 ? 0 : Long.parseLong(line.substring(at + 4).strip());
    }
}
