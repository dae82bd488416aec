package org.cowarena.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cowarena-server}: the headless commands of COW Arena. */
@Command(name = "cowarena-server", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "COW Arena: a game that teaches copy-on-write. Headless play, level checks and the server.",
        subcommands = {PlayCommand.class, ValidateCommand.class, SolveCommand.class, ServeCommand.class,
            ResultsCommand.class, TeacherCommandCli.class, ArenaBenchCommand.class,
            CommandLine.HelpCommand.class})
public final class ServerCli {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line on standard output and error (UTF-8) and returns its exit status. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        try {
            return run(out, err, args);
        } finally {
            out.flush();
        }
    }

    /** Runs the command line and returns its exit status; never lets a stack trace reach the user. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new ServerCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("cowarena-server: " + CliErrors.describe(e));
            if (System.getenv("COWARENA_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            return ExitCodes.BAD_INPUT;
        });
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }
}
