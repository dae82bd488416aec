package org.cowarena.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryonet.Server;
import java.util.ArrayList;
import java.util.List;
import org.cowarena.game.Turn;
import org.cowarena.kernel.Event;
import org.cowarena.kernel.FrameKind;
import org.cowarena.kernel.Outcome;
import org.cowarena.move.Move;
import org.cowarena.protocol.Messages;
import org.cowarena.protocol.Protocol;
import org.junit.jupiter.api.Test;

class DeltaTest {
    private static int wireBytes(Messages.MoveDelta d) {
        var kryo = new Server().getKryo();
        Protocol.register(kryo);
        Output out = new Output(1 << 16);
        kryo.writeClassAndObject(out, d);
        return out.position();
    }

    @Test
    void aMoveThatFreesAWholeLargeProcessStillTravelsInUnderAKibibyte() {
        List<Event> events = new ArrayList<>();
        events.add(new Event.Exit(7));
        for (int f = 0; f < 100_000; f++) {
            events.add(new Event.Free(f, FrameKind.ANON));
        }
        Messages.MoveDelta d = new Messages.MoveDelta();
        d.move = "exit 7";
        Room.fillEvents(d, new Turn(1, new Move.Exit(7), Outcome.done(events)));
        assertThat(d.events.length + d.omittedEvents).isEqualTo(events.size());
        assertThat(d.events[0]).isEqualTo("{\"type\":\"exit\",\"pid\":7}");
        assertThat(wireBytes(d)).isLessThanOrEqualTo(1024);
    }

    @Test
    void aSmallMoveCarriesAllItsEvents() {
        Messages.MoveDelta d = new Messages.MoveDelta();
        Room.fillEvents(d, new Turn(1, new Move.Fork(1), Outcome.done(List.of(new Event.Fork(1, 2)))));
        assertThat(d.events).containsExactly("{\"type\":\"fork\",\"pid\":1,\"child\":2}");
        assertThat(d.omittedEvents).isZero();
    }
}
