package org.cowarena.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.cowarena.cli.SshFrontEnd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSH front end in this process against MINA SSHD's own client, on a free loopback port,
 * with no game hosted (each session offers the solo campaign): the limits a class meets.
 */
class SshPlayTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();
    private final SshClient client = SshClient.setUpDefaultClient();
    private Closeable server;
    private int port;

    @BeforeEach
    void startClient() {
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
    }

    @AfterEach
    void stop() throws IOException {
        client.stop();
        if (server != null) {
            server.close();
        }
    }

    private void serve(int maxSessions, long idleMillis) throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        server = new SshPlay().start(new SshFrontEnd.Options(port, null, maxSessions, idleMillis, dir, null, 0),
                log::add);
    }

    /** A player's session: what its terminal received, and its channel. */
    private record Player(ChannelShell shell, ByteArrayOutputStream screen) {
        String seen() {
            synchronized (screen) {
                return screen.toString(StandardCharsets.UTF_8);
            }
        }

        /** Waits (up to 30 s) for {@code text} on the terminal; the screen as it was. */
        String waitFor(String text) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!seen().contains(text) && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(20); // the poll interval; the wait is on the text
            }
            assertThat(seen()).contains(text);
            return seen();
        }

        /** Waits for the server to close the channel; its exit status. */
        Integer closed() {
            shell.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), WAIT);
            return shell.getExitStatus();
        }
    }

    private Player login(String name) throws IOException {
        return login(name, true);
    }

    private Player login(String name, boolean pty) throws IOException {
        ClientSession session = client.connect(name, "127.0.0.1", port).verify(WAIT).getSession();
        session.auth().verify(WAIT);
        ChannelShell shell = session.createShellChannel();
        shell.setUsePty(pty);
        shell.setPtyColumns(100);
        shell.setPtyLines(30);
        shell.setEnv("LANG", "C.UTF-8");
        ByteArrayOutputStream screen = new ByteArrayOutputStream() {
            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (this) {
                    super.write(b, off, len);
                }
            }
        };
        shell.setOut(screen);
        shell.setErr(screen);
        shell.open().verify(WAIT);
        return new Player(shell, screen);
    }

    @Test
    void theHostKeyIsMadeOnceAndKeptOwnerOnly() throws IOException {
        serve(10, 60_000);
        String first = log.get(0);
        assertThat(first).containsPattern("host key SHA256:[A-Za-z0-9+/]{43} ");
        assertThat(log.get(1)).contains("ssh -p " + port + " NAME@").contains("no password");
        Path key = dir.resolve("ssh").resolve(HostKey.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        server.close();
        log.clear();
        serve(10, 60_000);
        assertThat(log.get(0).replaceAll(".*(SHA256:\\S+).*", "$1"))
                .isEqualTo(first.replaceAll(".*(SHA256:\\S+).*", "$1"));
    }

    @Test
    void aUserNameThatCannotBeAPlayersNameIsToldWhyAndLeft() throws Exception {
        serve(10, 60_000);
        Player p = login("x".repeat(90));
        p.waitFor("your SSH user name is your name in the game, and a name is at most");
        assertThat(p.closed()).isEqualTo(2);
    }

    @Test
    void theCampaignOverSshOffersNoLobbyToReachOtherServers() throws Exception {
        serve(10, 60_000);
        Player ann = login("ann");
        ann.waitFor("x sandbox   q quit");
        assertThat(ann.seen()).as("the menu's keys do not name it either").doesNotContain("multiplayer");
        ann.shell().getInvertedIn().write("mq".getBytes(StandardCharsets.US_ASCII));
        ann.shell().getInvertedIn().flush();
        // m did nothing, so q left the menu (from the lobby it would have gone back to the menu)
        assertThat(ann.closed()).isEqualTo(0);
        assertThat(ann.seen()).doesNotContain("join a game");
    }

    @Test
    void aSessionWithoutATerminalIsToldToAskForOne() throws Exception {
        serve(10, 60_000);
        Player p = login("ann", false);
        p.waitFor("COW Arena needs a terminal: connect with  ssh -t -p " + port);
        assertThat(p.closed()).isEqualTo(2);
    }

    @Test
    void pastTheSessionLimitANewPlayerIsToldTheServerIsFull() throws Exception {
        serve(1, 60_000);
        Player ann = login("ann");
        ann.waitFor("campaign");
        Player bob = login("bob");
        bob.waitFor("the server is full (at most 1 player over SSH at once)");
        assertThat(bob.closed()).isEqualTo(2);
        assertThat(ann.shell().isOpen()).isTrue();
    }

    @Test
    void aSessionWithNoKeyIsClosedAfterTheIdleTimeoutAndCtrlCLeavesAnother() throws Exception {
        serve(10, 1500);
        Player idle = login("ann");
        idle.waitFor("campaign");
        idle.waitFor("closed after 2 seconds with no key");
        idle.closed();

        // Ctrl-C ends that session with 130, as a shell reports SIGINT; the server takes the next one
        Player bob = login("bob");
        bob.waitFor("campaign");
        bob.shell().getInvertedIn().write(3);
        bob.shell().getInvertedIn().flush();
        assertThat(bob.closed()).isEqualTo(130);
        Player cid = login("cid");
        cid.waitFor("campaign");
    }
}
