package org.cowarena.ssh;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.UserAuthNoneFactory;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.cowarena.cli.SshFrontEnd;
import org.cowarena.client.SeatTokens;

/**
 * {@code serve --ssh}: an SSH server (Apache MINA SSHD) whose only shell is the game. No exec,
 * no subsystem (so no SFTP or SCP), no port, agent or X11 forwarding: none of their factories
 * is installed, and forwarding is refused. Authentication is none (the SSH user name is the
 * player's name, as {@code --name} is for the jar) or the class password.
 */
public final class SshPlay implements SshFrontEnd {
    /** Connections not yet playing (authenticating, or refused as full) allowed beyond the sessions. */
    private static final int SPARE_CONNECTIONS = 32;
    /**
     * How often each client is asked whether it is still there, and how long it has to answer:
     * a connection that went silent (a laptop's lid closed, Wi-Fi gone) is closed within twice
     * this, and the player's seat waits for them as a dropped jar's does.
     */
    static final Duration KEEPALIVE = Duration.ofSeconds(15);
    private static final String KEEPALIVE_REQUEST = "keepalive@openssh.com";

    @Override
    public Closeable start(Options options, Consumer<String> log) throws IOException {
        Path dir = (options.stateDir() != null ? options.stateDir() : SeatTokens.ofUser(System.getenv()).dir())
                .resolve("ssh");
        HostKey key = HostKey.in(dir);
        String hostName = hostName();
        Classroom classroom = new Classroom(options, dir, hostName);
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setPort(options.port());
        sshd.setKeyPairProvider(key.provider());
        if (options.password() == null) {
            sshd.setUserAuthFactories(List.of(UserAuthNoneFactory.INSTANCE));
        } else {
            byte[] secret = options.password().getBytes(StandardCharsets.UTF_8);
            sshd.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE));
            sshd.setPasswordAuthenticator((user, password, session) ->
                    MessageDigest.isEqual(secret, password.getBytes(StandardCharsets.UTF_8)));
        }
        sshd.setPublickeyAuthenticator(null);
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.setHostBasedAuthenticator(null);
        sshd.setShellFactory(channel -> new GameShell(classroom));
        sshd.setCommandFactory(null);
        sshd.setSubsystemFactories(List.of());
        sshd.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        sshd.setAgentFactory(null);
        CoreModuleProperties.MAX_CONCURRENT_CHANNELS.set(sshd, 1);
        // the board's own idle check closes a session with no key; this one catches connections that never play
        CoreModuleProperties.IDLE_TIMEOUT.set(sshd, Duration.ofMillis(options.idleMillis()).plusMinutes(1));
        CoreModuleProperties.AUTH_TIMEOUT.set(sshd, Duration.ofMinutes(1));
        CoreModuleProperties.SERVER_IDENTIFICATION.set(sshd, "COWArena");
        // Every session is interactive: send each screen update at once, as OpenSSH's sshd does for
        // a session with a pty. With Nagle's algorithm (MINA's default) a small update waits for
        // the client's delayed acknowledgement of the one before: about 40 ms a redraw on Linux.
        CoreModuleProperties.TCP_NODELAY.set(sshd, true);
        sshd.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                if (sshd.getActiveSessions().size() > options.maxSessions() + SPARE_CONNECTIONS) {
                    session.close(true);
                }
            }
        });
        sshd.start();
        ScheduledExecutorService idle = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ssh-idle");
            t.setDaemon(true);
            return t;
        });
        idle.scheduleWithFixedDelay(() -> keepalive(sshd), KEEPALIVE.toMillis(), KEEPALIVE.toMillis(),
                TimeUnit.MILLISECONDS);
        long every = Math.max(100, Math.min(10_000, options.idleMillis() / 4));
        idle.scheduleWithFixedDelay(() -> {
            for (GameShell shell : classroom.seats().all()) {
                if (shell.idleNanos() > TimeUnit.MILLISECONDS.toNanos(options.idleMillis())) {
                    shell.idledOut(options.idleMillis());
                }
            }
        }, every, every, TimeUnit.MILLISECONDS);
        log.accept("ssh: students play on port " + options.port() + ", host key " + key.fingerprint()
                + " (kept in " + dir + ")");
        log.accept("ssh: students type  ssh -p " + options.port() + " NAME@" + hostName
                + (options.password() == null ? "  (NAME is their name in the game; no password)"
                : "  (NAME is their name in the game; the password is the class password)"));
        return () -> {
            idle.shutdownNow();
            sshd.stop(true);
        };
    }

    /**
     * Asks every authenticated client to answer (OpenSSH's own keepalive request: a client that
     * does not know it still answers that it failed, which is an answer); one that does not
     * answer in time is closed. Each ask waits on a thread of its own.
     */
    private static void keepalive(SshServer sshd) {
        for (Session session : sshd.getActiveSessions()) {
            if (!session.isAuthenticated() || !session.isOpen()) {
                continue;
            }
            Thread ask = new Thread(() -> {
                try {
                    Buffer request = session.createBuffer(SshConstants.SSH_MSG_GLOBAL_REQUEST);
                    request.putString(KEEPALIVE_REQUEST);
                    request.putBoolean(true);
                    session.request(KEEPALIVE_REQUEST, request, KEEPALIVE);
                } catch (IOException | RuntimeException e) {
                    session.close(true); // no answer: the connection is gone
                }
            }, "ssh-keepalive");
            ask.setDaemon(true);
            ask.start();
        }
    }

    /** This machine's name, as students' machines on the LAN most likely resolve it. */
    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "this-server";
        }
    }
}
