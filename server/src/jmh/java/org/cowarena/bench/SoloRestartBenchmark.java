package org.cowarena.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cowarena.protocol.Messages;
import org.cowarena.server.GameServer;
import org.cowarena.server.LevelText;
import org.cowarena.server.LocalLink;
import org.cowarena.server.ServeConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Taking a solo game back, as the client sees it: a solo server on {@code campaign/04-exec}
 * reached over an in-process link; each operation asks the room to go back to its kept start
 * state ({@link GameServer#restart}) and waits for the room's snapshot on the link. Undo runs
 * the same path (back to the state kept after n moves); it is not measured on its own because
 * each undo needs a move played again first, and the server's per-connection rate limit (40
 * messages a second) would pace that, not the undo.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SoloRestartBenchmark {
    private GameServer server;
    private LocalLink link;
    private String room;
    private int seq;

    @Setup(Level.Trial)
    public void start() throws Exception {
        server = GameServer.create(ServeConfig.defaults(List.of(LevelText.resolve("campaign/04-exec")))
                .withPorts(0, 0).withPlayers(1).withName("solo"));
        link = server.attach();
        link.send(new Messages.Hello("ada", null, null, false));
        room = await(Messages.Welcome.class).room;
        await(Messages.Snapshot.class);
        play("exec 3 ls");
        play("exec 2 ls");
    }

    private void play(String move) throws InterruptedException {
        link.send(new Messages.PlayMove(++seq, move));
        await(Messages.MoveDelta.class);
    }

    private <T> T await(Class<T> type) throws InterruptedException {
        while (true) {
            Object m = link.poll(5000);
            if (m == null || m == LocalLink.CLOSED || m instanceof Messages.MoveRefused) {
                throw new IllegalStateException("waiting for " + type.getSimpleName() + ", got " + m);
            }
            if (type.isInstance(m)) {
                return type.cast(m);
            }
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        link.close();
        server.close();
    }

    @Benchmark
    public Messages.Snapshot restart() throws InterruptedException {
        String problem = server.restart(room);
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        return await(Messages.Snapshot.class);
    }
}
