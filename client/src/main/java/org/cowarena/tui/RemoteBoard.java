package org.cowarena.tui;

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
                book.levelIds(), 0, book, false);
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
            return App.loop(screen, first);
        } finally {
            try {
                screen.stopScreen();
                terminal.flush(); // the channel buffers: the player's own screen comes back only when this arrives
            } catch (IOException | RuntimeException e) {
                // the channel is gone: nothing to restore on the player's terminal
            }
        }
    }
}
