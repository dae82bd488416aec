package org.cowarena.server;

import java.util.List;
import java.util.Optional;
import org.cowarena.protocol.Messages;

/** A server of rooms: each with its join code, seats, game and journal; a player without a code takes the first open seat. */
final class RoomsHost implements Host, Outbox {
    private final Transport transport;
    private final RoomIndex index = new RoomIndex();

    RoomsHost(Transport transport) {
        this.transport = transport;
    }

    /** Adds a room, opened or resumed already. */
    void add(Room room) {
        index.add(room);
    }

    @Override
    public Transport transport() {
        return transport;
    }

    @Override
    public Joined join(Peer c, Messages.Hello hello, String name) {
        return index.join(transport, c, hello, name);
    }

    @Override
    public List<RoomStatus> rooms() {
        return index.statuses();
    }

    @Override
    public Optional<Room> room(String code) {
        return index.room(code);
    }

    @Override
    public String teacherRefusal() {
        return "this server hosts rooms, not a race: teacher commands steer a race (serve --race)";
    }

    @Override
    public void tokenIssued(String token, Room room) {
        index.tokenIssued(token, room);
    }

    @Override
    public void shutdown() {
        index.shutdown();
    }
}
