package org.cowarena.client;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.cowarena.server.GameServer;

/**
 * Run by {@link DiscoveryTest} inside a private network namespace (only loopback up): starts
 * a server with discovery, discovers it, and prints what the client found.
 */
public final class DiscoveryProbe {
    private DiscoveryProbe() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int udp = Integer.parseInt(args[1]);
        GameServer server = GameServer.create(TestServer.config(2).withRooms(2, List.of("LAN1", "LAN2"))
                .withPorts(port, udp).withName("Room 101"));
        server.start();
        int status = 1;
        try {
            Session alice = Waits.join(port, "alice", "LAN2", false);
            for (Discover.Found f : Discover.find(udp, 1000)) {
                System.out.println("found " + f.address() + " " + f.reply().server + " "
                        + String.join(",", f.reply().rooms) + " players " + f.reply().players[0] + ","
                        + f.reply().players[1]);
            }
            StringWriter listing = new StringWriter();
            ClientCli.run(new PrintWriter(listing), new PrintWriter(System.err), "--discover", "--discovery-port",
                    Integer.toString(udp));
            System.out.print(listing);
            alice.close();
            status = 0;
        } finally {
            server.close();
        }
        System.exit(status);
    }
}
