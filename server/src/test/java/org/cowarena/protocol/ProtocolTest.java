package org.cowarena.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryonet.Server;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtocolTest {

    /** Golden: changing the order or the list breaks every client of the old version. Bump VERSION with it. */
    @Test
    void registrationOrderIsPinned() {
        Server server = new Server();
        Protocol.register(server.getKryo());
        List<String> ids = new ArrayList<>();
        for (Class<?> type : Protocol.MESSAGES) {
            ids.add(server.getKryo().getRegistration(type).getId() + " " + type.getSimpleName());
        }
        assertThat(ids).containsExactly("15 Hello", "16 Welcome", "17 Refusal", "18 PlayMove", "19 MoveRefused",
                "20 Snapshot", "21 MoveDelta", "22 SnapshotRequest", "23 Seats", "24 GameOver", "25 ChatSend",
                "26 ChatLine", "27 NewGameRequest", "28 DiscoveryReply", "29 String[]", "30 int[]",
                "31 boolean[]", "32 RaceState", "33 RaceAttempt", "34 RaceAck", "35 TeacherCommand",
                "36 TeacherReply", "37 Leaderboard", "38 LevelBoard", "39 Histogram", "40 LevelBoard[]",
                "41 Histogram[]", "42 long[]", "43 TournamentRound", "44 TournamentStandings");
        assertThat(Protocol.VERSION).isEqualTo(7); // 7: refusals and teacher answers carry a reason code
    }

    @Test
    void everyMessageSurvivesARoundTrip() {
        Kryo kryo = new Server().getKryo();
        Protocol.register(kryo);
        Messages.Snapshot s = new Messages.Snapshot();
        s.room = "ABCD";
        s.levelText = "format: 1";
        s.seats = new String[] {"red", "blue"};
        s.players = new String[] {"alice", null};
        s.connected = new boolean[] {true, false};
        s.moves = new String[] {"red: fork 1"};
        s.digest = -42;
        Output out = new Output(4096);
        kryo.writeClassAndObject(out, s);
        Messages.Snapshot back = (Messages.Snapshot) kryo.readClassAndObject(new Input(out.toBytes()));
        assertThat(back).usingRecursiveComparison().isEqualTo(s);
        for (Class<?> type : Protocol.MESSAGES) {
            if (!type.isArray()) {
                Output o = new Output(4096);
                Object empty = kryo.newInstance(type);
                kryo.writeClassAndObject(o, empty);
                assertThat(kryo.readClassAndObject(new Input(o.toBytes()))).isInstanceOf(type);
            }
        }
    }

    @Test
    void theClientReadsTheLargestSnapshotTheServerSends() {
        assertThat(Protocol.MAX_SNAPSHOT_BYTES).isLessThan(Protocol.CLIENT_OBJECT_BUFFER);
        assertThat(Protocol.MAX_SNAPSHOT_BYTES).isLessThan(Protocol.SERVER_WRITE_BUFFER / 2);
        assertThat(Protocol.MAX_LEVEL_BYTES + Protocol.MAX_MOVES_PER_GAME * 40).isLessThan(Protocol.MAX_SNAPSHOT_BYTES);
    }
}
