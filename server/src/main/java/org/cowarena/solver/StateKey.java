package org.cowarena.solver;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.cowarena.game.Game;

/**
 * What the search deduplicates on: the kernel's state words ({@link
 * org.cowarena.kernel.Kernel#stateWords}) plus the turn when the level's actors still
 * have moves to make (their next moves depend on it), packed as variable-length bytes.
 * The counters and the peak are not part of it: two states with the same key but other
 * metrics are compared by dominance, never merged.
 *
 * <p>Page values count only as far as a goal can tell them apart: each value a goal
 * names is itself, every other value is one and the same. The kernel never looks at a
 * value, so states that differ only in values no goal names have the same future.
 */
final class StateKey {
    private final byte[] bytes;
    private final int hash;

    private StateKey(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** Bytes held by the key, for the memory estimate. */
    int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StateKey k && hash == k.hash && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Makes keys for one search; page values get small ids in the order they are first met. */
    static final class Encoder {
        /** The id of every value no goal names. */
        private static final int OTHER = 0;

        private final Map<String, Integer> valueIds = new HashMap<>();
        private byte[] buffer = new byte[256];

        /** {@code named}: the values goals name, each told apart from all others. */
        Encoder(Set<String> named) {
            for (String value : named) {
                valueIds.put(value, valueIds.size() + 1);
            }
        }

        /** The key of {@code game}; {@code turn} is -1 once the actors have nothing left to play. */
        StateKey key(Game game, int turn) {
            int[] words = game.kernel().stateWords(v -> valueIds.getOrDefault(v, OTHER));
            int n = 0;
            n = put(n, turn);
            for (int w : words) {
                n = put(n, w);
            }
            return new StateKey(Arrays.copyOf(buffer, n));
        }

        /** Zigzag varint: most words are small, many are -1. */
        private int put(int n, int word) {
            if (n + 5 > buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            int z = (word << 1) ^ (word >> 31);
            while ((z & ~0x7f) != 0) {
                buffer[n++] = (byte) ((z & 0x7f) | 0x80);
                z >>>= 7;
            }
            buffer[n++] = (byte) z;
            return n;
        }
    }
}
