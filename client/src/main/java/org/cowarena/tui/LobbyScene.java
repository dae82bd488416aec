package org.cowarena.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.cowarena.board.BoardRenderer;
import org.cowarena.board.BoardView;
import org.cowarena.board.Chrome;
import org.cowarena.board.Columns;
import org.cowarena.board.Tone;
import org.cowarena.client.Discover;
import org.cowarena.client.HostPort;
import org.cowarena.client.SeatTokens;
import org.cowarena.client.Session;
import org.cowarena.protocol.Messages;
import org.cowarena.protocol.Names;
import org.cowarena.protocol.Protocol;

/**
 * The lobby: the servers LAN discovery finds and their rooms (level, players, spectators);
 * Enter joins the selected room with your name, {@code s} watches it; {@code c} takes a
 * server address and a join code typed by hand, {@code n} changes the name.
 */
final class LobbyScene implements Scene {
    private static final int DISCOVERY_MILLIS = 1500;
    /** The widest line the join dialog shows without wrapping. */
    private static final int ROW_WIDTH = 72;

    private record Room(String server, String address, String code, String level, int players, int seats,
                        int watching) {
    }

    private final Context ctx;
    private final Chrome chrome;
    private final int discoveryPort;
    private String name;
    private CompletableFuture<List<Discover.Found>> search;
    private final List<Room> rooms = new ArrayList<>();
    private int selected;
    private String note;
    private CommandLine input;
    private String inputFor;
    private TerminalSize size = new TerminalSize(80, 24);

    LobbyScene(Context ctx, int discoveryPort) {
        this.ctx = ctx;
        this.chrome = ctx.chrome();
        this.discoveryPort = discoveryPort;
        this.name = ctx.name() == null ? null : Names.name(ctx.name());
        refresh();
    }

    private void refresh() {
        if (discoveryPort <= 0) {
            note = chrome.say("lobby.off");
            return;
        }
        note = chrome.say("lobby.looking");
        search = CompletableFuture.supplyAsync(() -> Discover.find(discoveryPort, DISCOVERY_MILLIS));
    }

    @Override
    public void draw(TextGraphics g) {
        size = g.getSize();
        g.setForegroundColor(ctx.theme().style(Tone.NORMAL).fg());
        g.setBackgroundColor(ctx.theme().style(Tone.NORMAL).bg());
        g.fill(' ');
        List<BoardView.LogLine> lines = new ArrayList<>();
        lines.add(new BoardView.LogLine(chrome.say("lobby.name", name), Tone.TITLE));
        lines.add(new BoardView.LogLine("", Tone.NORMAL));
        if (rooms.isEmpty()) {
            lines.add(new BoardView.LogLine(chrome.say("lobby.none"), Tone.DIM));
        }
        for (int i = 0; i < rooms.size(); i++) {
            Room r = rooms.get(i);
            // one line a room, within the dialog's width: the server's name comes last and is cut first
            lines.add(new BoardView.LogLine(Columns.fit((i == selected ? "▸ " : "  ") + Columns.fit(r.code(), 6)
                    + Columns.fit(r.level(), 16) + Columns.fit(chrome.say("lobby.players", r.players(), r.seats()), 13)
                    + Columns.fit(chrome.say("lobby.watching", r.watching()), 12) + r.address() + " " + r.server(),
                    ROW_WIDTH),
                    i == selected ? Tone.SELECTED : Tone.NORMAL));
        }
        lines.add(new BoardView.LogLine("", Tone.NORMAL));
        lines.add(new BoardView.LogLine(note == null ? "" : note, Tone.INFO));
        lines.add(new BoardView.LogLine(chrome.say("lobby.keys"), Tone.DIM));
        BoardRenderer.dialog(g, ctx.theme(), chrome.say("lobby.title"), lines);
        if (input != null) {
            String prompt = prompt() + input.text();
            g.putString(0, size.getRows() - 1, Columns.fit(prompt, size.getColumns()));
        }
    }

    @Override
    public TerminalPosition cursor() {
        return input == null ? null : new TerminalPosition(Math.min(size.getColumns() - 1,
                Columns.width(prompt() + input.text().substring(0, input.cursor()))), size.getRows() - 1);
    }

    /** What the line being typed is for, before the text: "name: ". */
    private String prompt() {
        return chrome.say("lobby.ask." + inputFor) + ": ";
    }

    @Override
    public Scene key(KeyStroke k) {
        char c = Keys.ch(k);
        if (input != null) {
            if (Keys.escape(k)) {
                input = null;
            } else if (Keys.enter(k)) {
                String text = input.text().strip();
                String what = inputFor;
                input = null;
                return typed(what, text);
            } else {
                input.edit(k);
            }
            return this;
        }
        if (c == 'q' || Keys.escape(k)) {
            return new MenuScene(ctx);
        } else if (Keys.up(k)) {
            selected = Math.max(0, selected - 1);
        } else if (Keys.down(k)) {
            selected = Math.max(0, Math.min(rooms.size() - 1, selected + 1));
        } else if (c == 'r') {
            refresh();
        } else if (c == 'n') {
            ask("name", name);
        } else if (c == 'c') {
            ask("join", "");
        } else if ((Keys.enter(k) || c == 's') && !rooms.isEmpty()) {
            Room r = rooms.get(selected);
            return join(r.address(), r.code(), c == 's');
        }
        return this;
    }

    private void ask(String what, String initial) {
        input = new CommandLine();
        input.set(initial);
        inputFor = what;
    }

    private Scene typed(String what, String text) {
        if (what.equals("name")) {
            // As the server will take it (composed, controls dropped), and refused here at once
            // with the server's reason when no screen could show it whole.
            String typed = Names.name(text);
            String problem = typed.isEmpty() ? null : Names.problem(typed);
            if (problem != null) {
                note = chrome.reason(null, null, problem);
            } else if (!typed.isEmpty()) {
                name = typed;
            }
            return this;
        }
        String[] parts = text.split("\\s+");
        if (text.isEmpty()) {
            return this;
        }
        return join(parts[0], parts.length > 1 ? parts[1] : null, false);
    }

    private Scene join(String address, String code, boolean spectate) {
        HostPort hp;
        try {
            hp = HostPort.parse(address, Protocol.DEFAULT_PORT);
        } catch (IllegalArgumentException e) {
            note = address + ": " + e.getMessage();
            return this;
        }
        Session session = new Session(hp.host(), hp.port(), new Messages.Hello(spectate ? "spectator" : name, code,
                null, spectate)).keepSeatsIn(SeatTokens.ofUser(System.getenv()));
        try {
            session.connect(5000);
        } catch (IOException e) {
            session.close();
            note = chrome.say("lobby.cannotConnect", hp.host() + ":" + hp.port(), e.getMessage());
            return this;
        }
        return new PlayScene(ctx, new RoomTable(session, ctx.language(), false, NetScenes.RECONNECT_MILLIS),
                null);
    }

    @Override
    public boolean idle(long millis) throws InterruptedException {
        if (search != null && search.isDone()) {
            rooms.clear();
            for (Discover.Found f : search.getNow(List.of())) {
                Messages.DiscoveryReply r = f.reply();
                for (int i = 0; i < r.rooms.length; i++) {
                    rooms.add(new Room(r.server, f.address(), r.rooms[i], r.levels[i], r.players[i], r.seats[i],
                            r.spectators[i]));
                }
            }
            note = rooms.isEmpty() ? chrome.say("lobby.noAnswer", discoveryPort) : chrome.say("lobby.found", rooms.size());
            selected = Math.min(selected, Math.max(0, rooms.size() - 1));
            search = null;
            return true;
        }
        Thread.sleep(millis);
        return false;
    }
}
