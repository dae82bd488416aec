package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cowarena.level.Chapters;
import org.cowarena.level.LevelLoader;
import org.junit.jupiter.api.Test;

/** The menu's book of the bundled campaign: every chapter's levels, read once for the whole process. */
class CampaignBookTest {
    @Test
    void theBundledBookListsTheChaptersLevelsInOrder() throws Exception {
        CampaignBook book = CampaignBook.bundled();
        List<String> expected = new ArrayList<>();
        Chapters.bundled().chapters().forEach(c -> expected.addAll(c.levels()));
        assertThat(book.levelIds()).isEqualTo(expected).isNotEmpty();
        assertThat(LevelLoader.bundledIds()).containsAll(book.levelIds());
        assertThat(book.title("campaign/01-fork", "en")).isEqualTo(LevelLoader.loadBundled("campaign/01-fork")
                .title("en"));
    }

    @Test
    void playersOpeningTheMenuAtOnceShareOneBookAndItsLevels() throws Exception {
        // over SSH a class logs in at once: each session's menu must not read the 31 levels again
        ExecutorService sessions = Executors.newFixedThreadPool(8);
        try {
            List<Callable<CampaignBook>> logins = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                logins.add(() -> {
                    CampaignBook book = CampaignBook.bundled();
                    book.levelIds().forEach(id -> book.title(id, "zh"));
                    return book;
                });
            }
            List<Future<CampaignBook>> books = sessions.invokeAll(logins);
            CampaignBook first = books.get(0).get();
            for (Future<CampaignBook> book : books) {
                assertThat(book.get()).isSameAs(first);
            }
            String id = first.levelIds().get(0);
            assertThat(first.level(id).orElseThrow()).as("each level read once and kept")
                    .isSameAs(CampaignBook.bundled().level(id).orElseThrow());
        } finally {
            sessions.shutdownNow();
        }
    }
}
