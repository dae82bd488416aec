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
 * @param explain   event type → language → a note shown the first time that event happens
 * @param actors    scripted moves of the environment, played after each accepted player move
 * @param seats     the owners that are players, in turn order; other owners' processes belong
 *                  to the level (moved by its actors, or by nobody)
 */
public record Level(String source, String id, String title, LevelKind kind, Map<String, String> briefing,
                    MemoryConfig memory, List<ProgramImage> programs, List<ProcessSpec> processes,
                    List<SetupMove> setup, MoveRules moves, List<Goal> goals, Map<String, Integer> stars,
                    List<String> hints, Map<String, Map<String, String>> explain, List<Actor> actors,
                    List<String> seats) {
    public Level {
        briefing = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(briefing));
        programs = List.copyOf(programs);
        processes = List.copyOf(processes);
        setup = List.copyOf(setup);
        goals = List.copyOf(goals);
        stars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stars));
        hints = List.copyOf(hints);
        explain = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(explain));
        actors = List.copyOf(actors);
        seats = List.copyOf(seats);
    }

    /**
     * The explain key whose note a player reads for {@code event}: its own key when the level
     * has a note for it (a huge page's fault), else its type's.
     */
    public String explainKey(org.cowarena.kernel.Event event) {
        return explain.containsKey(event.explainKey()) ? event.explainKey() : event.type();
    }

    /** The level's note on an event type (or a huge-page explain key) in a language (falling back to English), if any. */
    public java.util.Optional<String> explain(String eventType, String language) {
        Map<String, String> note = explain.get(eventType);
        if (note == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(note.getOrDefault(language, note.get("en")));
    }

    /** The briefing in a language, falling back to English. */
    public String briefing(String language) {
        return briefing.getOrDefault(language, briefing.getOrDefault("en", ""));
    }
}
