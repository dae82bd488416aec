package org.cowarena.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cowarena.board.Theme;
import org.cowarena.client.Session;

/**
 * The board on a terminal this process did not open: an SSH session's channel. The same
 * scenes, keys, languages and colours as {@link App}, for one player whose name the caller
 * has checked: the game {@code session} joins (a room, a race or a tournament), or with none
 * the solo campaign.
 */
public final class RemoteBoard {
    private RemoteBoard() {
    }

    /**
     * Runs the board on {@code terminal} until the player quits, presses Ctrl-C or the input
     * ends; returns the exit status as {@link App} does. The narration's language comes from
     * {@code env} (LC_ALL, LC_MESSAGES, LANG: what an SSH client sends), no colour when it has
     * NO_COLOR; the campaign's stars are kept in {@code progressDir}. {@code session} is
     * connected here; {@code where} names its host on screen.
     *
     * @throws IOException when the session cannot connect
     */
    public static int run(Terminal terminal, String name, Map<String, String> env, Path progressDir,
                          Session session, String where) throws IOException, InterruptedException {
        String language = App.language(null, env);
        CampaignBook book = session == null ? CampaignBook.bundled() : CampaignBook.of(List.of());
        Context ctx = new Context(Theme.choose(false, env), language, Progress.load(progressDir), name,
                book.levelIds(), 0, book);
        Scene first;
        if (session == null) {
            first = new MenuScene(ctx);
        } else {
            session.connect(5000);
            first = new JoinScene(ctx, session, new RoomTable(session, language, false, NetScenes.RECONNECT_MILLIS),
                    where, null);
        }
        TerminalScreen screen;
        try {
            screen = new TerminalScreen(terminal);
            screen.startScreen();
        } catch (IOException | RuntimeException e) {
            first.close();
            throw e;
        }
        try {
            screen.setCursorPosition(null);
            return App.loop(screen, new NoOtherServer(first));
        } finally {
            try {
                screen.stopScreen();
                terminal.flush(); // the channel buffers: the player's own screen comes back only when this arrives
            } catch (IOException | RuntimeException e) {
                // the channel is gone: nothing to restore on the player's terminal
            }
        }
    }

    /**
     * The scenes as the jar has them, but the menu's lobby (m) is not offered: there a player
     * types any server and join code, and over SSH it is this server that would connect there.
     */
    private static final class NoOtherServer implements Scene {
        private Scene inner;

        NoOtherServer(Scene first) {
            this.inner = first;
        }

        @Override
        public void draw(TextGraphics g) {
            inner.draw(g);
        }

        @Override
        public Scene key(KeyStroke key) {
            if (inner instanceof MenuScene && Keys.ch(key) == 'm') {
                return this;
            }
            Scene next = inner.key(key);
            if (next == null) {
                return null;
            }
            inner = next;
            return this;
        }

        @Override
        public boolean idle(long millis) throws InterruptedException {
            return inner.idle(millis);
        }

        @Override
        public TerminalPosition cursor() {
            return inner.cursor();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
