package org.cowarena.cli;

import com.esotericsoftware.kryonet.Client;
import com.esotericsoftware.kryonet.Connection;
import com.esotericsoftware.kryonet.Listener;
import com.esotericsoftware.minlog.Log;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.cowarena.protocol.Messages;
import org.cowarena.protocol.Protocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code teacher}: sends one teacher command to a race server and prints its answer. */
@Command(name = "teacher", mixinStandardHelpOptions = true,
        description = {"Sends a teacher command to a race server (serve --race): start, pause, stop,",
            "hint [TEXT] (the room level's next hint without TEXT), kick NAME, next, export (results.csv and",
            "results.json written in the server's journal directory), reclaim NAME (a one-time code that gives",
            "NAME's place back on another machine: --token CODE).",
            "Exit status 0 when done, 1 when refused (the reason is printed), 3 when the server is unreachable."})
final class TeacherCommandCli implements Callable<Integer> {
    static final int UNREACHABLE = 3;

    @Spec
    private CommandSpec spec;

    @Option(names = "--connect", paramLabel = "HOST[:PORT]", defaultValue = "127.0.0.1",
            description = "the race server (default: ${DEFAULT-VALUE}, port " + Protocol.DEFAULT_PORT + ")")
    private String connect;

    @Option(names = "--token", paramLabel = "TOKEN", required = true,
            description = "the teacher token the server printed when it started")
    private String token;

    @Parameters(index = "0", paramLabel = "COMMAND",
            description = "start, pause, stop, hint, kick, next, export or reclaim")
    private String command;

    @Parameters(index = "1..*", paramLabel = "ARG",
            description = "the hint's text, or the player to kick or to give a reclaim code")
    private List<String> argument = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String host = connect;
        int port = Protocol.DEFAULT_PORT;
        int colon = connect.lastIndexOf(':');
        if (colon > 0) {
            host = connect.substring(0, colon);
            try {
                port = Integer.parseInt(connect.substring(colon + 1));
            } catch (NumberFormatException e) {
                err.println("teacher: --connect " + connect + ": the port is a number");
                return ExitCodes.BAD_INPUT;
            }
        }
        Log.set(Log.LEVEL_NONE);
        Client client = new Client(Protocol.CLIENT_WRITE_BUFFER, Protocol.CLIENT_OBJECT_BUFFER);
        Protocol.register(client.getKryo());
        BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
        client.addListener(new Listener() {
            @Override
            public void received(Connection c, Object message) {
                inbox.add(message);
            }

            @Override
            public void disconnected(Connection c) {
                inbox.add(Boolean.FALSE);
            }
        });
        try {
            client.start();
            client.connect(5000, host, port);
            client.sendTCP(new Messages.Hello("teacher", null, null, true));
            client.sendTCP(new Messages.TeacherCommand(token, command, String.join(" ", argument)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                Object m = inbox.poll(100, TimeUnit.MILLISECONDS);
                if (m instanceof Messages.TeacherReply reply) {
                    if (reply.ok) {
                        out.println(command + ": done" + (reply.reason == null ? "" : ": " + reply.reason));
                        return ExitCodes.OK;
                    }
                    err.println("teacher: " + command + " refused: " + reply.reason);
                    return ExitCodes.INVALID;
                } else if (m instanceof Messages.Refusal refusal) {
                    err.println("teacher: the server refused the connection: " + refusal.reason);
                    return ExitCodes.INVALID;
                } else if (Boolean.FALSE.equals(m)) {
                    break;
                }
            }
            err.println("teacher: no answer from " + connect + " (is it a race server?)");
            return UNREACHABLE;
        } catch (IOException e) {
            err.println("teacher: cannot reach " + connect + ": " + CliErrors.describe(e));
            return UNREACHABLE;
        } finally {
            client.stop();
        }
    }
}
