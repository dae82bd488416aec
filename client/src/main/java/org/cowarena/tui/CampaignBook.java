package org.cowarena.tui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cowarena.level.Chapter;
import org.cowarena.level.Chapters;
import org.cowarena.level.Level;
import org.cowarena.level.LevelException;
import org.cowarena.level.LevelLoader;

/**
 * What the menu lists: the campaign's chapters ({@code levels/chapters.yaml}) and, read once each
 * and kept, the levels' titles and star thresholds; and the bundled sandbox. A build whose chapters
 * cannot be read lists its campaign levels as one chapter, in the index's order, rather than none.
 */
final class CampaignBook {
    /** The bundled free-play board: programs from across the campaign, no goal. */
    static final String SANDBOX = "sandbox/playground";

    private final List<Chapter> chapters;
    private final Map<String, Optional<Level>> levels = new LinkedHashMap<>();

    CampaignBook(List<Chapter> chapters) {
        this.chapters = List.copyOf(chapters);
    }

    /**
     * The bundled campaign: one book for the whole process, so its levels are read once however
     * many players open the menu (over SSH, a class logs in at once).
     */
    static CampaignBook bundled() {
        return Bundled.BOOK;
    }

    /** Read on first use. */
    private static final class Bundled {
        static final CampaignBook BOOK = read();
    }

    private static CampaignBook read() {
        List<String> bundled = LevelLoader.bundledIds();
        try {
            List<Chapter> found = new ArrayList<>();
            for (Chapter c : Chapters.bundled().chapters()) {
                List<String> present = c.levels().stream().filter(bundled::contains).toList();
                if (!present.isEmpty()) {
                    found.add(new Chapter(c.id(), c.title(), present));
                }
            }
            return new CampaignBook(found);
        } catch (LevelException e) {
            return of(bundled.stream().filter(id -> id.startsWith(Chapters.CAMPAIGN)).toList());
        }
    }

    /** A campaign of these levels as one chapter without a title (or none at all when empty). */
    static CampaignBook of(List<String> ids) {
        return new CampaignBook(ids.isEmpty() ? List.of()
                : List.of(new Chapter("campaign", Map.of("en", "Campaign", "zh", "关卡"), ids)));
    }

    List<Chapter> chapters() {
        return chapters;
    }

    List<String> levelIds() {
        List<String> ids = new ArrayList<>();
        chapters.forEach(c -> ids.addAll(c.levels()));
        return List.copyOf(ids);
    }

    boolean hasSandbox() {
        return LevelLoader.bundledIds().contains(SANDBOX);
    }

    /** The bundled level, read once; empty when it cannot be read (the menu still lists its id). */
    synchronized Optional<Level> level(String id) {
        return levels.computeIfAbsent(id, k -> {
            try {
                return Optional.of(LevelLoader.loadBundled(k));
            } catch (LevelException e) {
                return Optional.empty();
            }
        });
    }

    /** The level's title in a language (English where it has none), or its id when it cannot be read. */
    String title(String id, String language) {
        return level(id).map(l -> l.title(language)).orElse(id);
    }
}
