package org.cowarena.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;
import org.cowarena.board.BoardRenderer;
import org.cowarena.board.BoardView;
import org.cowarena.board.Chrome;
import org.cowarena.board.Columns;
import org.cowarena.board.Tone;

/** The campaign: its levels in order with the stars earned so far; Enter plays one. */
final class MenuScene implements Scene {
    private final Context ctx;
    private int selected;

    MenuScene(Context ctx) {
        this.ctx = ctx;
        List<String> ids = ctx.campaign();
        selected = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (ctx.progress().played(ids.get(i))) {
                selected = Math.min(ids.size() - 1, i + 1);
            }
        }
    }

    @Override
    public void draw(TextGraphics g) {
        List<BoardView.LogLine> lines = new ArrayList<>();
        List<String> ids = ctx.campaign();
        int total = 0;
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            int stars = ctx.progress().stars(id);
            total += stars;
            String mark = ctx.progress().played(id) ? "★".repeat(stars) + "☆".repeat(3 - stars) : "   ";
            String name = id.substring(id.indexOf('/') + 1);
            lines.add(new BoardView.LogLine((i == selected ? "▸ " : "  ") + Columns.fit(name, 24) + mark,
                    i == selected ? Tone.SELECTED : ctx.progress().played(id) ? Tone.MET : Tone.NORMAL));
        }
        lines.add(new BoardView.LogLine("", Tone.NORMAL));
        Chrome chrome = ctx.chrome();
        lines.add(new BoardView.LogLine(chrome.say("menu.stars", total, 3 * ids.size(), ctx.progress().file()),
                Tone.DIM));
        lines.add(new BoardView.LogLine(chrome.say("menu.keys"), Tone.DIM));
        g.setForegroundColor(ctx.theme().style(Tone.NORMAL).fg());
        g.setBackgroundColor(ctx.theme().style(Tone.NORMAL).bg());
        g.fill(' ');
        BoardRenderer.dialog(g, ctx.theme(), chrome.say("menu.title"), lines);
    }

    @Override
    public Scene key(KeyStroke k) {
        char c = Keys.ch(k);
        if (c == 'q' || Keys.escape(k)) {
            return null;
        }
        if (Keys.up(k)) {
            selected = Math.max(0, selected - 1);
        } else if (Keys.down(k)) {
            selected = Math.min(ctx.campaign().size() - 1, selected + 1);
        } else if (c == 'm') {
            return new LobbyScene(ctx, ctx.discoveryPort());
        } else if (Keys.enter(k) && !ctx.campaign().isEmpty()) {
            return App.solo(ctx, ctx.campaign().get(selected));
        }
        return this;
    }

    @Override
    public boolean idle(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return false;
    }
}
