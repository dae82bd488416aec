package org.cowarena.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cowarena.level.LevelException;
import org.cowarena.race.RaceReplay;
import org.cowarena.race.RaceResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code results}: a race's results, computed by replaying its journal through the game. */
@Command(name = "results", mixinStandardHelpOptions = true,
        description = {"Writes a race's results: every player x level, solved, best moves, copies and peak",
            "frames, stars, attempts, time to solve and the best solution in the move notation.",
            "Computed by playing the journal again; without --csv or --json the CSV goes to standard output."})
final class ResultsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--journal", paramLabel = "DIR", required = true,
            description = "the race's journal directory (serve --race ... --journal DIR)")
    private Path journal;

    @Option(names = "--csv", paramLabel = "FILE", description = "write the CSV here (atomically)")
    private Path csv;

    @Option(names = "--json", paramLabel = "FILE", description = "write the JSON here (atomically)")
    private Path json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!RaceReplay.present(journal)) {
            err.println("results: " + journal + ": no race journal (" + RaceReplay.FILE + ") there");
            return ExitCodes.BAD_INPUT;
        }
        List<RaceResults.Row> rows;
        try {
            rows = RaceResults.rows(RaceReplay.read(journal).ledger());
        } catch (LevelException e) {
            e.problems().forEach(err::println);
            return ExitCodes.BAD_INPUT;
        } catch (IOException e) {
            err.println("results: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (csv == null && json == null) {
            out.print(RaceResults.csv(rows));
            out.flush();
            return ExitCodes.OK;
        }
        try {
            if (csv != null) {
                writeAtomically(csv, RaceResults.csv(rows));
            }
            if (json != null) {
                writeAtomically(json, RaceResults.json(rows));
            }
        } catch (IOException e) {
            err.println("results: cannot write: " + CliErrors.describe(e));
            return ExitCodes.BAD_INPUT;
        }
        return ExitCodes.OK;
    }

    /** A temporary file beside the target, forced to the disk, then moved over it: readers never see half a file. */
    static void writeAtomically(Path target, String text) throws IOException {
        org.cowarena.report.AtomicFile.write(target, text);
    }
}
