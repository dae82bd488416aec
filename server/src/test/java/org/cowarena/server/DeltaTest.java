package org.cowarena.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryonet.Server;
import org.cowarena.protocol.Messages;
import org.cowarena.protocol.Protocol;
import org.junit.jupiter.api.Test;

/** A delta carries the move, not its events: every client replays it and has them all. */
class DeltaTest {
    @Test
    void aDeltaStaysSmallWhateverItsMoveDid() {
        var kryo = new Server().getKryo();
        Protocol.register(kryo);
        Messages.MoveDelta d = new Messages.MoveDelta();
        d.move = "madvise 1 0-4095 dontfork";
        d.index = Protocol.MAX_MOVES_PER_GAME;
        d.digest = Long.MIN_VALUE;
        Output out = new Output(1 << 16);
        kryo.writeClassAndObject(out, d);
        assertThat(out.position()).isLessThanOrEqualTo(64);
    }
}
