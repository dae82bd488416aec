package org.cowarena.tui;

import java.util.List;
import org.cowarena.board.Chrome;
import org.cowarena.board.Theme;

/**
 * What every scene shares: the theme, the language of the narration, the saved progress,
 * the player's name, the campaign's level ids in playing order (empty when one level was opened
 * directly), the UDP port the lobby's LAN discovery asks on, the campaign's chapters, and
 * whether the menu offers the lobby (m). Over SSH it does not: there a player would type any
 * server and join code, and it is the SSH server that would connect there.
 */
record Context(Theme theme, String language, Progress progress, String name, List<String> campaign,
               int discoveryPort, CampaignBook book, boolean lobby) {
    Context {
        campaign = List.copyOf(campaign);
    }

    /** A context whose menu offers the lobby. */
    Context(Theme theme, String language, Progress progress, String name, List<String> campaign, int discoveryPort,
            CampaignBook book) {
        this(theme, language, progress, name, campaign, discoveryPort, book, true);
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
