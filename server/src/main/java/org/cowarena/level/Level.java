package org.cowarena.level;

import java.util.List;
import java.util.Map;
import org.cowarena.kernel.MemoryConfig;
import org.cowarena.kernel.ProgramImage;

/**
 * A level, version 1 (DESIGN §5), as loaded and checked by {@link LevelLoader}.
 *
 * @param source    where it was loaded from (a path or a bundled id), for messages
 * @param briefing  language → text; a plain-text briefing is stored under {@code en}
 * @param stars     metric → the best known result (3 stars at or under every threshold)
 */
public record Level(String source, String id, String title, LevelKind kind, Map<String, String> briefing,
                    MemoryConfig memory, List<ProgramImage> programs, List<ProcessSpec> processes,
                    List<SetupMove> setup, MoveRules moves, List<Goal> goals, Map<String, Integer> stars,
                    List<String> hints) {
    public Level {
        briefing = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(briefing));
        programs = List.copyOf(programs);
        processes = List.copyOf(processes);
        setup = List.copyOf(setup);
        goals = List.copyOf(goals);
        stars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stars));
        hints = List.copyOf(hints);
    }

    /** The briefing in a language, falling back to English. */
    public String briefing(String language) {
        return briefing.getOrDefault(language, briefing.getOrDefault("en", ""));
    }
}
