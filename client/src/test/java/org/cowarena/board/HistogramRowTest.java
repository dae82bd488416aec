package org.cowarena.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** A metric's histogram on one line, the player's value bracketed. */
class HistogramRowTest {
    private static final Chrome EN = Chrome.english();

    @Test
    void eachValueIsABarAndYoursIsBracketed() {
        TreeMap<Integer, Long> moves = new TreeMap<>(Map.of(2, 2L, 3, 30L, 4, 310L, 6, 0L));
        assertThat(HistogramRow.of("moves", 8, moves, 3, 24, EN))
                .isEqualTo("moves      2 ▁[▁]█   6  yours 3 · top 10%");
        assertThat(HistogramRow.of("moves", 8, moves, 2, 24, EN)).isEqualTo("moves      2 [▁]▁█   6  yours 2 · top 1%");
    }

    @Test
    void aValueOutsideTheCountWidensTheAxis() {
        TreeMap<Integer, Long> peak = new TreeMap<>(Map.of(4, 5L));
        assertThat(HistogramRow.of("peak", 4, peak, 6, 24, EN)).isEqualTo("peak   4 █ [ ] 6  yours 6 · top 100%");
        assertThat(HistogramRow.of("peak", 4, peak, 3, 24, EN))
                .isEqualTo("peak   3 [ ]█ 4  yours 3: best of all counted");
        assertThat(HistogramRow.of("peak", 4, new TreeMap<>(), 3, 24, EN)).isEqualTo("peak  yours 3: no solution counted");
    }

    @Test
    void manyValuesShareBars() {
        TreeMap<Integer, Long> copies = new TreeMap<>();
        for (int v = 0; v < 100; v++) {
            copies.put(v, 1L);
        }
        String line = HistogramRow.of("copies", 6, copies, 50, 10, EN);
        assertThat(line).startsWith("copies   0 █████[█]████ 99  yours 50 · top 51%");
    }

    @Property(tries = 300)
    void theLineAlwaysFitsTheResultDialog(@ForAll @Size(min = 1, max = 40) java.util.List<@IntRange(min = 0,
            max = 200) Integer> values, @ForAll @IntRange(min = 0, max = 250) int yours) {
        TreeMap<Integer, Long> h = new TreeMap<>();
        values.forEach(v -> h.merge(v, 1L, Long::sum));
        String line = HistogramRow.of("frames copied", 13, h, yours, 16, EN);
        assertThat(Columns.width(line)).isLessThanOrEqualTo(72);
        assertThat(line.chars().filter(c -> c == '[').count()).isEqualTo(1);
    }
}
