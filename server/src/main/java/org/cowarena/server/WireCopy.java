package org.cowarena.server;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import org.cowarena.protocol.Protocol;

/**
 * Carries a message across an in-process link the way Kryonet carries it across a socket:
 * written with the protocol's registration into a buffer no larger than the wire allows, and
 * read back as a new object. So a game played in process runs the same wire code as one over
 * the network: an unregistered class, a message over the size budget, a field Kryo cannot
 * write fail here as they would there; and the two ends never share a mutable object (a
 * room may reuse or change what it sent, a client may keep what it got).
 */
final class WireCopy {
    /** Kryo instances are not thread-safe: one per thread (each room's, and each client's). */
    private static final ThreadLocal<Kryo> KRYO = ThreadLocal.withInitial(() -> {
        Kryo kryo = new Kryo(); // as Kryonet's KryoSerialization sets it up
        kryo.setReferences(false);
        kryo.setRegistrationRequired(true);
        Protocol.register(kryo);
        return kryo;
    });

    private WireCopy() {
    }

    /** One message as it crossed the wire, and the bytes it took. */
    record Copied(Object message, int bytes) {
    }

    /**
     * Writes and reads back {@code message}; throws Kryo's exception when it cannot be written
     * or is over {@code maxBytes} (the smaller of the sender's write buffer and the receiver's
     * object buffer: over either, Kryonet drops the connection).
     */
    static Copied copy(Object message, int maxBytes) {
        Kryo kryo = KRYO.get();
        Output out = new Output(Math.min(4096, maxBytes), maxBytes);
        kryo.writeClassAndObject(out, message);
        int bytes = out.position();
        return new Copied(kryo.readClassAndObject(new Input(out.getBuffer(), 0, bytes)), bytes);
    }
}
