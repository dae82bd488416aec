package org.cowarena.board.bench;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.cowarena.board.BoardRenderer;
import org.cowarena.board.BoardView;
import org.cowarena.board.BoardViews;
import org.cowarena.board.LogBook;
import org.cowarena.board.Theme;
import org.cowarena.game.Game;
import org.cowarena.game.Turn;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.MoveParser;
import org.cowarena.report.Narrator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A full redraw of a 1,024-frame board (614 frames in use, a fork with 100 copies) at
 * 160x48: building the view from the game, drawing it into the screen's back buffer, and
 * the complete refresh that writes every cell to a (virtual) terminal.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
public class RedrawBenchmark {
    @Param({"colour", "mono"})
    public String theme;

    private Game game;
    private Narrator narrator;
    private LogBook log;
    private Turn turn;
    private Screen screen;
    private Theme look;
    private BoardView view;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        String text;
        try (InputStream in = RedrawBenchmark.class.getClassLoader().getResourceAsStream("big-board.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        game = Game.start(LevelLoader.parse(text, "big-board.yaml"));
        narrator = new Narrator(game, "en");
        log = new LogBook(narrator, game.level());
        turn = game.play(MoveParser.parseMove("write 1 200 Z"));
        log.move("", turn);
        look = theme.equals("mono") ? Theme.mono() : Theme.colour();
        screen = new TerminalScreen(new DefaultVirtualTerminal(new TerminalSize(160, 48)));
        screen.startScreen();
        view = view();
    }

    private BoardView view() {
        return BoardViews.of(game, narrator, "solo", 1, 200, Optional.of(turn)).withLog(log.lines())
                .withStatus(BoardView.StatusLine.of("f fork  q quit"));
    }

    /** The view model only. */
    @Benchmark
    public BoardView buildView() {
        return view();
    }

    /** Drawing a built view into the back buffer. */
    @Benchmark
    public Screen draw() {
        BoardRenderer.draw(view, look, screen.newTextGraphics());
        return screen;
    }

    /** A full redraw after a move: the view built from the game, every cell of the screen's buffer drawn. */
    @Benchmark
    public Screen redraw() {
        BoardRenderer.draw(view(), look, screen.newTextGraphics());
        return screen;
    }

    /** The same, then a complete refresh that sends every cell to the (virtual) terminal. */
    @Benchmark
    public Screen redrawAndRefresh() throws IOException {
        BoardRenderer.draw(view(), look, screen.newTextGraphics());
        screen.refresh(Screen.RefreshType.COMPLETE);
        return screen;
    }
}
