package org.cowarena.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cowarena.board.BoardRenderer;
import org.cowarena.board.BoardView;
import org.cowarena.board.BoardViews;
import org.cowarena.board.Chrome;
import org.cowarena.board.Columns;
import org.cowarena.board.Tone;
import org.cowarena.game.Game;
import org.cowarena.level.Level;
import org.cowarena.move.Move;
import org.cowarena.move.MoveParser;
import org.cowarena.move.MoveSyntaxException;

/**
 * The board and its keys: selection with arrows or hjkl, a key per move, the ':' command
 * line with completion, undo, hints, help, and the result when the game ends. Works on any
 * {@link Table} (a solo game, a room, a race, a tournament's match, a replay) through its
 * interface alone: what differs is the table's behaviour.
 */
final class PlayScene implements Scene {
    /** Lines one press of [ or ] scrolls the log. */
    private static final int LOG_STEP = 4;
    private final Context ctx;
    private final Chrome chrome;
    private final Table table;
    private int pid = -1;
    private int vpn;
    private CommandLine command;
    private List<String> choices = List.of();
    private String note;
    private Overlay overlay;
    private boolean resultShown;
    private int hintsShown;
    private int round;
    /** Lines the dialog shown is scrolled down (↑ ↓), when it does not fit; and the most it can be. */
    private int dialogScroll;
    private int dialogScrollMost;
    private Overlay drawnOverlay;
    /** Lines the log is scrolled back from its newest ([ older, ] newer). */
    private int logScroll;
    private TerminalSize size = new TerminalSize(80, 24);

    private enum Kind {
        BRIEFING, HELP, HINT, RESULT, CONFIRM_LEAVE
    }

    private record Overlay(Kind kind, String title, List<BoardView.LogLine> lines) {
    }

    PlayScene(Context ctx, Table table, Level briefing) {
        this.ctx = ctx;
        this.chrome = ctx.chrome();
        this.table = table;
        if (briefing != null) {
            overlay = briefing(briefing);
        }
    }

    private Overlay briefing(Level level) {
        List<BoardView.LogLine> lines = new ArrayList<>();
        lines.add(new BoardView.LogLine(level.title(ctx.language()), Tone.TITLE));
        lines.add(new BoardView.LogLine("", Tone.NORMAL));
        lines.add(new BoardView.LogLine(reflow(level.briefing(ctx.language()).strip()), Tone.NORMAL));
        lines.add(new BoardView.LogLine("", Tone.NORMAL));
        lines.add(new BoardView.LogLine(chrome.say("briefing.keys"), Tone.DIM));
        return new Overlay(Kind.BRIEFING, chrome.say("briefing.title"), lines);
    }

    /**
     * A YAML block keeps the author's line breaks: join the lines of each paragraph (with a
     * space, or with nothing after a wide character: Chinese has no spaces), keep blank lines.
     */
    static String reflow(String text) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (i > 0) {
                boolean paragraph = line.isEmpty() || lines[i - 1].isBlank();
                char last = out.length() == 0 ? ' ' : out.charAt(out.length() - 1);
                out.append(paragraph ? "\n" : Columns.width(String.valueOf(last)) == 2 ? "" : " ");
            }
            out.append(line);
        }
        return out.toString().replaceAll("\n{3,}", "\n\n");
    }

    Table table() {
        return table;
    }

    /** True while the command line is open: keys are text then. */
    boolean typing() {
        return command != null;
    }

    @Override
    public void draw(TextGraphics g) {
        size = g.getSize();
        Game game = table.game();
        if (game == null) {
            g.fill(' ');
            g.putString(2, 1, table.message() != null ? table.message() : chrome.say("starting"));
        } else {
            normaliseSelection(game);
            BoardView view = BoardViews.of(game, table.log().narrator(), table.mode(), pid, vpn, table.lastTurn())
                    .withLog(table.log().lines()).withTurn(table.turnText()).withStatus(status())
                    .withLogScroll(logScroll, table.log().headline());
            BoardRenderer.draw(view, ctx.theme(), chrome, g);
        }
        if (overlay != null) {
            if (overlay != drawnOverlay) {
                drawnOverlay = overlay; // another dialog starts at its top
                dialogScroll = 0;
            }
            dialogScrollMost = BoardRenderer.dialog(g, ctx.theme(), overlay.title(), overlay.lines(), dialogScroll);
        }
    }

    private BoardView.StatusLine status() {
        if (command != null) {
            String shown = ":" + command.text() + (choices.isEmpty() ? "" : "   " + String.join(" ", choices));
            return new BoardView.StatusLine(shown, Tone.NORMAL, 1 + Columns.width(command.text().substring(0,
                    command.cursor())));
        }
        if (note != null) {
            return new BoardView.StatusLine(note, Tone.REFUSED, -1);
        }
        if (table.message() != null) {
            return new BoardView.StatusLine(table.message(), Tone.REFUSED, -1);
        }
        if (resultShown && overlay == null && table.ending().isPresent()) {
            return BoardView.StatusLine.of(chrome.say("keys.ended"));
        }
        return BoardView.StatusLine.of(table.keys());
    }

    @Override
    public TerminalPosition cursor() {
        if (command == null || overlay != null) {
            return null;
        }
        return new TerminalPosition(Math.min(size.getColumns() - 1, 1 + Columns.width(command.text().substring(0,
                command.cursor()))), size.getRows() - 1);
    }

    private void normaliseSelection(Game game) {
        List<BoardView.ProcRow> order = BoardViews.tree(game.kernel().processes());
        boolean known = order.stream().anyMatch(p -> p.pid() == pid);
        if (!known && !order.isEmpty()) {
            pid = order.stream().filter(p -> p.state().alive() && (table.owner() == null
                    || table.owner().equals(p.owner()))).map(BoardView.ProcRow::pid).findFirst()
                    .orElse(order.get(0).pid());
        }
        int pages = game.kernel().pageTable(pid).size();
        vpn = Math.max(0, Math.min(vpn, pages - 1));
    }

    @Override
    public boolean idle(long millis) throws InterruptedException {
        boolean changed = table.poll(millis);
        if (changed) {
            checkEnd();
        }
        return changed;
    }

    private void checkEnd() {
        if (table.round() != round) {
            round = table.round();
            resultShown = false;
            pid = -1;
            if (overlay != null && overlay.kind() == Kind.RESULT) {
                overlay = null;
            }
        }
        if (table.game() == null) {
            return;
        }
        normaliseSelection(table.game()); // keys may come before the next draw
        Optional<Table.Ending> ending = table.ending();
        if (ending.isEmpty()) {
            resultShown = false; // taken back (undo): the next end shows again
            if (overlay != null && overlay.kind() == Kind.RESULT) {
                overlay = null;
            }
            return;
        }
        boolean showing = overlay != null && overlay.kind() == Kind.RESULT;
        if (!resultShown || showing && ending.get().live()) {
            resultShown = true;
            overlay = result(ending.get());
        }
    }

    private static Overlay result(Table.Ending ending) {
        return new Overlay(Kind.RESULT, ending.title(), ending.lines());
    }

    @Override
    public Scene key(KeyStroke k) {
        note = null;
        if (overlay != null) {
            return overlayKey(k);
        }
        if (command != null) {
            return commandKey(k);
        }
        Game game = table.game();
        char c = Keys.ch(k);
        if (c == 'q') {
            return askLeave();
        }
        if (c == '?') {
            overlay = help();
            return this;
        }
        if (game == null) {
            return this;
        }
        if (table.key(k)) {
            refuse(table.message());
            checkEnd();
            return this;
        }
        if (c == '[' || c == ']') {
            int lines = table.log() == null ? 0 : table.log().lines().size();
            logScroll = Math.max(0, Math.min(lines, logScroll + (c == '[' ? LOG_STEP : -LOG_STEP)));
            return this;
        }
        if (Keys.enter(k) && table.ending().isPresent()) {
            overlay = result(table.ending().get()); // back to the result looked past
            return this;
        }
        if (Keys.up(k) || Keys.down(k)) {
            List<BoardView.ProcRow> order = BoardViews.tree(game.kernel().processes());
            int i = 0;
            for (int j = 0; j < order.size(); j++) {
                if (order.get(j).pid() == pid) {
                    i = j;
                }
            }
            i = Math.max(0, Math.min(order.size() - 1, i + (Keys.up(k) ? -1 : 1)));
            pid = order.isEmpty() ? -1 : order.get(i).pid();
        } else if (Keys.left(k)) {
            vpn = Math.max(0, vpn - 1);
        } else if (Keys.right(k)) {
            vpn++;
        } else if (Keys.is(k, KeyType.PageUp)) {
            vpn = Math.max(0, vpn - 8);
        } else if (Keys.is(k, KeyType.PageDown)) {
            vpn += 8;
        } else if (c == 'f') {
            offer("fork " + pid);
        } else if (c == 'v') {
            offer("vfork " + pid);
        } else if (c == 'x') {
            offer("exit " + pid);
        } else if (c == 'p') {
            offer("pass");
        } else if (c == 'r') {
            offer("read " + pid + " " + vpn);
        } else if (c == 'e') {
            open("exec " + pid + " ");
            choices = Completion.complete(command.text(), game, table.owner()).choices();
        } else if (c == 'w') {
            open("write " + pid + " " + vpn + " ");
            choices = List.of(chrome.say("write.prompt"));
        } else if (c == ':') {
            open("");
        } else if (c == 'u') {
            undo();
        } else if (c == 'H') {
            overlay = hint(game);
        } else if (c == 'b') {
            overlay = briefing(game.level());
        }
        return this;
    }

    /** q on the board: a game this player is in the middle of is not left without asking. */
    private Scene askLeave() {
        Game game = table.game();
        if (game != null && table.ending().isEmpty() && table.whyNotMove() == null && !table.room().moves().isEmpty()) {
            overlay = new Overlay(Kind.CONFIRM_LEAVE, chrome.say("leave.title"),
                    List.of(new BoardView.LogLine(chrome.say("leave.ask"), Tone.NORMAL)));
            return this;
        }
        return leave();
    }

    private Scene leave() {
        if (table.backToMenu()) {
            table.close();
            return new MenuScene(ctx);
        }
        return null;
    }

    private void open(String text) {
        command = new CommandLine();
        command.set(text);
        choices = List.of();
    }

    private void undo() {
        refuse(table.undo());
        checkEnd();
    }

    private void restart() {
        refuse(table.restart());
        checkEnd();
    }

    /** Says on the status line why something was not done (until the next key); nothing when null. */
    private void refuse(String problem) {
        if (problem != null) {
            note = problem;
        }
    }

    private void offer(String move) {
        logScroll = 0; // the answer to a move shows at the log's end
        String why = table.whyNotMove();
        if (why != null) {
            refuse(why);
            return;
        }
        table.play(move);
    }

    private Scene commandKey(KeyStroke k) {
        if (Keys.escape(k)) {
            command = null;
        } else if (Keys.enter(k)) {
            String line = command.text().strip();
            command = null;
            choices = List.of();
            return run(line);
        } else if (Keys.is(k, KeyType.Tab)) {
            Completion.Result r = Completion.complete(command.text(), table.game(), table.owner());
            command.set(r.line());
            choices = r.choices();
        } else {
            command.edit(k);
        }
        return this;
    }

    private Scene run(String line) {
        if (line.isEmpty()) {
            return this;
        }
        Game game = table.game();
        Optional<String> own = table.command(line);
        if (own.isPresent()) {
            refuse(own.get().isEmpty() ? null : own.get());
            return this;
        }
        switch (line) {
            case "quit", "q" -> {
                return askLeave();
            }
            case "help" -> {
                overlay = help();
                return this;
            }
            case "hint" -> {
                if (game != null) {
                    overlay = hint(game);
                }
                return this;
            }
            case "undo" -> {
                undo();
                return this;
            }
            case "restart" -> {
                restart();
                return this;
            }
            case "retry", "next" -> {
                refuse(chrome.say("command.raceOnly", line));
                return this;
            }
            case "briefing" -> {
                if (game != null) {
                    overlay = briefing(game.level());
                }
                return this;
            }
            default -> {
                try {
                    Move move = MoveParser.parseMove(line);
                    offer(move.notation());
                } catch (MoveSyntaxException e) {
                    refuse(chrome.say("command.syntax", e.column(), e.reason()));
                }
                return this;
            }
        }
    }

    private Scene overlayKey(KeyStroke k) {
        char c = Keys.ch(k);
        Kind kind = overlay.kind();
        if (dialogScrollMost > 0 && (Keys.up(k) || Keys.down(k))) {
            dialogScroll = Math.max(0, Math.min(dialogScrollMost, dialogScroll + (Keys.up(k) ? -1 : 1)));
            return this;
        }
        if (kind == Kind.CONFIRM_LEAVE) {
            overlay = null;
            return c == 'y' || c == 'q' || Keys.enter(k) ? leave() : this;
        }
        if (kind == Kind.RESULT) {
            switch (table.endKey(k)) {
                case BOARD -> {
                    overlay = null;
                    refuse(table.message());
                    checkEnd();
                }
                case LEAVE -> {
                    return leave();
                }
                case QUIT -> {
                    return null;
                }
                case NEXT_LEVEL -> {
                    String next = table.nextLevel();
                    table.close();
                    return App.solo(ctx, next);
                }
                default -> { }
            }
            return this;
        }
        if (kind == Kind.BRIEFING && c == 'q') {
            return askLeave();
        }
        if (kind == Kind.BRIEFING && c == '?') {
            overlay = help();
            return this;
        }
        if (kind == Kind.HINT && c == 'H' && table.game() != null) {
            overlay = hint(table.game());
            return this;
        }
        overlay = null;
        return this;
    }

    private Overlay hint(Game game) {
        List<String> hints = table.hints();
        List<BoardView.LogLine> lines = new ArrayList<>();
        if (hints.isEmpty()) {
            lines.add(new BoardView.LogLine(table.noHints(), Tone.NORMAL));
        } else {
            hintsShown = Math.max(1, Math.min(hints.size(), hintsShown + 1));
            for (int i = 0; i < hintsShown; i++) {
                lines.add(new BoardView.LogLine((i + 1) + ". " + hints.get(i), Tone.NORMAL));
            }
            if (hintsShown < hints.size()) {
                lines.add(new BoardView.LogLine(chrome.say("hint.more"), Tone.DIM));
            }
        }
        return new Overlay(Kind.HINT, chrome.say("hint.title"), lines);
    }

    private Overlay help() {
        String[][] keys = {
            {"↑ ↓  k j", "process"}, {"← →  h l", "page"}, {"f", "fork"}, {"v", "vfork"}, {"e", "exec"},
            {"w", "write"}, {"r", "read"}, {"x", "exit"}, {"p", "pass"}, {":", "command"}, {"u", "undo"}, {"H", "hint"},
            {"b", "briefing"}, {"[ ]", "log"}, {"t", "tournament"}, {"q", "quit"},
        };
        List<BoardView.LogLine> lines = new ArrayList<>();
        for (String[] row : keys) {
            lines.add(new BoardView.LogLine(Columns.fit(row[0], 10) + chrome.say("help." + row[1]), Tone.NORMAL));
        }
        lines.add(new BoardView.LogLine("", Tone.NORMAL));
        lines.add(new BoardView.LogLine(chrome.say("help.legend"), Tone.DIM));
        return new Overlay(Kind.HELP, chrome.say("help.title"), lines);
    }

    @Override
    public void close() {
        table.close();
    }
}
