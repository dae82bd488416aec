package org.cowarena.board;

import java.util.SortedMap;

/**
 * One metric's histogram over the solutions of a level, on one line of text, with the
 * player's value marked: {@code moves      3 ▂▅[█]▃▁ 7  yours 4 · top 60%}. Each bar is a value
 * (or, when there are more values than bars, a run of them), its height the number of
 * solutions there; the bracketed bar holds the player's value; "top N%" is the share of
 * solutions at or better than the player's (every metric is better lower).
 */
public final class HistogramRow {
    private static final String BLOCKS = " ▁▂▃▄▅▆▇█";

    private HistogramRow() {
    }

    /**
     * @param name  the metric as the player reads it, fitted to {@code nameWidth}
     * @param bars  the most bars drawn
     */
    public static String of(String name, int nameWidth, SortedMap<Integer, Long> counts, int yours, int bars,
                            Chrome chrome) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return Columns.fit(name, nameWidth) + "  " + chrome.say("result.hist.empty", yours);
        }
        int min = Math.min(counts.firstKey(), yours);
        int max = Math.max(counts.lastKey(), yours);
        int span = max - min + 1;
        int per = (span + bars - 1) / bars;
        int n = (span + per - 1) / per;
        long[] bucket = new long[n];
        counts.forEach((value, count) -> bucket[(value - min) / per] += count);
        long most = 1;
        for (long b : bucket) {
            most = Math.max(most, b);
        }
        int mine = (yours - min) / per;
        StringBuilder line = new StringBuilder(Columns.fit(name, nameWidth)).append(' ')
                .append(Columns.right(String.valueOf(min), 3)).append(' ');
        for (int i = 0; i < n; i++) {
            int level = bucket[i] == 0 ? 0 : (int) Math.max(1, (8 * bucket[i] + most - 1) / most);
            char block = BLOCKS.charAt(level);
            line.append(i == mine ? "[" + block + "]" : String.valueOf(block));
        }
        long atOrBetter = counts.headMap(yours + 1).values().stream().mapToLong(Long::longValue).sum();
        long top = Math.max(1, (100 * atOrBetter + total - 1) / total);
        line.append(' ').append(max).append("  ").append(atOrBetter == 0
                ? chrome.say("result.hist.best", yours)
                : chrome.say("result.hist.yours", yours, Math.min(100, top)));
        return line.toString();
    }
}
