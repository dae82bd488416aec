package org.cowarena.bot;

import java.util.List;

/** The bot strategies by name, as {@code --bot NAME} takes them. */
public final class Strategies {
    public static final List<String> NAMES = List.of("random", "greedy", "lookahead");
    /** The strategy that plays best ({@code arena-bench} measures it against {@link #WEAKEST}). */
    public static final String STRONGEST = "lookahead";
    /** The baseline: a strategy that plays worse than this one is a bug. */
    public static final String WEAKEST = "random";

    private Strategies() {
    }

    /** A new strategy; {@code seed} fixes its random choices. */
    public static Strategy create(String name, long seed) {
        switch (name) {
            case "random":
                return new RandomLegal(seed);
            case "greedy":
                return new Greedy(seed);
            case "lookahead":
                return new Lookahead(seed);
            default:
                throw new IllegalArgumentException("unknown bot \"" + name + "\": " + String.join(", ", NAMES));
        }
    }
}
