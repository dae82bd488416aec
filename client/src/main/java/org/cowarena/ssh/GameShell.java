package org.cowarena.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.Signal;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.cowarena.protocol.Names;
import org.cowarena.tui.App;

/**
 * One SSH session's shell: the game and nothing else. Its own thread runs the board on a
 * {@link ChannelTerminal} for the player the SSH user name names, behind the input guard and
 * the output throttle; the board's end (quit, Ctrl-C, a takeover, the idle timeout, the channel
 * closing) ends the session, never the server.
 */
final class GameShell implements Command {
    static final double INPUT_BYTES_PER_SECOND = 2048;
    static final double OUTPUT_BYTES_PER_SECOND = 256 * 1024;

    private final Classroom classroom;
    private InputStream in;
    private OutputStream out;
    private ExitCallback exit;
    private InputGuard input;
    private OutputStream screen;
    private ChannelSession channel;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Thread thread;
    private volatile String farewell;

    GameShell(Classroom classroom) {
        this.classroom = classroom;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        // the board writes to the terminal only
    }

    @Override
    public void setExitCallback(ExitCallback exit) {
        this.exit = exit;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        this.channel = channel;
        input = new InputGuard(in, INPUT_BYTES_PER_SECOND, InputGuard.FLOOD_BYTES);
        screen = new OutputThrottle(out, OUTPUT_BYTES_PER_SECOND, OUTPUT_BYTES_PER_SECOND);
        ChannelTerminal terminal = new ChannelTerminal(input, screen, ChannelTerminal.sizeOf(env.getEnv()));
        env.addSignalListener((c, signal) -> terminal.resized(ChannelTerminal.sizeOf(env.getEnv())), Signal.WINCH);
        String user = channel.getSession().getUsername();
        Map<String, String> vars = new HashMap<>(env.getEnv());
        if (!vars.containsKey(Environment.ENV_TERM)) {
            // no pty request (ssh -T): keys would come a line at a time, and nothing draws the board
            say("COW Arena needs a terminal: connect with  ssh -t -p " + classroom.options().port()
                    + " NAME@this-server  (or leave out -T).");
            exit.onExit(App.USAGE);
            return;
        }
        Thread t = new Thread(() -> run(user, vars, terminal), "ssh-session");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void run(String user, Map<String, String> env, ChannelTerminal terminal) {
        int status = App.USAGE;
        String name = Names.name(user == null ? "" : user);
        try {
            String problem = Names.problem(name);
            if (problem != null) {
                say("COW Arena: your SSH user name is your name in the game, and " + problem + ".");
                say("Connect as: ssh -p " + classroom.options().port() + " NAME@this-server");
                return;
            }
            if (!classroom.seats().take(name, this)) {
                int most = classroom.options().maxSessions();
                say("COW Arena: the server is full (at most " + most + (most == 1 ? " player" : " players")
                        + " over SSH at once): try again in a while.");
                return;
            }
            try {
                status = classroom.play(name, env, terminal);
            } catch (IOException e) {
                say("COW Arena: the game cannot be reached (" + e.getMessage() + "): ask your teacher.");
            }
            if (farewell != null) {
                say(farewell);
            }
        } catch (InterruptedException e) {
            status = App.INTERRUPTED;
        } finally {
            classroom.seats().leave(name, this); // also when interrupted while taking the seat over
            ended.countDown();
            exit.onExit(status);
        }
    }

    /** A line on the player's terminal, outside the board. */
    private void say(String line) {
        try {
            screen.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            screen.flush();
        } catch (IOException e) {
            // the channel is gone: nobody to tell
        }
    }

    /** Another login with this name takes the seat: this session leaves. */
    void takenOver() {
        farewell = "COW Arena: you logged in again elsewhere, and that session has your seat now.";
        input.end();
    }

    /** No key for the idle timeout: this session leaves. */
    void idledOut(long idleMillis) {
        String after = idleMillis < 120_000 ? Math.round(idleMillis / 1000.0) + " seconds"
                : Math.round(idleMillis / 60_000.0) + " minutes";
        farewell = "COW Arena: closed after " + after + " with no key. Log in again to go on.";
        input.end();
    }

    /** Nanoseconds since the player's last key. */
    long idleNanos() {
        return input.idleNanos();
    }

    /** Waits for this session's board to end; past the timeout, closes its channel. */
    void awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        if (!ended.await(timeout, unit)) {
            Thread t = thread;
            if (t != null) {
                t.interrupt();
            }
            channel.close(true);
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        if (input != null) {
            input.end(); // the connection is gone: the board leaves, the seat waits for a reconnect
        }
    }
}
