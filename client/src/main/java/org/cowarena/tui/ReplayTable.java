package org.cowarena.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cowarena.board.Chrome;
import org.cowarena.board.LogBook;
import org.cowarena.client.ClientRoom;
import org.cowarena.level.Level;
import org.cowarena.level.LevelException;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.MoveParser;
import org.cowarena.move.MoveSyntaxException;
import org.cowarena.move.ScriptLine;
import org.cowarena.report.Narrator;

/**
 * A recorded game, stepped forward and back (n / p, g / G). Each step replays the moves from
 * the start on a {@link ClientRoom} (the kernel is deterministic), so every position is exactly
 * what the players saw. A journal {@code ROOM-GAME.moves} finds its level beside it
 * ({@code ROOM-GAME.level.yaml}) or by its {@code # level} line; a plain moves file needs
 * {@code --level}.
 */
final class ReplayTable implements Table {
    private final Level level;
    private final List<ScriptLine> moves;
    private final String language;
    private final Chrome chrome;
    private final String source;
    private final ClientRoom room = new ClientRoom();
    private int position;
    private LogBook log;
    /** Opened from the campaign's menu (a saved solution): q goes back there. */
    private boolean menu;

    private ReplayTable(Level level, List<ScriptLine> moves, String language, String source) {
        this.level = level;
        this.moves = List.copyOf(moves);
        this.language = language;
        this.chrome = Chrome.of(language);
        this.source = source;
        seek(0);
    }

    static ReplayTable open(Path journal, String levelArg, String language) throws IOException, LevelException {
        String text = Files.readString(journal, StandardCharsets.UTF_8);
        Level level;
        if (levelArg != null) {
            level = LevelLoader.resolve(levelArg);
        } else {
            String name = journal.getFileName().toString();
            Path beside = journal.resolveSibling(name.replaceFirst("\\.moves$", "") + ".level.yaml");
            String declared = text.lines().filter(l -> l.startsWith("# level ")).map(l -> l.substring(8).strip())
                    .findFirst().orElse(null);
            if (Files.isRegularFile(beside)) {
                level = LevelLoader.load(beside);
            } else if (declared != null) {
                level = LevelLoader.resolve(declared.replaceFirst("^levels/", "").replaceFirst("\\.yaml$", ""));
            } else {
                throw new IOException(journal + ": no \"# level\" line and no level file beside it: add --level LEVEL");
            }
        }
        List<ScriptLine> moves = new ArrayList<>();
        try {
            moves.addAll(MoveParser.parseScript(text));
        } catch (MoveSyntaxException e) {
            throw new IOException(journal + ":" + e.line() + ":" + e.column() + ": " + e.reason());
        }
        return new ReplayTable(level, moves, language, journal.getFileName().toString());
    }

    /** The same replay, left back to the campaign's menu rather than out of the client. */
    ReplayTable toMenu() {
        menu = true;
        return this;
    }

    @Override
    public boolean backToMenu() {
        return menu;
    }

    /** Shows the game after {@code n} moves (clamped to the recording). */
    void seek(int n) {
        position = Math.max(0, Math.min(moves.size(), n));
        try {
            room.start(level, List.of());
        } catch (LevelException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        log = new LogBook(new Narrator(room.game(), language), level);
        for (int i = 0; i < position; i++) {
            ScriptLine line = moves.get(i);
            log.move(line.player().orElse(""), room.play(line.player(), line.move()));
        }
    }

    int position() {
        return position;
    }

    int length() {
        return moves.size();
    }

    @Override
    public ClientRoom room() {
        return room;
    }

    @Override
    public LogBook log() {
        return log;
    }

    /** Stepping is what a replay's keys do: a step is no new game, so the round stays. */
    @Override
    public int round() {
        return 0;
    }

    @Override
    public boolean key(KeyStroke k) {
        char c = Keys.ch(k);
        if (c == 'n' || c == ' ') {
            seek(position + 1);
        } else if (c == 'p' || Keys.is(k, KeyType.Backspace)) {
            seek(position - 1);
        } else if (c == 'g' || Keys.is(k, KeyType.Home)) {
            seek(0);
        } else if (c == 'G' || Keys.is(k, KeyType.End)) {
            seek(moves.size());
        } else {
            return false;
        }
        return true;
    }

    @Override
    public boolean poll(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return false;
    }

    @Override
    public void play(String move) {
    }

    @Override
    public String whyNotMove() {
        return chrome.say("replay.noMoves");
    }

    @Override
    public String mode() {
        return chrome.say("replay.mode", source, position, moves.size());
    }

    @Override
    public String message() {
        return null;
    }

    @Override
    public String keys() {
        return chrome.say("keys.replay");
    }

    @Override
    public String undo() {
        return chrome.say("replay.noMoves");
    }

    @Override
    public String restart() {
        seek(0);
        return null;
    }

    @Override
    public String noHints() {
        return chrome.say("hint.none");
    }

    @Override
    public Optional<Ending> ending() {
        return Optional.empty();
    }

    @Override
    public After endKey(KeyStroke k) {
        return After.BOARD;
    }

    @Override
    public void close() {
    }
}
