package org.cowarena.client;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryonet.Client;
import com.esotericsoftware.kryonet.ClientDiscoveryHandler;
import com.esotericsoftware.minlog.Log;
import java.io.PrintWriter;
import java.net.DatagramPacket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cowarena.protocol.Messages;
import org.cowarena.protocol.Protocol;

/** LAN discovery from the client's side: who answers, with their rooms and player counts. */
public final class Discover {
    /** A server that answered, at the address it answered from. */
    public record Found(String address, Messages.DiscoveryReply reply) {
    }

    private Discover() {
    }

    /**
     * Broadcasts a discovery request on every interface and collects the answers for
     * {@code timeoutMillis}; a server answering twice is listed once.
     */
    public static List<Found> find(int discoveryPort, int timeoutMillis) {
        Log.set(Log.LEVEL_NONE);
        Map<String, Found> found = new LinkedHashMap<>();
        Client client = new Client(Protocol.CLIENT_WRITE_BUFFER, Protocol.CLIENT_OBJECT_BUFFER);
        Protocol.register(client.getKryo());
        client.setDiscoveryHandler(new ClientDiscoveryHandler() {
            @Override
            public DatagramPacket onRequestNewDatagramPacket() {
                byte[] buffer = new byte[Protocol.SERVER_OBJECT_BUFFER];
                return new DatagramPacket(buffer, buffer.length);
            }

            @Override
            public void onDiscoveredHost(DatagramPacket packet, Kryo kryo) {
                try {
                    Object o = kryo.readClassAndObject(new Input(packet.getData(), 0, packet.getLength()));
                    new Handlers().on(Messages.DiscoveryReply.class, reply -> {
                        String address = packet.getAddress().getHostAddress() + ":" + reply.port;
                        found.putIfAbsent(address, new Found(address, reply));
                    }).handle(o);
                } catch (RuntimeException e) {
                    // not a COW Arena server (an empty or foreign answer): skip it
                }
            }

            @Override
            public void onFinally() {
            }
        });
        try {
            client.discoverHosts(discoveryPort, timeoutMillis);
        } finally {
            client.stop();
        }
        return new ArrayList<>(found.values());
    }

    static int list(int discoveryPort, PrintWriter out) {
        List<Found> servers = find(discoveryPort, 1500);
        if (servers.isEmpty()) {
            out.println("no COW Arena server answered on UDP port " + discoveryPort);
            return 0;
        }
        for (Found f : servers) {
            Messages.DiscoveryReply r = f.reply();
            out.println(r.server + " at " + f.address() + (r.version != Protocol.VERSION
                    ? " (protocol " + r.version + ", this client speaks " + Protocol.VERSION + ")" : ""));
            for (int i = 0; i < r.rooms.length; i++) {
                out.println("  room " + r.rooms[i] + ": " + r.levels[i] + ", " + r.players[i] + " of " + r.seats[i]
                        + " players, " + r.spectators[i] + " watching");
            }
        }
        return 0;
    }
}
