package org.cowarena.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cowarena.protocol.Messages;
import org.cowarena.protocol.Names;

/**
 * The rooms a host holds: listed in the order they opened, found by join code and by the
 * seat tokens they gave out. Written by the thread that opens rooms, read by the network
 * and discovery threads.
 */
final class RoomIndex {
    private final List<Room> rooms = new CopyOnWriteArrayList<>();
    private final Map<String, Room> byCode = new ConcurrentHashMap<>();
    private final Map<String, Room> byToken = new ConcurrentHashMap<>();

    void add(Room room) {
        rooms.add(room);
        byCode.put(room.code, room);
    }

    void tokenIssued(String token, Room room) {
        byToken.put(token, room);
    }

    Optional<Room> room(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    List<RoomStatus> statuses() {
        List<RoomStatus> list = new ArrayList<>();
        for (Room r : rooms) {
            list.add(r.status());
        }
        return list;
    }

    /**
     * Routes a Hello to a room: the one its code names, the one that gave out its token, or
     * for a player with neither, the first room with an open seat (a spectator watches the
     * first room). Returns the room the join was posted to, or null after a refusal.
     */
    Room join(Transport transport, Peer c, Messages.Hello hello, String name) {
        String code = code(hello);
        boolean reclaim = hello.token != null && !hello.token.isEmpty();
        Room room;
        boolean reserved = false;
        if (!code.isEmpty()) {
            room = byCode.get(code);
            if (room == null) {
                transport.refuse(c, "no room " + Names.clean(code, 8) + " on this server");
                return null;
            }
        } else {
            room = reclaim ? byToken.get(hello.token) : null;
            if (!hello.spectate && !reclaim) {
                for (Room r : rooms) {
                    if (r.reserveSeat()) {
                        room = r;
                        reserved = true;
                        break;
                    }
                }
            }
            if (room == null && rooms.isEmpty()) {
                transport.refuse(c, "that seat token is not known on this server: join without it");
                return null;
            }
            if (room == null) {
                room = rooms.get(0);
            }
        }
        Room target = room;
        boolean seatReserved = reserved;
        target.post(() -> target.join(c, hello, name, seatReserved));
        return target;
    }

    /** The join code a Hello names, upper case; empty for none. */
    static String code(Messages.Hello hello) {
        return hello.room == null ? "" : hello.room.strip().toUpperCase(Locale.ROOT);
    }

    void shutdown() {
        for (Room r : rooms) {
            r.shutdown();
        }
    }
}
