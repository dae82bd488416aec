package org.cowarena.client;

import java.util.function.IntConsumer;
import org.cowarena.bot.Strategy;
import org.cowarena.protocol.Messages;

/** A headless bot client playing in a thread of the test, as {@code cowarena --bot} plays in a process. */
public final class BotThread {
    private BotThread() {
    }

    /** Starts {@code name} playing with {@code strategy} on the server at {@code port}; its exit status goes to {@code done}. */
    public static Thread start(int port, String name, Strategy strategy, IntConsumer done) {
        Session session = new Session("127.0.0.1", port, new Messages.Hello(name, null, null, false));
        BotPlayer bot = new BotPlayer(session, strategy, null, 10_000);
        Thread t = new Thread(() -> {
            try {
                done.accept(bot.run(5000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                session.close();
            }
        }, "bot-" + name);
        t.start();
        return t;
    }
}
