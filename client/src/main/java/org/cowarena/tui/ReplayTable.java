package org.cowarena.tui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cowarena.board.Chrome;
import org.cowarena.board.LogBook;
import org.cowarena.game.Game;
import org.cowarena.game.Turn;
import org.cowarena.level.Level;
import org.cowarena.level.LevelException;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.MoveParser;
import org.cowarena.move.MoveSyntaxException;
import org.cowarena.move.ScriptLine;
import org.cowarena.report.Narrator;

/**
 * A recorded game, stepped forward and back. Each step replays the moves from the start
 * (the kernel is deterministic), so every position is exactly what the players saw.
 * A journal {@code ROOM-GAME.moves} finds its level beside it ({@code ROOM-GAME.level.yaml})
 * or by its {@code # level} line; a plain moves file needs {@code --level}.
 */
final class ReplayTable implements Table {
    private final Level level;
    private final List<ScriptLine> moves;
    private final String language;
    private final String source;
    private int position;
    private Game game;
    private LogBook log;
    private Turn last;

    private ReplayTable(Level level, List<ScriptLine> moves, String language, String source) {
        this.level = level;
        this.moves = List.copyOf(moves);
        this.language = language;
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

    /** Shows the game after {@code n} moves (clamped to the recording). */
    void seek(int n) {
        position = Math.max(0, Math.min(moves.size(), n));
        try {
            game = Game.start(level);
        } catch (LevelException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        log = new LogBook(new Narrator(game, language), level);
        last = null;
        for (int i = 0; i < position; i++) {
            ScriptLine line = moves.get(i);
            last = game.play(line.player(), line.move());
            log.move(line.player().orElse(""), last);
        }
    }

    int position() {
        return position;
    }

    int length() {
        return moves.size();
    }

    @Override
    public Game game() {
        return game;
    }

    @Override
    public LogBook log() {
        return log;
    }

    @Override
    public Optional<Turn> lastTurn() {
        return Optional.ofNullable(last);
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
        return Chrome.of(language).say("replay.noMoves");
    }

    @Override
    public String mode() {
        return Chrome.of(language).say("replay.mode", source, position, moves.size());
    }

    @Override
    public String message() {
        return null;
    }

    @Override
    public void close() {
    }
}
