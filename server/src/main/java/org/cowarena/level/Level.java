package org.cowarena.level;

import java.util.List;
import java.util.Map;
import org.cowarena.kernel.MemoryConfig;
import org.cowarena.kernel.ProgramImage;

/**
 * A level, version 1 (levels/README.md), as loaded and checked by {@link LevelLoader}.
 *
 * @param source    where it was loaded from (a path or a bundled id), for messages
 * @param titles    language → title; a plain-text title is stored under {@code en}
 * @param briefing  language → text; a plain-text briefing is stored under {@code en}
 * @param stars     metric → the best known result (3 stars at or under every threshold)
 * @param hintTexts the hints in order, each language → text (a plain-text hint under {@code en})
 * @param explain   event type (or a huge-page explain key) → its notes in order, each told with the
 *                  first event of that type that meets the note's condition
 * @param actors    scripted moves of the environment, played after each accepted player move
 * @param seats     the owners that are players, in turn order; other owners' processes belong
 *                  to the level (moved by its actors, or by nobody)
 */
public record Level(String source, String id, Map<String, String> titles, LevelKind kind, Map<String, String> briefing,
                    MemoryConfig memory, List<ProgramImage> programs, List<ProcessSpec> processes,
                    List<SetupMove> setup, MoveRules moves, List<Goal> goals, Map<String, Integer> stars,
                    List<Map<String, String>> hintTexts, Map<String, List<ExplainNote>> explain, List<Actor> actors,
                    List<String> seats) {
    public Level {
        titles = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(titles));
        briefing = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(briefing));
        programs = List.copyOf(programs);
        processes = List.copyOf(processes);
        setup = List.copyOf(setup);
        goals = List.copyOf(goals);
        stars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stars));
        hintTexts = hintTexts.stream().map(h -> java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(h))).toList();
        explain = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(explain));
        actors = List.copyOf(actors);
        seats = List.copyOf(seats);
    }

    /**
     * The explain key whose notes a player reads for {@code event}: its own key when the level
     * has notes for it (a huge page's fault), else its type's.
     */
    public String explainKey(org.cowarena.kernel.Event event) {
        return explain.containsKey(event.explainKey()) ? event.explainKey() : event.type();
    }

    /**
     * The level's note without a condition on an event type (or a huge-page explain key) in a
     * language (falling back to English), if any: the one the first event of that type reads
     * when no note with a condition matched it first.
     */
    public java.util.Optional<String> explain(String eventType, String language) {
        return explain.getOrDefault(eventType, List.of()).stream().filter(n -> n.when().any()).findFirst()
                .flatMap(n -> n.text(language));
    }

    /**
     * The note that goes with {@code event}, caused by {@code move} on {@code kernel} (as it is
     * after the move): the first of its key's notes with a condition, in the level's order,
     * whose condition holds, else its key's note without one; a huge page's fault tries its
     * {@code huge-} notes, then its type's. A caller tells a note once, the first time it is
     * returned.
     */
    public java.util.Optional<ExplainNote> note(org.cowarena.kernel.Event event, org.cowarena.move.Move move,
                                                org.cowarena.kernel.Kernel kernel) {
        List<String> keys = event.explainKey().equals(event.type()) ? List.of(event.type())
                : List.of(event.explainKey(), event.type());
        EventFacts facts = null;
        for (String key : keys) {
            List<ExplainNote> notes = explain.getOrDefault(key, List.of());
            for (ExplainNote n : notes) {
                if (!n.when().any()) {
                    facts = facts != null ? facts : EventFacts.of(event, move, kernel);
                    if (n.when().holds(facts)) {
                        return java.util.Optional.of(n);
                    }
                }
            }
            java.util.Optional<ExplainNote> plain = notes.stream().filter(n -> n.when().any()).findFirst();
            if (plain.isPresent()) {
                return plain;
            }
        }
        return java.util.Optional.empty();
    }

    /** The briefing in a language, falling back to English. */
    public String briefing(String language) {
        return in(briefing, language);
    }

    /** The title in English: what the server, its logs, journals and the command line use. */
    public String title() {
        return in(titles, "en");
    }

    /** The title in a language, falling back to English. */
    public String title(String language) {
        return in(titles, language);
    }

    /**
     * The hints in English: what the server sends (a client shows the hint in its player's
     * language by finding it among {@link #hintTexts}, see {@link #hint(String, String)}).
     */
    public List<String> hints() {
        return hints("en");
    }

    /** The hints in a language, each falling back to English. */
    public List<String> hints(String language) {
        return hintTexts.stream().map(h -> in(h, language)).toList();
    }

    /**
     * A hint as a player reads it: {@code text} in {@code language} when it is one of the
     * level's hints in English (as the server sends a revealed hint), else {@code text}
     * unchanged (a teacher's own words).
     */
    public String hint(String text, String language) {
        return hintTexts.stream().filter(h -> h.get("en").equals(text)).findFirst().map(h -> in(h, language))
                .orElse(text);
    }

    private static String in(Map<String, String> byLanguage, String language) {
        return byLanguage.getOrDefault(language, byLanguage.getOrDefault("en", ""));
    }
}
