package org.cowarena.bench;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.cowarena.game.Game;
import org.cowarena.game.Turn;
import org.cowarena.level.Level;
import org.cowarena.level.LevelException;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.Move;
import org.cowarena.move.MoveParser;
import org.cowarena.protocol.StateDigest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a multiplayer room does for every move, by board size: the move tried on a copy
 * of the game (so that a refused move, or one the journal could not record, changes
 * nothing), then the digest of the whole board that goes out with the delta. The board
 * is the load benchmark's: four owners' processes with {@code heap} pages each on
 * {@code frames} frames. The move is a write of a private page (no fault): the cost
 * measured is the copy and the digest, which grow with the board, not the move's own.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ServerMoveBenchmark {
    private static final String[] OWNERS = {"ann", "bob", "cat", "dan"};

    @Param({"64:4", "1024:128", "16384:2048"})
    public String board;

    private Game game;
    private Move move;

    @Setup
    public void boot() throws Exception {
        String[] parts = board.split(":");
        int frames = Integer.parseInt(parts[0]);
        int heap = Integer.parseInt(parts[1]);
        StringBuilder yaml = new StringBuilder("format: 1\nid: bench-arena\ntitle: Server move\nkind: arena\n"
                + "memory:\n  frames: " + frames + "\n  oom: kill\n  budget: " + frames / 4 + "\n"
                + "programs:\n  sh: {text: 1, data: [cfg], heap: " + heap + "}\nprocesses:\n");
        for (int i = 0; i < OWNERS.length; i++) {
            yaml.append("  - {pid: ").append(i + 1).append(", program: sh, owner: ").append(OWNERS[i]).append("}\n");
        }
        yaml.append("moves:\n  allowed: [fork, exec, write, read, exit]\n"
                + "goal:\n  - processes: {atLeast: 1}\n");
        Level level = LevelLoader.parse(yaml.toString(), "bench-arena.yaml");
        game = Game.start(level);
        // touch every heap page of pid 1 so that the measured write finds a private page
        for (int v = 2; v < 2 + heap; v++) {
            check(game.play(Optional.of("ann"), MoveParser.parseMove("write 1 " + v + " x")));
        }
        move = MoveParser.parseMove("write 1 2 y");
    }

    private static void check(Turn t) {
        if (!t.outcome().ok()) {
            throw new IllegalStateException("setup move refused: " + t.outcome());
        }
    }

    @Benchmark
    public long copyPlayDigest() throws LevelException {
        Game trial = game.copy();
        trial.play(Optional.of("ann"), move);
        return StateDigest.of(trial);
    }

    @Benchmark
    public Game copyOnly() {
        return game.copy();
    }

    @Benchmark
    public long digestOnly() {
        return StateDigest.of(game);
    }
}
