package org.cowarena.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cowarena.game.Game;
import org.cowarena.game.GoalCheck;
import org.cowarena.game.Overrun;
import org.cowarena.game.Score;
import org.cowarena.game.Standing;
import org.cowarena.game.Turn;
import org.cowarena.kernel.Kernel;
import org.cowarena.kernel.Stats;
import org.cowarena.level.Level;
import org.cowarena.level.LevelException;
import org.cowarena.level.LevelLoader;
import org.cowarena.level.LevelKind;
import org.cowarena.level.Metrics;
import org.cowarena.move.MoveParser;
import org.cowarena.move.MoveSyntaxException;
import org.cowarena.move.ScriptLine;
import org.cowarena.report.JsonReport;
import org.cowarena.report.Narrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code play --level L --moves F [--json]}: applies a moves file to a level and tells what happened. */
@Command(name = "play", mixinStandardHelpOptions = true,
        description = {"Plays a moves file on a level and narrates every event (or prints JSON lines).",
            "Refused moves are reported and the run goes on.",
            "Exit status: 0 when the run completed (goal met or not), 2 when the level or moves cannot be read."})
final class PlayCommand implements Callable<Integer> {
    /** Larger moves files are refused rather than read into memory. */
    private static final long MAX_MOVES_BYTES = 64L << 20;

    @Spec
    private CommandSpec spec;

    @Option(names = "--level", required = true, paramLabel = "LEVEL",
            description = "a level file, or a bundled level id such as campaign/01-fork")
    private String levelArg;

    @Option(names = "--moves", required = true, paramLabel = "FILE",
            description = "the moves, one a line in the move notation (# starts a comment)")
    private Path movesFile;

    @Option(names = "--json", description = "print one JSON object a line: one per move, then a final one")
    private boolean json;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en",
            description = "language of the narration: en or zh (default: ${DEFAULT-VALUE})")
    private String language;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Level level;
        List<ScriptLine> script;
        Game game;
        try {
            level = LevelLoader.resolve(levelArg);
            script = readMoves(movesFile);
            game = Game.start(level);
        } catch (LevelException e) {
            e.problems().forEach(p -> err.println(p));
            return ExitCodes.BAD_INPUT;
        } catch (BadMovesFile e) {
            err.println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (!Narrator.LANGUAGES.contains(language)) {
            err.println("--lang " + language + ": not a language the game speaks (" + String.join(", ",
                    Narrator.LANGUAGES) + ")");
            return ExitCodes.BAD_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        Narrator narrator = new Narrator(game, language);
        if (!json) {
            out.println(narrator.say("header", level.id(), level.title(language)));
        }
        for (ScriptLine line : script) {
            Turn turn = game.play(line.player(), line.move());
            if (json) {
                JsonReport.lines(turn).forEach(out::println);
            } else {
                out.println(turn.n() + ". " + line.notation());
                for (String sentence : narrator.narrate(turn)) {
                    out.println("   " + sentence);
                }
            }
        }
        if (json) {
            out.println(JsonReport.finalLine(game));
        } else {
            printSummary(out, game, narrator);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static List<ScriptLine> readMoves(Path file) throws BadMovesFile {
        String text;
        try {
            if (Files.size(file) > MAX_MOVES_BYTES) {
                throw new BadMovesFile(file + ": too large (over 64 MiB)");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadMovesFile(file + ": cannot read: " + CliErrors.describe(e));
        }
        try {
            return MoveParser.parseScript(text);
        } catch (MoveSyntaxException e) {
            throw new BadMovesFile(file + ":" + e.line() + ":" + e.column() + ": " + e.reason());
        }
    }

    private static void printSummary(PrintWriter out, Game game, Narrator n) {
        Kernel kernel = game.kernel();
        Stats s = kernel.stats();
        Metrics m = game.metrics();
        Score score = game.score();
        out.println();
        out.println(n.say("summary.frames", kernel.used(), kernel.peak(), kernel.totalFrames()));
        out.println(n.say("summary.counts", m.moves(), s.copies(), s.framesCopied(), s.reuses(), s.zeroFills(),
                s.oomKills(), s.segv(), m.rejected()));
        out.println(n.say("summary.goal"));
        for (GoalCheck check : score.checks()) {
            out.println("  [" + (check.met() ? "x" : " ") + "] " + n.describe(check.goal()));
        }
        if (game.level().kind() == LevelKind.ARENA) {
            out.println(n.say("summary.standings"));
            for (Standing st : game.standings()) {
                out.println("  " + n.say("summary.standing", st.rank(), st.player(), st.jobsMet(), st.jobs(),
                        st.alive(), st.charged()));
            }
        }
        if (!score.met()) {
            out.println(n.say("summary.notMet"));
            return;
        }
        StringBuilder line = new StringBuilder(n.say("summary.met", score.stars()));
        for (Overrun o : score.overruns()) {
            line.append("; ").append(n.say("summary.over", o.metric(), o.value(), o.best()));
        }
        out.println(line);
    }


    /** A moves file that cannot be read or parsed. */
    private static final class BadMovesFile extends Exception {
        private static final long serialVersionUID = 1L;

        BadMovesFile(String message) {
            super(message);
        }
    }
}
