package org.cowarena.solver;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.cowarena.game.Game;

/**
 * What the search deduplicates on: a 128-bit fingerprint of the kernel's state words
 * ({@link org.cowarena.kernel.Kernel#stateWords}) plus the turn when the level's actors
 * still have moves to make (their next moves depend on it). The counters and the peak
 * are not part of it: two states with the same key but other metrics are compared by
 * dominance, never merged.
 *
 * <p>The fingerprint is two 64-bit hashes of the words computed in two unrelated ways
 * (a multiply-add and an xor-multiply chain, each finished by a 64-bit mixer); two
 * different states share a key only if both collide. For the tens of millions of
 * states a search keeps, the chance of any such pair is far below one in a billion —
 * the price of keeping 16 bytes a state instead of the words themselves.
 *
 * <p>Page values count only as far as a goal can tell them apart: each value a goal
 * names is itself, every other value is one and the same. The kernel never looks at a
 * value, so states that differ only in values no goal names have the same future.
 */
record StateKey(long hi, long lo) {
    private static final long M1 = 0x9E3779B97F4A7C15L;
    private static final long M2 = 0xC6A4A7935BD1E995L;

    /** Makes keys for one search; page values get small ids. Safe to share between threads. */
    static final class Encoder {
        /** The id of every value no goal names. */
        private static final int OTHER = 0;

        private final Map<String, Integer> valueIds = new HashMap<>();

        /** {@code named}: the values goals name, each told apart from all others. */
        Encoder(Set<String> named) {
            for (String value : named) {
                valueIds.put(value, valueIds.size() + 1);
            }
        }

        /** The key of {@code game}; {@code turn} is -1 once the actors have nothing left to play. */
        StateKey key(Game game, int turn) {
            int[] words = game.kernel().stateWords(v -> valueIds.getOrDefault(v, OTHER));
            long a = M1 * (words.length + 1L) + turn;
            long b = M2 ^ (turn * M1);
            for (int w : words) {
                a = a * M2 + (w & 0xffffffffL);
                b = (b ^ (w & 0xffffffffL)) * M1;
                b = Long.rotateLeft(b, 29);
            }
            return new StateKey(mix(a), mix(b ^ words.length));
        }

        /** The 64-bit finaliser of MurmurHash3: every input bit reaches every output bit. */
        private static long mix(long h) {
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            h *= 0xc4ceb9fe1a85ec53L;
            return h ^ (h >>> 33);
        }
    }
}
