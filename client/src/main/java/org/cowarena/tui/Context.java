package org.cowarena.tui;

import java.util.List;
import org.cowarena.board.Chrome;
import org.cowarena.board.Theme;

/**
 * What every scene shares: the theme, the language of the narration, the saved progress,
 * the player's name, the campaign's level ids in playing order (empty when one level was opened
 * directly), the UDP port the lobby's LAN discovery asks on, and the campaign's chapters.
 */
record Context(Theme theme, String language, Progress progress, String name, List<String> campaign,
               int discoveryPort, CampaignBook book) {
    Context {
        campaign = List.copyOf(campaign);
    }

    /** A context whose campaign is these levels, as one chapter. */
    Context(Theme theme, String language, Progress progress, String name, List<String> campaign, int discoveryPort) {
        this(theme, language, progress, name, campaign, discoveryPort, CampaignBook.of(campaign));
    }

    /** The words around the game (headings, keys, dialogs) in this language. */
    Chrome chrome() {
        return Chrome.of(language);
    }

    /** The saved solutions, beside the progress file; null without saved progress. */
    Solutions solutions() {
        return progress == null ? null : new Solutions(progress.file().getParent());
    }
}
