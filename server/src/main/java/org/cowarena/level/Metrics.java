package org.cowarena.level;

/**
 * What a run is scored on. {@code moves} counts accepted moves (a segv counts, a
 * refusal does not); {@code faults} counts page faults (zero fills, copies, reuses,
 * zero-page maps, major faults); {@code reclaims} the page-cache frames reclaim took,
 * {@code majorFaults} the pages read back after it.
 */
public record Metrics(int moves, int copies, int framesCopied, int peakFrames, int faults, int rejected,
                      int reclaims, int majorFaults) {

    /** A run's metrics before memory pressure was counted. */
    public Metrics(int moves, int copies, int framesCopied, int peakFrames, int faults, int rejected) {
        this(moves, copies, framesCopied, peakFrames, faults, rejected, 0, 0);
    }

    /** The value of a metric by its level name ({@code moves}, {@code copies}, ...). */
    public int get(String metric) {
        return switch (metric) {
            case "moves" -> moves;
            case "copies" -> copies;
            case "framesCopied" -> framesCopied;
            case "peakFrames", "peak" -> peakFrames;
            case "faults" -> faults;
            case "rejected" -> rejected;
            case "reclaims" -> reclaims;
            case "majorFaults" -> majorFaults;
            default -> throw new IllegalArgumentException("unknown metric " + metric);
        };
    }

    public static final java.util.List<String> NAMES =
            java.util.List.of("moves", "copies", "framesCopied", "peakFrames", "faults", "rejected", "reclaims",
                    "majorFaults");
}
