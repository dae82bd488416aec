package org.cowarena.ssh;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A player's keys from the channel, guarded: bytes come to the terminal at a typist's rate at
 * most (a burst, then {@code bytesPerSecond}), and what waits beyond {@link #FLOOD_BYTES} at
 * once — a paste, a flood of escape sequences — is dropped, since no one types that much
 * between two frames. It also tells when the last byte came (the idle timeout), and ends the
 * input on request ({@link #end}): the board reads that as the end of the session and leaves.
 * The terminal only reads what {@link #available} reports, so a read never waits here. A
 * carriage return (what Enter sends) becomes a newline, as the line discipline of a local tty
 * makes it.
 */
final class InputGuard extends FilterInputStream {
    /** Bytes waiting at once beyond which they are a flood, not keys. */
    static final int FLOOD_BYTES = 4096;

    private final double bytesPerSecond;
    private final double burst;
    private double tokens;
    private long refilled = System.nanoTime();
    private volatile long lastInput = System.nanoTime();
    private volatile boolean ended;
    private long dropped;

    InputGuard(InputStream in, double bytesPerSecond, double burst) {
        super(in);
        this.bytesPerSecond = bytesPerSecond;
        this.burst = burst;
        this.tokens = burst;
    }

    /** Ends the input: the next read sees its end. */
    void end() {
        ended = true;
    }

    boolean ended() {
        return ended;
    }

    /** Nanoseconds since the last byte came in. */
    long idleNanos() {
        return System.nanoTime() - lastInput;
    }

    /** Bytes dropped as floods so far. */
    synchronized long dropped() {
        return dropped;
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - refilled) * bytesPerSecond / 1e9);
        refilled = now;
    }

    @Override
    public synchronized int available() throws IOException {
        if (ended) {
            return 1; // the end, which read returns at once
        }
        int waiting = super.available();
        if (waiting > FLOOD_BYTES) {
            lastInput = System.nanoTime();
            dropped += super.skip(waiting);
            return 0;
        }
        refill();
        return (int) Math.min(waiting, Math.max(0, Math.floor(tokens)));
    }

    @Override
    public synchronized int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (ended) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        refill();
        int ask = (int) Math.max(1, Math.min(len, Math.floor(tokens)));
        int n = super.read(b, off, ask);
        if (n > 0) {
            tokens -= n;
            lastInput = System.nanoTime();
            for (int i = off; i < off + n; i++) {
                if (b[i] == '\r') {
                    b[i] = '\n'; // Enter, as a tty's line discipline (ICRNL) gives it: no tty does it here
                }
            }
        }
        return n;
    }

    @Override
    public long skip(long n) {
        return 0; // the terminal never skips keys
    }
}
