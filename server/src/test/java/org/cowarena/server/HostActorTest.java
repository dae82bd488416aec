package org.cowarena.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A room's, the race's or the tournament's thread logs a failed task with its stack trace and goes on. */
class HostActorTest {
    private static final class Probe extends HostActor {
        Probe(List<String> log) {
            super("probe", Ticker.SYSTEM, log::add);
        }
    }

    @Test
    void aFailedTaskIsLoggedWithItsStackTraceAndTheNextOneRuns() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        Probe actor = new Probe(log);
        try {
            actor.post(() -> {
                throw new IllegalStateException("seat 7 of 2");
            });
            assertThat(actor.call(() -> "after")).isEqualTo("after");
            assertThat(log).hasSize(1);
            assertThat(log.get(0)).startsWith("probe: a task failed")
                    .contains("IllegalStateException: seat 7 of 2")
                    .contains("at org.cowarena.server.HostActorTest");
        } finally {
            actor.stopThread();
        }
    }
}
