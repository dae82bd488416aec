package org.cowarena.level;

import java.util.Map;
import java.util.Optional;

/**
 * One {@code explain} note of a level: its text per language, and the condition an event
 * must meet for the note to be told with it ({@link When#ANY} for a note keyed by the event
 * type alone).
 */
public record ExplainNote(When when, Map<String, String> text) {
    public ExplainNote {
        text = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(text));
    }

    /** The text in a language, falling back to English. */
    public Optional<String> text(String language) {
        return Optional.ofNullable(text.getOrDefault(language, text.get("en")));
    }
}
