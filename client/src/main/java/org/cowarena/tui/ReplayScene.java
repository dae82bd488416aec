package org.cowarena.tui;

import java.io.IOException;
import java.nio.file.Path;
import org.cowarena.level.LevelException;

/** The replay viewer: the board of a recorded game, stepped with n / p (see {@link PlayScene}). */
final class ReplayScene {
    private ReplayScene() {
    }

    static Scene open(Context ctx, Path journal, String level) throws IOException, LevelException {
        return new PlayScene(ctx, ReplayTable.open(journal, level, ctx.language()), null);
    }

    /** A saved solution replayed from the campaign's menu: q goes back to the menu. */
    static Scene fromMenu(Context ctx, Path solution, String level) throws IOException, LevelException {
        return new PlayScene(ctx, ReplayTable.open(solution, level, ctx.language()).toMenu(), null);
    }
}
