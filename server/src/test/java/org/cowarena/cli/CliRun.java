package org.cowarena.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** {@code cowarena-server ARGS} run in-process through {@link ServerCli#run}: its status and what it printed. */
record CliRun(int status, String out, String err) {
    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ServerCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(status, out.toString(), err.toString());
    }

    List<String> lines() {
        return out.lines().toList();
    }
}
