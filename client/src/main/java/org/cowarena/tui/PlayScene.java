package org.cowarena.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cowarena.board.BoardRenderer;
import org.cowarena.board.BoardView;
import org.cowarena.board.BoardViews;
import org.cowarena.board.Chrome;
import org.cowarena.board.Columns;
import org.cowarena.board.Tone;
import org.cowarena.game.Game;
import org.cowarena.game.GoalCheck;
import org.cowarena.game.Overrun;
import org.cowarena.game.Score;
import org.cowarena.level.Level;
import org.cowarena.level.Metrics;
import org.cowarena.move.Move;
import org.cowarena.move.MoveParser;
import org.cowarena.move.MoveSyntaxException;

/**
 * The board and its keys: selection with arrows or hjkl, a key per move, the ':' command
 * line with completion, undo, hints, help, and the result when the game ends. Works on any
 * {@link Table}: a solo game, a room, a replay.
 */
final class PlayScene implements Scene {
    private final Context ctx;
    private final Chrome chrome;
    private final Table table;
    /** The bundled level id (for progress and the next level), or null for a level file or a room. */
    private final String levelId;
    private int pid = -1;
    private int vpn;
    private CommandLine command;
    private List<String> choices = List.of();
    private String note;
    private Tone noteTone = Tone.INFO;
    private Overlay overlay;
    private boolean resultShown;
    private int hintsShown;
    private int round;
    private TerminalSize size = new TerminalSize(80, 24);

    private enum Kind {
        BRIEFING, HELP, HINT, RESULT, ENDED
    }

    private record Overlay(Kind kind, String title, List<BoardView.LogLine> lines) {
    }

    PlayScene(Context ctx, Table table, String levelId, Level briefing) {
        this.ctx = ctx;
        this.chrome = ctx.chrome();
        this.table = table;
        this.levelId = levelId;
        if (briefing != null) {
            overlay = briefing(briefing);
        }
    }

    private Overlay briefing(Level level) {
        List<BoardView.LogLine> lines = new ArrayList<>();
        lines.add(new BoardView.LogLine(level.title(), Tone.TITLE));
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
                    .withLog(table.log().lines()).withTurn(table.turnText()).withStatus(status());
            BoardRenderer.draw(view, ctx.theme(), chrome, g);
        }
        if (overlay != null) {
            BoardRenderer.dialog(g, ctx.theme(), overlay.title(), overlay.lines());
        }
    }

    private BoardView.StatusLine status() {
        if (command != null) {
            String shown = ":" + command.text() + (choices.isEmpty() ? "" : "   " + String.join(" ", choices));
            return new BoardView.StatusLine(shown, Tone.NORMAL, 1 + Columns.width(command.text().substring(0,
                    command.cursor())));
        }
        if (note != null) {
            return new BoardView.StatusLine(note, noteTone, -1);
        }
        if (table.message() != null) {
            return new BoardView.StatusLine(table.message(), Tone.REFUSED, -1);
        }
        // a room has no undo: the other seats have seen the move
        return BoardView.StatusLine.of(chrome.say(table instanceof ReplayTable ? "keys.replay"
                : table instanceof RaceTable ? "keys.race" : table instanceof RoomTable ? "keys.room" : "keys.solo"));
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
            if (overlay != null && overlay.kind() == Kind.ENDED) {
                overlay = null;
            }
        }
        Game game = table.game();
        if (game == null) {
            return;
        }
        if (table instanceof RaceTable race) {
            // the result is redrawn while it shows: the class's leaderboard follows the acknowledgement
            boolean showing = overlay != null && overlay.kind() == Kind.ENDED;
            if (race.ended().isPresent() && (!resultShown || showing)) {
                resultShown = true;
                List<BoardView.LogLine> lines = new ArrayList<>();
                race.ended().get().forEach(l -> lines.add(new BoardView.LogLine(l, Tone.NORMAL)));
                overlay = new Overlay(Kind.ENDED, chrome.say("ended.race"), lines);
            }
            return;
        }
        if (resultShown) {
            return;
        }
        if (!table.solo() && table.ended().isPresent()) {
            resultShown = true;
            List<BoardView.LogLine> lines = new ArrayList<>();
            table.ended().get().forEach(l -> lines.add(new BoardView.LogLine(l, Tone.NORMAL)));
            lines.add(new BoardView.LogLine("", Tone.NORMAL));
            lines.add(new BoardView.LogLine(table.endKeys(), Tone.DIM));
            overlay = new Overlay(Kind.ENDED, chrome.say("ended.title"), lines);
            return;
        }
        if (!table.solo()) {
            return;
        }
        Score score = game.score();
        boolean outOfMoves = game.level().moves().limit().isPresent() && game.movesLeft() == 0;
        if (score.met() || outOfMoves) {
            resultShown = true;
            overlay = result(game, score);
            if (score.met() && levelId != null) {
                String problem = ctx.progress().record(levelId, score.stars());
                if (problem != null) {
                    note = problem;
                    noteTone = Tone.REFUSED;
                }
            }
        }
    }

    private Overlay result(Game game, Score score) {
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
            lines.add(new BoardView.LogLine((c.met() ? "[x] " : "[ ] ") + table.log().narrator().describe(c.goal()),
                    c.met() ? Tone.MET : Tone.UNMET));
        }
        lines.add(new BoardView.LogLine("", Tone.NORMAL));
        for (Map.Entry<String, Integer> star : game.level().stars().entrySet()) {
            int value = m.get(star.getKey());
            boolean over = score.overruns().stream().map(Overrun::metric).anyMatch(star.getKey()::equals);
            String metric = chrome.sayOr("metric." + star.getKey(), star.getKey());
            lines.add(new BoardView.LogLine(String.format(java.util.Locale.ROOT, "%s %3d   %s%s",
                    metric + " ".repeat(Math.max(0, 10 - Columns.width(metric))), value,
                    chrome.say("result.best", star.getValue()), over ? "   " + chrome.say("result.costsStar") : ""),
                    over ? Tone.UNMET : Tone.MET));
        }
        lines.add(new BoardView.LogLine(chrome.say("result.metrics", m.moves(), m.copies(), m.framesCopied(),
                m.peakFrames(), m.faults()), Tone.DIM));
        lines.add(new BoardView.LogLine("", Tone.NORMAL));
        boolean next = nextLevel() != null && score.met();
        lines.add(new BoardView.LogLine(chrome.say(next ? "result.keys.next"
                : ctx.campaign().isEmpty() ? "result.keys.quit" : "result.keys.menu"), Tone.DIM));
        return new Overlay(Kind.RESULT, chrome.say(score.met() ? "result.complete" : "result.outOfMoves"), lines);
    }

    private String nextLevel() {
        int i = levelId == null ? -1 : ctx.campaign().indexOf(levelId);
        return i >= 0 && i + 1 < ctx.campaign().size() ? ctx.campaign().get(i + 1) : null;
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
            return leave();
        }
        if (c == '?') {
            overlay = help();
            return this;
        }
        if (game == null) {
            return this;
        }
        if (table instanceof ReplayTable replay) {
            if (c == 'n' || c == ' ' || c == ']') {
                replay.seek(replay.position() + 1);
                return this;
            } else if (c == 'p' || c == '[' || Keys.is(k, KeyType.Backspace)) {
                replay.seek(replay.position() - 1);
                return this;
            } else if (c == 'g' || Keys.is(k, KeyType.Home)) {
                replay.seek(0);
                return this;
            } else if (c == 'G' || Keys.is(k, KeyType.End)) {
                replay.seek(replay.length());
                return this;
            }
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

    private Scene leave() {
        if (!ctx.campaign().isEmpty() && table.solo()) {
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
        String problem = table.undo();
        if (problem != null) {
            note = problem;
            noteTone = Tone.REFUSED;
        } else {
            resultShown = false;
        }
    }

    private void offer(String move) {
        String why = table.whyNotMove();
        if (why != null) {
            note = why;
            noteTone = Tone.REFUSED;
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
        switch (line) {
            case "quit", "q" -> {
                return leave();
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
            case "retry", "next" -> {
                if (table instanceof RaceTable race) {
                    note = race.attempt(line.equals("next"));
                    noteTone = Tone.REFUSED;
                } else {
                    note = chrome.say("command.raceOnly", line);
                    noteTone = Tone.REFUSED;
                }
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
                    note = "column " + e.column() + ": " + e.reason();
                    noteTone = Tone.REFUSED;
                }
                return this;
            }
        }
    }

    private Scene overlayKey(KeyStroke k) {
        char c = Keys.ch(k);
        Kind kind = overlay.kind();
        if (kind == Kind.RESULT) {
            if (c == 'u') {
                overlay = null;
                undo();
            } else if (c == 'r' && table instanceof SoloTable solo) {
                overlay = null;
                resultShown = false;
                String problem = solo.restart();
                if (problem != null) {
                    note = problem;
                }
            } else if (Keys.enter(k) && nextLevel() != null && table.game() != null && table.game().score().met()) {
                table.close();
                return App.solo(ctx, nextLevel());
            } else if (c == 'q' || Keys.escape(k) || Keys.enter(k)) {
                return leave();
            }
            return this;
        }
        if (kind == Kind.ENDED && table instanceof RaceTable race) {
            if (c == 'q') {
                return null;
            }
            if (c == 'r' || c == 'n' || Keys.enter(k) && race.hasNext()) {
                String problem = race.attempt(c != 'r');
                if (problem != null) {
                    note = problem;
                    noteTone = Tone.REFUSED;
                }
                return this;
            }
            overlay = null;
            return this;
        }
        if (kind == Kind.ENDED) {
            if (c == 'q' || Keys.escape(k) || Keys.enter(k)) {
                return null;
            }
            overlay = null;
            return this;
        }
        if (kind == Kind.BRIEFING && c == 'q') {
            return leave();
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
        List<String> hints = game.level().hints();
        List<BoardView.LogLine> lines = new ArrayList<>();
        if (table instanceof RaceTable race) {
            // in a race the teacher decides when hints are revealed, for everyone at once
            String revealed = race.hint();
            lines.add(new BoardView.LogLine(revealed == null ? chrome.say("hint.race.none")
                    : chrome.say("hint.race.teacher", revealed), Tone.NORMAL));
            return new Overlay(Kind.HELP, chrome.say("hint.title"), lines);
        }
        if (hints.isEmpty()) {
            lines.add(new BoardView.LogLine(chrome.say("hint.none"), Tone.NORMAL));
        } else {
            hintsShown = Math.min(hints.size(), hintsShown + 1);
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
            {"w", "write"}, {"r", "read"}, {"x", "exit"}, {":", "command"}, {"u", "undo"}, {"H", "hint"},
            {"b", "briefing"}, {"t", "tournament"}, {"q", "quit"},
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
