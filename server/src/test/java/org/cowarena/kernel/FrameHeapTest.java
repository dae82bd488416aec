package org.cowarena.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The reclaim order's heap against a TreeSet of (stamp, frame) keys, on random operations. */
class FrameHeapTest {
    private static final int FRAMES = 64;

    record Op(int kind, int frame, int stamp) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, FRAMES - 1),
                Arbitraries.integers().between(0, 20)).as(Op::new).list().ofMaxSize(400);
    }

    @Property(tries = 300)
    void theHeadIsAlwaysTheLowestStampThenTheLowestFrame(@ForAll("ops") List<Op> ops) {
        FrameHeap heap = new FrameHeap(FRAMES);
        TreeSet<Long> model = new TreeSet<>();
        long[] keyOf = new long[FRAMES];
        java.util.Arrays.fill(keyOf, -1);
        for (Op op : ops) {
            if (op.kind() < 2) {
                if (keyOf[op.frame()] >= 0) {
                    model.remove(keyOf[op.frame()]);
                }
                keyOf[op.frame()] = FrameHeap.key(op.stamp(), op.frame());
                model.add(keyOf[op.frame()]);
                heap.put(op.frame(), op.stamp());
            } else if (op.kind() == 2) {
                if (keyOf[op.frame()] >= 0) {
                    model.remove(keyOf[op.frame()]);
                    keyOf[op.frame()] = -1;
                }
                heap.remove(op.frame());
            } else if (!model.isEmpty()) {
                int head = (int) (long) model.pollFirst();
                keyOf[head] = -1;
                assertThat(heap.peek()).isEqualTo(head);
                heap.remove(head);
            }
            assertThat(heap.size()).isEqualTo(model.size());
            assertThat(heap.peek()).isEqualTo(model.isEmpty() ? -1 : (int) (long) model.first());
            for (int f = 0; f < FRAMES; f++) {
                assertThat(heap.contains(f)).isEqualTo(keyOf[f] >= 0);
            }
            if (model.size() >= 2) {
                int first = (int) (long) model.first();
                int second = (int) (long) model.higher(model.first());
                assertThat(heap.peekExcept(first)).as("the next after the head").isEqualTo(second);
            }
        }
    }

    @Example
    void aCopyEvolvesApart() {
        FrameHeap heap = new FrameHeap(8);
        heap.put(3, 5);
        heap.put(1, 5);
        FrameHeap copy = new FrameHeap(heap);
        heap.remove(1);
        assertThat(heap.peek()).isEqualTo(3);
        assertThat(copy.peek()).isEqualTo(1);
        copy.put(7, 0);
        assertThat(copy.peek()).isEqualTo(7);
        assertThat(heap.contains(7)).isFalse();
    }
}
