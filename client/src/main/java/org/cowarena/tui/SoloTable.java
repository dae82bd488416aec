package org.cowarena.tui;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.cowarena.board.Chrome;
import org.cowarena.board.LogBook;
import org.cowarena.board.Tone;
import org.cowarena.client.Session;
import org.cowarena.game.Game;
import org.cowarena.game.Turn;
import org.cowarena.protocol.Messages;
import org.cowarena.server.LevelText;

/**
 * A solo game: an {@link EmbeddedServer} with this client in its one seat. The server
 * starts in the background once the briefing is on screen, while it is read. Undo replays the accepted moves
 * but the last on a fresh embedded server (see there why).
 */
final class SoloTable implements Table {
    private static final int CONNECT_MILLIS = 5000;
    private static final long MOVE_MILLIS = 5000;

    private final LevelText level;
    private final String language;
    private final Chrome chrome;
    private final String name;
    private CompletableFuture<Running> starting;
    private Running running;
    private String message;

    private record Running(EmbeddedServer server, RoomTable room) {
    }

    SoloTable(LevelText level, String language, String name) {
        this.level = level;
        this.language = language;
        this.chrome = Chrome.of(language);
        this.name = name;
    }

    LevelText level() {
        return level;
    }

    /** A server with this level, joined, with {@code moves} replayed; throws IllegalStateException when it fails. */
    private Running launch(List<String> moves) {
        EmbeddedServer server = null;
        Session session = null;
        try {
            server = EmbeddedServer.start(level);
            session = new Session("127.0.0.1", server.port(), new Messages.Hello(name, null, null, false));
            session.connect(CONNECT_MILLIS);
            RoomTable room = new RoomTable(session, language, true, 0);
            long deadline = System.nanoTime() + CONNECT_MILLIS * 1_000_000L;
            while (!(session.replica().loaded() && session.replica().started())) {
                check(session, deadline, "the embedded server did not start the game");
                Object m = session.next(50);
                if (m != null) {
                    room.handle(m);
                }
            }
            for (String move : moves) {
                int before = session.replica().index();
                session.play(move);
                deadline = System.nanoTime() + MOVE_MILLIS * 1_000_000L;
                while (session.replica().index() == before) {
                    check(session, deadline, "replaying " + move + " did not come back");
                    Object m = session.next(50);
                    if (m instanceof Messages.MoveRefused r) {
                        throw new IllegalStateException("replaying " + move + ": " + r.reason);
                    }
                    if (m != null) {
                        room.handle(m);
                    }
                }
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
            starting = CompletableFuture.supplyAsync(() -> launch(List.of()));
        }
        if (!ready()) {
            Thread.sleep(Math.min(millis, 10));
            return running != null || message != null;
        }
        return running.room().poll(millis);
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
    public boolean solo() {
        return true;
    }

    @Override
    public String undo() {
        if (!ready()) {
            return chrome.say("solo.starting");
        }
        List<String> moves = running.room().accepted();
        if (moves.isEmpty()) {
            return chrome.say("solo.nothingToUndo");
        }
        LogBook log = running.room().log();
        Running old = running;
        try {
            Running fresh = launch(moves.subList(0, moves.size() - 1));
            fresh.room().adoptLog(log);
            running = fresh;
            old.room().close();
            old.server().close();
            log.add(chrome.say("solo.undone", moves.get(moves.size() - 1)), Tone.INFO);
            return null;
        } catch (IllegalStateException e) {
            return chrome.say("solo.undoFailed", e.getMessage());
        }
    }

    /** Starts the level again from the beginning, keeping the log. */
    String restart() {
        if (!ready()) {
            return chrome.say("solo.starting");
        }
        LogBook log = running.room().log();
        Running old = running;
        try {
            Running fresh = launch(List.of());
            fresh.room().adoptLog(log);
            running = fresh;
            old.room().close();
            old.server().close();
            log.add(chrome.say("solo.restarted"), Tone.INFO);
            return null;
        } catch (IllegalStateException e) {
            return chrome.say("solo.restartFailed", e.getMessage());
        }
    }

    @Override
    public String message() {
        return running != null ? running.room().message() : message;
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
        }
    }
}
