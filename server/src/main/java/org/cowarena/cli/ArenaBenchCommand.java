package org.cowarena.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cowarena.bot.Bench;
import org.cowarena.bot.BenchResult;
import org.cowarena.bot.Strategies;
import org.cowarena.level.Level;
import org.cowarena.level.LevelException;
import org.cowarena.level.LevelKind;
import org.cowarena.level.LevelLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code arena-bench}: seeded bot-against-bot games on arena levels, counted per level. */
@Command(name = "arena-bench", mixinStandardHelpOptions = true,
        description = {"Plays seeded games between two bot strategies on arena levels, in-process through the",
            "game's rules (no server), and prints wins, draws and losses of the strong strategy per level.",
            "The strong strategy holds one seat, the weak one every other; the strong seat moves round the",
            "table from game to game. The same arguments print the same table.",
            "Exit status: 0 when the games ran, 1 when --min-win was given and a level fell short of it,",
            "2 when a level or an option is bad."})
final class ArenaBenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--level", paramLabel = "LEVEL",
            description = "an arena level file or bundled id, such as arena/land-grab; repeatable"
                    + " (default: every bundled arena level)")
    private List<String> levels = new ArrayList<>();

    @Option(names = "--games", paramLabel = "N", defaultValue = "50",
            description = "games per level (default: ${DEFAULT-VALUE})")
    private int games;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "the seed (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--strong", paramLabel = "STRATEGY", defaultValue = Strategies.STRONGEST,
            description = "the strategy measured (default: ${DEFAULT-VALUE})")
    private String strong;

    @Option(names = "--weak", paramLabel = "STRATEGY", defaultValue = Strategies.WEAKEST,
            description = "the strategy it plays against (default: ${DEFAULT-VALUE})")
    private String weak;

    @Option(names = "--min-win", paramLabel = "PERCENT",
            description = "exit 1 when the strong strategy wins less than this share of some level's games")
    private Integer minWin;

    @Override
    public Integer call() throws LevelException {
        PrintWriter err = spec.commandLine().getErr();
        String problem = problem();
        if (problem != null) {
            err.println(problem);
            return ExitCodes.BAD_INPUT;
        }
        List<String> ids = levels.isEmpty() ? LevelLoader.bundledIds().stream().filter(id -> id.startsWith("arena/"))
                .toList() : levels;
        List<Level> loaded = new ArrayList<>();
        for (String id : ids) {
            Level level = LevelLoader.resolve(id);
            if (level.kind() != LevelKind.ARENA || level.seats().size() < 2) {
                err.println(id + ": not an arena level with two or more seats");
                return ExitCodes.BAD_INPUT;
            }
            loaded.add(level);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-24s %-10s %-10s %5s %5s %5s %6s %5s%n", "level", "strong", "weak", "games", "wins", "draws",
                "losses", "win%");
        boolean short_ = false;
        for (int i = 0; i < loaded.size(); i++) {
            BenchResult r = Bench.run(loaded.get(i), strong, weak, games, seed);
            out.printf("%-24s %-10s %-10s %5d %5d %5d %6d %4d%%%n", ids.get(i), strong, weak, r.games(), r.wins(),
                    r.draws(), r.losses(), r.winPercent());
            out.flush();
            short_ |= minWin != null && r.winPercent() < minWin;
        }
        return short_ ? ExitCodes.INVALID : ExitCodes.OK;
    }

    private String problem() {
        for (String name : List.of(strong, weak)) {
            if (!Strategies.NAMES.contains(name)) {
                return "unknown strategy \"" + name + "\": one of " + String.join(", ", Strategies.NAMES);
            }
        }
        if (games < 1 || games > 100_000) {
            return "--games " + games + ": must be 1 to 100000";
        }
        if (minWin != null && (minWin < 0 || minWin > 100)) {
            return "--min-win " + minWin + ": must be 0 to 100";
        }
        return null;
    }
}
