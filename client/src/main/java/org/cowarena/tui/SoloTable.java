package org.cowarena.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.cowarena.board.BoardView;
import org.cowarena.board.BoardViews;
import org.cowarena.board.Chrome;
import org.cowarena.board.Columns;
import org.cowarena.board.LogBook;
import org.cowarena.board.Tone;
import org.cowarena.client.ClientRoom;
import org.cowarena.client.LostGoals;
import org.cowarena.client.Session;
import org.cowarena.game.Game;
import org.cowarena.game.GoalCheck;
import org.cowarena.game.Overrun;
import org.cowarena.game.Score;
import org.cowarena.game.Turn;
import org.cowarena.level.Goal;
import org.cowarena.level.Metrics;
import org.cowarena.protocol.Messages;
import org.cowarena.server.LevelText;

/**
 * A solo game: a {@link SoloHost} (the embedded server) with this client in its one seat, seen
 * through a {@link RoomTable}. The host starts in the background once the briefing is on screen,
 * while it is read. Undo and restart ask the host to take its room's game back (one move, or to
 * the start) to a state it kept: the same room and session go on, and the board follows the
 * snapshot the room sends. The game ends when its goal is met or its moves are used up: the
 * result gives the stars, records them, and offers undo, restart and the campaign's next level.
 */
final class SoloTable implements Table {
    private static final int CONNECT_MILLIS = 5000;
    /** How long undo and restart wait for the room's snapshot. */
    private static final long MOVE_MILLIS = 5000;

    private final LevelText level;
    private final String language;
    private final Chrome chrome;
    private final String name;
    private final Context ctx;
    /** The bundled level id (for progress and the next level), or null for a level file. */
    private final String levelId;
    /** The stars of this game were recorded: once a game (an undo or a restart makes another). */
    private boolean recorded;
    private final ClientRoom idle = new ClientRoom();
    /** The goal said to be lost in this game, or null. */
    private Goal lostGoal;
    private CompletableFuture<Running> starting;
    private Running running;
    private String message;

    private final SoloHost.Factory hosts;

    private record Running(SoloHost server, RoomTable room) {
    }

    SoloTable(LevelText level, Context ctx, String levelId) {
        this(level, ctx, levelId, EmbeddedServer::start);
    }

    /** {@code hosts}: where this table's game is hosted. */
    SoloTable(LevelText level, Context ctx, String levelId, SoloHost.Factory hosts) {
        this.hosts = hosts;
        this.level = level;
        this.ctx = ctx;
        this.language = ctx.language();
        this.chrome = ctx.chrome();
        this.name = ctx.name();
        this.levelId = levelId;
    }

    LevelText level() {
        return level;
    }

    /** A server with this level, joined, its game started; throws IllegalStateException when it fails. */
    private Running launch() {
        SoloHost server = null;
        Session session = null;
        try {
            server = hosts.start(level);
            session = new Session(server.connector(), "solo", new Messages.Hello(name, null, null, false),
                    System::nanoTime);
            session.connect(CONNECT_MILLIS);
            RoomTable room = new RoomTable(session, language, true, 0);
            long deadline = System.nanoTime() + CONNECT_MILLIS * 1_000_000L;
            while (!(session.room().loaded() && session.room().started())) {
                check(session, deadline, "the embedded server did not start the game");
                session.next(50);
            }
            return new Running(server, room);
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (session != null) {
                session.close();
            }
            if (server != null) {
                server.close();
            }
            throw new IllegalStateException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    private static void check(Session session, long deadline, String what) {
        if (session.refusal() != null) {
            throw new IllegalStateException(session.refusal());
        }
        if (session.closed() || System.nanoTime() > deadline) {
            throw new IllegalStateException(what);
        }
    }

    /** True once the game is up; rethrows why it could not start. */
    private boolean ready() {
        if (running != null) {
            return true;
        }
        if (starting != null && starting.isDone()) {
            try {
                Running fresh = starting.get();
                starting = null;
                if (running != null) {
                    fresh.room().adoptLog(running.room().log());
                }
                running = fresh;
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                starting = null;
                message = chrome.say("solo.failed", e.getCause().getMessage());
            }
        }
        return false;
    }

    @Override
    public ClientRoom room() {
        return ready() ? running.room().room() : idle;
    }

    @Override
    public Game game() {
        return ready() ? running.room().game() : null;
    }

    @Override
    public LogBook log() {
        return ready() ? running.room().log() : null;
    }

    @Override
    public Optional<Turn> lastTurn() {
        return ready() ? running.room().lastTurn() : Optional.empty();
    }

    @Override
    public boolean poll(long millis) throws InterruptedException {
        if (running == null && starting == null && message == null) {
            // Started on the first poll, once the briefing is on screen: the first screen comes first.
            starting = CompletableFuture.supplyAsync(this::launch);
        }
        if (!ready()) {
            Thread.sleep(Math.min(millis, 10));
            return running != null || message != null;
        }
        boolean changed = running.room().poll(millis);
        if (changed) {
            sayLostGoal();
        }
        return changed;
    }

    /**
     * Once a goal can no longer be met (a peak already passed), the log and the status line say
     * so and offer the way back: a restart, or undo.
     */
    private void sayLostGoal() {
        Game game = game();
        Optional<Goal> lost = game == null ? Optional.empty() : LostGoals.first(game);
        if (lost.isEmpty()) {
            lostGoal = null;
            return;
        }
        if (!lost.get().equals(lostGoal) && ending().isEmpty()) {
            lostGoal = lost.get();
            message = chrome.say("solo.goalLost", BoardViews.describe(log().narrator(), lostGoal));
            log().add(message, Tone.UNMET);
        }
    }

    @Override
    public void play(String move) {
        if (ready()) {
            running.room().play(move);
        }
    }

    @Override
    public String whyNotMove() {
        if (!ready()) {
            return message != null ? message : chrome.say("solo.starting");
        }
        return running.room().whyNotMove();
    }

    @Override
    public String mode() {
        return chrome.say("mode.solo");
    }

    @Override
    public String undo() {
        if (!ready()) {
            return chrome.say("solo.starting");
        }
        List<String> moves = running.room().room().moves();
        if (moves.isEmpty()) {
            return chrome.say("solo.nothingToUndo");
        }
        String problem = takeBack(running.server()::undo);
        if (problem != null) {
            return chrome.say("solo.undoFailed", problem);
        }
        log().add(chrome.say("solo.undone", moves.get(moves.size() - 1)), Tone.INFO);
        return null;
    }

    /** Starts the level again from the beginning, keeping the log. */
    @Override
    public String restart() {
        if (!ready()) {
            return chrome.say("solo.starting");
        }
        String problem = takeBack(running.server()::restart);
        if (problem != null) {
            return chrome.say("solo.restartFailed", problem);
        }
        log().add(chrome.say("solo.restarted"), Tone.INFO);
        return null;
    }

    /**
     * Asks the host to take the game back, then waits for the room's snapshot of it, so the board,
     * the log's narrator and the result read the game as it is now when this returns. Returns why
     * it could not, or null.
     */
    private String takeBack(java.util.function.Supplier<String> request) {
        Session session = running.room().session();
        int before = session.snapshots();
        String problem = request.get();
        if (problem != null) {
            return problem;
        }
        long deadline = System.nanoTime() + MOVE_MILLIS * 1_000_000L;
        try {
            while (session.snapshots() == before) {
                check(session, deadline, "the game did not come back from the server");
                session.next(50);
            }
        } catch (IllegalStateException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
        recorded = false;
        lostGoal = null;
        message = null;
        return null;
    }

    @Override
    public String message() {
        return running != null && running.room().message() != null ? running.room().message() : message;
    }

    @Override
    public String keys() {
        return chrome.say("keys.solo");
    }

    @Override
    public boolean key(KeyStroke k) {
        if (Keys.ch(k) != 'R') {
            return false;
        }
        message = restart();
        return true;
    }

    @Override
    public String noHints() {
        return chrome.say("hint.none");
    }

    @Override
    public boolean backToMenu() {
        return !ctx.campaign().isEmpty();
    }

    /** The campaign's level after this one, or null. */
    private String campaignNext() {
        int i = levelId == null ? -1 : ctx.campaign().indexOf(levelId);
        return i >= 0 && i + 1 < ctx.campaign().size() ? ctx.campaign().get(i + 1) : null;
    }

    /** The campaign's next level, once this one's goal is met; null otherwise. */
    @Override
    public String nextLevel() {
        Game game = game();
        return game != null && game.score().met() ? campaignNext() : null;
    }

    @Override
    public Optional<Ending> ending() {
        Game game = game();
        if (game == null) {
            return Optional.empty();
        }
        Score score = game.score();
        boolean outOfMoves = game.level().moves().limit().isPresent() && game.movesLeft() == 0;
        if (!score.met() && !outOfMoves) {
            return Optional.empty();
        }
        if (score.met() && levelId != null && !recorded) {
            recorded = true;
            message = ctx.progress().record(levelId, score.stars());
        }
        return Optional.of(result(game, score));
    }

    private Ending result(Game game, Score score) {
        List<BoardView.LogLine> lines = new ArrayList<>();
        Metrics m = game.metrics();
        if (score.met()) {
            lines.add(new BoardView.LogLine(chrome.say("result.met", "★".repeat(score.stars())
                    + "☆".repeat(3 - score.stars()), score.stars()), Tone.MET));
        } else {
            lines.add(new BoardView.LogLine(chrome.say("result.notMet"), Tone.REFUSED));
        }
        lines.add(new BoardView.LogLine("", Tone.NORMAL));
        for (GoalCheck c : score.checks()) {
            lines.add(new BoardView.LogLine((c.met() ? "[x] " : "[ ] ") + BoardViews.describe(log().narrator(), c.goal()),
                    c.met() ? Tone.MET : Tone.UNMET));
        }
        lines.add(new BoardView.LogLine("", Tone.NORMAL));
        // the star metrics as a table: names in one column, values and the best known right-aligned
        int nameW = 0;
        int valueW = 1;
        for (Map.Entry<String, Integer> star : game.level().stars().entrySet()) {
            nameW = Math.max(nameW, Columns.width(chrome.sayOr("metric." + star.getKey(), star.getKey())));
            valueW = Math.max(valueW, String.valueOf(Math.max(m.get(star.getKey()), star.getValue())).length());
        }
        for (Map.Entry<String, Integer> star : game.level().stars().entrySet()) {
            int value = m.get(star.getKey());
            boolean over = score.met() && score.overruns().stream().map(Overrun::metric)
                    .anyMatch(star.getKey()::equals);
            String metric = chrome.sayOr("metric." + star.getKey(), star.getKey());
            lines.add(new BoardView.LogLine(Columns.fit(metric, nameW) + "  " + Columns.right(String.valueOf(value),
                    valueW) + "   " + chrome.say("result.best", Columns.right(String.valueOf(star.getValue()), valueW))
                    + (over ? "   " + chrome.say("result.costsStar") : ""), over || !score.met() ? Tone.UNMET
                    : Tone.MET));
        }
        lines.add(new BoardView.LogLine(chrome.say("result.metrics", m.moves(), m.copies(), m.framesCopied(),
                m.peakFrames(), m.faults()), Tone.DIM));
        lines.add(new BoardView.LogLine("", Tone.NORMAL));
        boolean next = campaignNext() != null && score.met();
        lines.add(new BoardView.LogLine(chrome.say(next ? "result.keys.next"
                : ctx.campaign().isEmpty() ? "result.keys.quit" : "result.keys.menu"), Tone.DIM));
        return new Ending(chrome.say(score.met() ? "result.complete" : "result.outOfMoves"), lines, false);
    }

    @Override
    public After endKey(KeyStroke k) {
        char c = Keys.ch(k);
        if (c == 'u') {
            message = undo();
            return After.BOARD;
        }
        if (c == 'r' || c == 'R') {
            message = restart();
            return After.BOARD;
        }
        if (Keys.enter(k) && nextLevel() != null) {
            return After.NEXT_LEVEL;
        }
        if (c == 'q' || Keys.enter(k)) {
            return After.LEAVE;
        }
        return Keys.escape(k) || c == ' ' ? After.BOARD : After.STAY;
    }

    @Override
    public void close() {
        if (starting != null) {
            starting.thenAccept(r -> {
                r.room().close();
                r.server().close();
            });
        }
        if (running != null) {
            running.room().close();
            running.server().close();
            running = null;
        }
        starting = null;
        message = chrome.say("solo.closed");
    }
}
