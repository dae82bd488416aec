package org.cowarena.level;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One chapter of the campaign ({@code levels/chapters.yaml}): it introduces one idea and
 * ends with its challenge, the last level listed.
 *
 * @param title  language → title; {@code en} is always there
 * @param levels the bundled level ids in playing order, at least one
 */
public record Chapter(String id, Map<String, String> title, List<String> levels) {
    public Chapter {
        title = Collections.unmodifiableMap(new LinkedHashMap<>(title));
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("chapter " + id + " has no level");
        }
    }

    /** The title in a language, falling back to English. */
    public String title(String language) {
        return title.getOrDefault(language, title.get("en"));
    }

    /** The chapter's last, harder level. */
    public String challenge() {
        return levels.get(levels.size() - 1);
    }
}
