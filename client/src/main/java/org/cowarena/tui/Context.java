package org.cowarena.tui;

import java.util.List;
import org.cowarena.board.Chrome;
import org.cowarena.board.Theme;

/**
 * What every scene shares: the theme, the language of the narration, the saved progress,
 * the player's name, the campaign's level ids (empty when one level was opened directly), and
 * the UDP port the lobby's LAN discovery asks on.
 */
record Context(Theme theme, String language, Progress progress, String name, List<String> campaign,
               int discoveryPort) {
    Context {
        campaign = List.copyOf(campaign);
    }

    /** The words around the game (headings, keys, dialogs) in this language. */
    Chrome chrome() {
        return Chrome.of(language);
    }
}
