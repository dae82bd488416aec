package org.cowarena.client;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A link with no network: two queues, one each way, shared by the two ends of a
 * {@link #pair}. Closing either end closes both, and each end reads {@link Link#CLOSED}
 * once after what was sent before.
 */
public final class QueueLink implements Link {
    private final BlockingQueue<Object> inbox;
    private final BlockingQueue<Object> outbox;
    private final AtomicBoolean open;

    private QueueLink(BlockingQueue<Object> inbox, BlockingQueue<Object> outbox, AtomicBoolean open) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.open = open;
    }

    /** Two connected ends: what one sends, the other polls. */
    public static QueueLink[] pair() {
        BlockingQueue<Object> a = new LinkedBlockingQueue<>();
        BlockingQueue<Object> b = new LinkedBlockingQueue<>();
        AtomicBoolean open = new AtomicBoolean(true);
        return new QueueLink[] {new QueueLink(a, b, open), new QueueLink(b, a, open)};
    }

    @Override
    public boolean send(Object message) {
        if (!open.get()) {
            return false;
        }
        outbox.add(message);
        return true;
    }

    @Override
    public Object poll(long timeoutMillis) throws InterruptedException {
        return inbox.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean connected() {
        return open.get();
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            inbox.add(CLOSED);
            outbox.add(CLOSED);
        }
    }
}
