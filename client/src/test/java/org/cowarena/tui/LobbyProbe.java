package org.cowarena.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.util.List;
import org.cowarena.board.Theme;
import org.cowarena.board.VirtualScreens;
import org.cowarena.client.Session;
import org.cowarena.client.Waits;
import org.cowarena.protocol.Messages;
import org.cowarena.protocol.Protocol;
import org.cowarena.server.GameServer;
import org.cowarena.server.LevelText;
import org.cowarena.server.RoomStatus;
import org.cowarena.server.ServeConfig;

/**
 * Run by {@link LobbyDiscoveryTest} inside a private network namespace (only loopback up):
 * starts a server with LAN discovery and two rooms (one with a player waiting), opens the
 * lobby scene on a virtual terminal, waits for its discovery to list the rooms, picks the
 * waiting player's room and joins it. Prints each screen and what the server saw.
 */
public final class LobbyProbe {
    private static final long DEADLINE_MILLIS = 20_000;

    private LobbyProbe() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int udp = Integer.parseInt(args[1]);
        ServeConfig config = ServeConfig.defaults(List.of(LevelText.resolve("arena/first-touch")))
                .withRooms(2, List.of("LAN1", "LAN2")).withPlayers(2).withPorts(port, udp).withName("Room 101");
        GameServer server = GameServer.create(config);
        server.start();
        int status = 1;
        Messages.Hello hello = new Messages.Hello("alice", "LAN2", null, false);
        hello.version = Protocol.VERSION;
        Session alice = new Session("127.0.0.1", port, hello);
        try {
            alice.connect(5000);
            Waits.until(() -> players(server, "LAN2") == 1, DEADLINE_MILLIS, "alice seated in LAN2");
            Context ctx = new Context(Theme.mono(), "en", null, "bob", List.of(), udp);
            DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(100, 30));
            TerminalScreen screen = new TerminalScreen(vt);
            screen.startScreen();
            Scene scene = new LobbyScene(ctx, udp);
            long deadline = System.nanoTime() + DEADLINE_MILLIS * 1_000_000L;
            while (!show(screen, vt, scene).matches("(?s).*\\d+ rooms? found.*") && System.nanoTime() < deadline) {
                scene.idle(15);
            }
            System.out.println("--- lobby");
            System.out.print(show(screen, vt, scene));
            scene = scene.key(new KeyStroke(KeyType.ArrowDown));
            scene = scene.key(new KeyStroke(KeyType.Enter));
            System.out.println("--- after Enter: " + scene.getClass().getSimpleName());
            Scene joined = scene;
            deadline = System.nanoTime() + DEADLINE_MILLIS * 1_000_000L;
            while (players(server, "LAN2") < 2 && System.nanoTime() < deadline) {
                joined.idle(15);
            }
            while (!show(screen, vt, joined).contains("bob") && System.nanoTime() < deadline) {
                joined.idle(15);
            }
            System.out.print(show(screen, vt, joined));
            System.out.println("--- server");
            for (RoomStatus r : server.rooms()) {
                System.out.println("room " + r.code() + " players " + r.players() + " started " + r.started());
            }
            joined.close();
            status = 0;
        } finally {
            alice.close();
            server.close();
        }
        System.exit(status);
    }

    private static int players(GameServer server, String code) {
        return server.rooms().stream().filter(r -> r.code().equals(code)).mapToInt(RoomStatus::players).sum();
    }

    private static String show(TerminalScreen screen, DefaultVirtualTerminal vt, Scene scene) throws Exception {
        scene.draw(screen.newTextGraphics());
        screen.refresh();
        return VirtualScreens.text(vt);
    }
}
