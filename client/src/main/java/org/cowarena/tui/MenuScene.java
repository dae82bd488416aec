package org.cowarena.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cowarena.board.BoardRenderer;
import org.cowarena.board.BoardView;
import org.cowarena.board.Chrome;
import org.cowarena.board.Columns;
import org.cowarena.board.MenuRenderer;
import org.cowarena.board.Tone;
import org.cowarena.level.Chapter;
import org.cowarena.level.LevelException;

/**
 * The campaign: its chapters in order, each level with its title, the stars earned and your best
 * metrics (from your saved solutions); the sandbox below them. Enter plays the selected level,
 * {@code s} lists its saved solutions to replay, {@code e} shows the end of a completed campaign.
 */
final class MenuScene implements Scene {
    private static final int TITLE_WIDTH = 44;
    private final Context ctx;
    private final Chrome chrome;
    /** What each row of the list opens: a level id, the sandbox's id, or null for a chapter's heading. */
    private final List<String> opens = new ArrayList<>();
    private int selected;
    /** The saved solutions offered for replay, while their list shows; null otherwise. */
    private List<Solutions.Saved> saved;
    private int savedSelected;
    private String note;

    MenuScene(Context ctx) {
        this.ctx = ctx;
        this.chrome = ctx.chrome();
        for (Chapter c : ctx.book().chapters()) {
            opens.add(null);
            opens.addAll(c.levels());
        }
        if (ctx.book().hasSandbox()) {
            opens.add(null);
            opens.add(CampaignBook.SANDBOX);
        }
        // the first level not played yet, so that Enter goes on with the campaign; else the first
        selected = next(-1, 1);
        for (int i = opens.size() - 1; i >= 0; i--) {
            String id = opens.get(i);
            if (id != null && !id.equals(CampaignBook.SANDBOX) && (progress() == null || !progress().played(id))) {
                selected = i;
            }
        }
    }

    private Progress progress() {
        return ctx.progress();
    }

    /** The next row from {@code from} in direction {@code step} that opens something, or -1. */
    private int next(int from, int step) {
        for (int i = from + step; i >= 0 && i < opens.size(); i += step) {
            if (opens.get(i) != null) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void draw(TextGraphics g) {
        List<BoardView.LogLine> rows = new ArrayList<>();
        List<Chapter> chapters = ctx.book().chapters();
        int earned = 0;
        int most = 0;
        for (int c = 0; c < chapters.size(); c++) {
            Chapter chapter = chapters.get(c);
            int stars = 0;
            for (String id : chapter.levels()) {
                stars += stars(id);
            }
            earned += stars;
            most += 3 * chapter.levels().size();
            String head = chrome.say("menu.chapter", c + 1, chapter.title(ctx.language()));
            String figure = "★ " + stars + "/" + 3 * chapter.levels().size();
            rows.add(new BoardView.LogLine(Columns.fit(head, 77 - Columns.width(figure)) + figure, Tone.TITLE));
            for (String id : chapter.levels()) {
                rows.add(levelRow(id, id.equals(chapter.challenge()) && chapter.levels().size() > 1));
                }
        }
        if (ctx.book().hasSandbox()) {
            rows.add(new BoardView.LogLine("", Tone.NORMAL));
            rows.add(new BoardView.LogLine(" " + chrome.say("menu.sandbox"), Tone.INFO));
        }
        String keys = progress() != null && progress().completed(ctx.campaign()) ? "menu.keys.done" : "menu.keys";
        String status = note != null ? note : chrome.say(ctx.lobby() ? keys : keys + ".noLobby");
        String right = chrome.say("menu.total", earned, most);
        MenuRenderer.draw(new MenuRenderer.View(chrome.say("menu.title"), right, rows, selected, status),
                ctx.theme(), g);
        if (saved != null) {
            String title = ctx.book().title(opens.get(selected), ctx.language());
            BoardRenderer.dialog(g, ctx.theme(), chrome.say("menu.saved.title", title), savedLines());
        }
    }

    private int stars(String id) {
        return progress() == null ? 0 : progress().stars(id);
    }

    /** "  Fork is cheap, writing is not      ★★☆  moves 3 · peak 4 · copies 0". */
    private BoardView.LogLine levelRow(String id, boolean challenge) {
        boolean played = progress() != null && progress().played(id);
        String title = ctx.book().title(id, ctx.language());
        title = challenge ? chrome.say("menu.challenge", title) : title;
        String stars = "★".repeat(stars(id)) + "☆".repeat(3 - stars(id));
        StringBuilder best = new StringBuilder();
        Solutions solutions = ctx.solutions();
        if (solutions != null && played) {
            Map<String, Solutions.Saved> bests = solutions.best(id, Solutions.METRICS);
            for (String metric : Solutions.METRICS) {
                Solutions.Saved s = bests.get(metric);
                if (s != null) {
                    best.append(best.length() == 0 ? "" : " · ").append(chrome.say("menu.best." + metric,
                            s.metrics().get(metric)));
                }
            }
        }
        if (!played) {
            return new BoardView.LogLine(" " + title, Tone.NORMAL); // nothing to its right: the title goes whole
        }
        return new BoardView.LogLine(" " + Columns.fit(title, TITLE_WIDTH) + " " + stars + "  " + best, Tone.MET);
    }

    private List<BoardView.LogLine> savedLines() {
        List<BoardView.LogLine> lines = new ArrayList<>();
        for (int i = 0; i < saved.size(); i++) {
            Solutions.Saved s = saved.get(i);
            String line = (i == savedSelected ? "▸ " : "  ") + chrome.say("menu.saved.row",
                    chrome.sayOr("metric." + s.metric(), s.metric()), s.metrics().moves(), s.metrics().peakFrames(),
                    s.metrics().copies());
            lines.add(new BoardView.LogLine(line, i == savedSelected ? Tone.SELECTED : Tone.NORMAL));
        }
        lines.add(new BoardView.LogLine("", Tone.NORMAL));
        lines.add(new BoardView.LogLine(chrome.say("menu.saved.keys"), Tone.DIM));
        return lines;
    }

    @Override
    public Scene key(KeyStroke k) {
        note = null;
        if (saved != null) {
            return savedKey(k);
        }
        char c = Keys.ch(k);
        if (c == 'q' || Keys.escape(k)) {
            return null;
        }
        if (Keys.up(k) || Keys.down(k)) {
            int to = next(selected, Keys.up(k) ? -1 : 1);
            selected = to >= 0 ? to : selected;
        } else if (c == 'm' && ctx.lobby()) {
            return new LobbyScene(ctx, ctx.discoveryPort());
        } else if (c == 'x' && ctx.book().hasSandbox()) {
            return App.solo(ctx, CampaignBook.SANDBOX);
        } else if (c == 'e' && progress() != null && progress().completed(ctx.campaign())) {
            return new EndScene(ctx);
        } else if (c == 's' && selected >= 0) {
            openSaved();
        } else if (Keys.enter(k) && selected >= 0) {
            return App.solo(ctx, opens.get(selected));
        }
        return this;
    }

    private void openSaved() {
        String id = opens.get(selected);
        Solutions solutions = ctx.solutions();
        List<Solutions.Saved> found = new ArrayList<>();
        if (solutions != null) {
            List<String> metrics = ctx.book().level(id).map(l -> Solutions.metricsOf(l.stars()))
                    .orElse(Solutions.METRICS);
            found.addAll(solutions.best(id, metrics).values());
        }
        if (found.isEmpty()) {
            note = chrome.say("menu.saved.none", ctx.book().title(id, ctx.language()));
            return;
        }
        saved = found;
        savedSelected = 0;
    }

    private Scene savedKey(KeyStroke k) {
        if (Keys.up(k)) {
            savedSelected = Math.max(0, savedSelected - 1);
        } else if (Keys.down(k)) {
            savedSelected = Math.min(saved.size() - 1, savedSelected + 1);
        } else if (Keys.enter(k)) {
            Solutions.Saved s = saved.get(savedSelected);
            saved = null;
            try {
                return ReplayScene.fromMenu(ctx, s.file(), s.levelId());
            } catch (IOException | LevelException e) {
                note = chrome.say("menu.saved.failed", e.getMessage());
            }
        } else if (Keys.escape(k) || Keys.ch(k) == 'q' || Keys.ch(k) == 's') {
            saved = null;
        }
        return this;
    }

    @Override
    public boolean idle(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return false;
    }
}
