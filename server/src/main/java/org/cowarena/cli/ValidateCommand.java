package org.cowarena.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cowarena.level.LevelException;
import org.cowarena.level.LevelLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code validate PATH...}: checks level files (directories are searched for *.yaml). A file
 * named {@code chapters.yaml} is checked as the campaign's chapter list.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks levels and prints file:line:column: message for each problem.",
            "A directory is searched for *.yaml files; a bundled level id is accepted too.",
            "A file named chapters.yaml is checked as the campaign's chapter list.",
            "Exit status: 0 when every level is valid, 1 when any is invalid."})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "level files, directories or bundled ids")
    private List<String> paths;

    @Option(names = {"-v", "--verbose"}, description = "also print a line for each valid level")
    private boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int invalid = 0;
        for (String arg : paths) {
            for (String level : expand(arg, out)) {
                if (level == null) {
                    invalid++;
                    continue;
                }
                try {
                    if (Path.of(level).getFileName().toString().equals("chapters.yaml")) {
                        org.cowarena.level.Chapters.load(Path.of(level)); // the campaign's chapter list, not a level
                        if (verbose) {
                            out.println(level + ": ok (chapters)");
                        }
                        continue;
                    }
                    var loaded = LevelLoader.resolve(level);
                    if (verbose) {
                        out.println(level + ": ok (" + loaded.id() + ")");
                    }
                } catch (LevelException e) {
                    invalid++;
                    e.problems().forEach(out::println);
                }
            }
        }
        out.flush();
        return invalid == 0 ? ExitCodes.OK : ExitCodes.INVALID;
    }

    /** The levels an argument names; a null entry stands for a directory that could not be read. */
    private static List<String> expand(String arg, PrintWriter out) {
        Path path = Path.of(arg);
        if (!Files.isDirectory(path)) {
            return List.of(arg);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            List<String> files = walk.filter(p -> p.toString().endsWith(".yaml") && Files.isRegularFile(p))
                    .map(Path::toString).sorted().collect(Collectors.toList());
            if (files.isEmpty()) {
                out.println(arg + ": no *.yaml level in this directory");
                List<String> none = new ArrayList<>();
                none.add(null);
                return none;
            }
            return files;
        } catch (IOException | java.io.UncheckedIOException e) {
            out.println(arg + ": cannot read: " + CliErrors.describe(e));
            List<String> none = new ArrayList<>();
            none.add(null);
            return none;
        }
    }
}
