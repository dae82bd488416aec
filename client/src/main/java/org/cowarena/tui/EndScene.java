package org.cowarena.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;
import org.cowarena.board.BoardView;
import org.cowarena.board.Chrome;
import org.cowarena.board.Columns;
import org.cowarena.board.MenuRenderer;
import org.cowarena.board.Tone;
import org.cowarena.level.Chapter;

/**
 * The end of the campaign, shown once every level's goal has been met: the stars of each chapter,
 * the total, and what is left to earn (the levels short of three stars), with the sandbox offered.
 */
final class EndScene implements Scene {
    private final Context ctx;
    private final Chrome chrome;

    EndScene(Context ctx) {
        this.ctx = ctx;
        this.chrome = ctx.chrome();
    }

    @Override
    public void draw(TextGraphics g) {
        List<BoardView.LogLine> rows = new ArrayList<>();
        rows.add(new BoardView.LogLine(" " + chrome.say("end.done"), Tone.MET));
        rows.add(new BoardView.LogLine("", Tone.NORMAL));
        int earned = 0;
        int most = 0;
        int short3 = 0;
        List<Chapter> chapters = ctx.book().chapters();
        for (int c = 0; c < chapters.size(); c++) {
            Chapter chapter = chapters.get(c);
            int stars = 0;
            for (String id : chapter.levels()) {
                int s = ctx.progress() == null ? 0 : ctx.progress().stars(id);
                stars += s;
                short3 += s < 3 ? 1 : 0;
            }
            earned += stars;
            most += 3 * chapter.levels().size();
            String figure = "★ " + stars + "/" + 3 * chapter.levels().size();
            rows.add(new BoardView.LogLine(" " + Columns.fit(chrome.say("menu.chapter", c + 1,
                    chapter.title(ctx.language())), 60) + figure, stars == 3 * chapter.levels().size() ? Tone.MET
                    : Tone.NORMAL));
        }
        rows.add(new BoardView.LogLine("", Tone.NORMAL));
        rows.add(new BoardView.LogLine(" " + chrome.say("end.total", earned, most), Tone.TITLE));
        rows.add(new BoardView.LogLine(" " + (short3 == 0 ? chrome.say("end.perfect")
                : chrome.say("end.short", short3)), Tone.INFO));
        MenuRenderer.draw(new MenuRenderer.View(chrome.say("end.title"), chrome.say("menu.total", earned, most), rows,
                -1, chrome.say("end.keys")), ctx.theme(), g);
    }

    @Override
    public Scene key(KeyStroke k) {
        char c = Keys.ch(k);
        if (c == 'q') {
            return null;
        }
        if (c == 'x' && ctx.book().hasSandbox()) {
            return App.solo(ctx, CampaignBook.SANDBOX);
        }
        return Keys.enter(k) || Keys.escape(k) ? new MenuScene(ctx) : this;
    }

    @Override
    public boolean idle(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return false;
    }
}
