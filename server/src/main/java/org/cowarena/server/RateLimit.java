package org.cowarena.server;

/**
 * A token bucket per connection: {@code burst} messages at once, {@code perSecond} after
 * that. Only the connection's network thread calls it.
 */
final class RateLimit {
    private final double perSecond;
    private final double burst;
    private double tokens;
    private long last;
    private int dropped;

    RateLimit(double perSecond, double burst, long nowNanos) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.last = nowNanos;
    }

    /** True when a message may pass now; false when it is over the rate and must be dropped. */
    boolean allow(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - last) / 1e9 * perSecond);
        last = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        dropped++;
        return false;
    }

    /** Messages dropped so far: a connection that keeps flooding is closed. */
    int dropped() {
        return dropped;
    }
}
