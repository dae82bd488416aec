package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.cowarena.board.Theme;
import org.cowarena.board.VirtualScreens;
import org.cowarena.level.Chapter;
import org.cowarena.level.Metrics;
import org.cowarena.server.LevelText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The campaign's screens on a virtual terminal at 80×24: the menu's chapters, titles, stars and
 * best metrics, the saved solutions replayed from it and back, the end screen, and the sandbox
 * played freely.
 */
class CampaignScreensTest {
    private static final String FORK = "campaign/01-fork";
    private static final String COPY = "campaign/02-cow-copy";
    private static final String EXEC = "campaign/04-exec";

    @TempDir
    Path config;
    private final List<Scene> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(Scene::close);
    }

    private Context context() {
        CampaignBook book = new CampaignBook(List.of(
                new Chapter("fork", Map.of("en", "fork and copy-on-write"), List.of(FORK, COPY)),
                new Chapter("exec", Map.of("en", "exec and the page cache"), List.of(EXEC))));
        return new Context(Theme.mono(), "en", Progress.load(config), "ann", book.levelIds(), 0, book);
    }

    private static String screen(Scene scene) {
        return VirtualScreens.text(VirtualScreens.draw(80, 24, scene::draw));
    }

    private static List<String> rows(Scene scene) {
        return screen(scene).lines().toList();
    }

    private static KeyStroke key(char c) {
        return new KeyStroke(c, false, false);
    }

    @Test
    void theMenuListsChaptersWithTitlesStarsAndYourBestMetrics() {
        Context ctx = context();
        ctx.progress().record(FORK, 3);
        ctx.solutions().record(FORK, Solutions.METRICS, new Metrics(2, 0, 0, 4, 0, 0, 0, 0), List.of("fork 1", "fork 1"));
        List<String> rows = rows(new MenuScene(ctx));
        assertThat(rows.get(0)).startsWith(" COW Arena: the campaign").endsWith("Stars: 3 of 9 ");
        assertThat(rows.get(2)).startsWith(" 1. fork and copy-on-write").endsWith("★ 3/6  ");
        assertThat(rows.get(3)).isEqualTo("  Fork is cheap                                ★★★  moves 2 · peak 4 · copies 0 ");
        // the level after the last one played is selected; a chapter's last level is its challenge
        assertThat(rows.get(4)).startsWith("▸ Writing to a shared page copies it (challenge)");
        assertThat(rows.get(5)).startsWith(" 2. exec and the page cache").endsWith("★ 0/3  ");
        assertThat(rows.get(6)).startsWith("  exec starts afresh");
        assertThat(rows.get(8)).startsWith("  Sandbox: free play");
        assertThat(rows.get(23)).startsWith(" ↑↓ choose   Enter play   s saved solutions   x sandbox   m multiplayer   q quit");
    }

    @Test
    void aMenuWithoutTheLobbyNeitherListsNorOpensIt() {
        Context lan = context();
        assertThat(new MenuScene(lan).key(key('m'))).isInstanceOf(LobbyScene.class);
        Context ssh = new Context(lan.theme(), "en", lan.progress(), "ann", lan.campaign(), 0, lan.book(), false);
        MenuScene menu = new MenuScene(ssh);
        assertThat(rows(menu).get(23)).startsWith(" ↑↓ choose   Enter play   s saved solutions   x sandbox   q quit");
        assertThat(menu.key(key('m'))).isSameAs(menu);
        Context zh = new Context(lan.theme(), "zh", lan.progress(), "ann", lan.campaign(), 0, lan.book(), false);
        assertThat(rows(new MenuScene(zh)).get(23)).doesNotContain("m ").contains("q 退出");
    }

    @Test
    void aSavedSolutionReplaysFromTheMenuAndQGoesBack() {
        Context ctx = context();
        ctx.progress().record(FORK, 3);
        ctx.solutions().record(FORK, Solutions.METRICS, new Metrics(2, 0, 0, 4, 0, 0, 0, 0), List.of("fork 1", "fork 1"));
        MenuScene menu = new MenuScene(ctx);
        assertThat(menu.key(key('s'))).isSameAs(menu);
        assertThat(screen(menu)).as("nothing saved for level 02").contains("No saved solution of Writing to a shared"
                + " page copies it yet");
        menu.key(new KeyStroke(KeyType.ArrowUp));
        menu.key(key('s'));
        String dialog = screen(menu);
        assertThat(dialog).contains("┌─ Saved solutions: Fork is cheap ")
                .contains("▸ moves: 2 moves, peak 4, 0 copies").contains("  peak frames: 2 moves, peak 4, 0 copies");
        Scene replay = menu.key(new KeyStroke(KeyType.Enter));
        opened.add(replay);
        assertThat(replay).isInstanceOf(PlayScene.class);
        assertThat(rows(replay).get(0)).contains("replay moves.moves 0/2");
        replay.key(key('G'));
        String end = screen(replay);
        assertThat(end).contains("replay moves.moves 2/2").contains("└3 shell");
        assertThat(replay.key(key('q'))).isInstanceOf(MenuScene.class);
    }

    @Test
    void theEndScreenShowsOnceEveryLevelIsDone() {
        Context ctx = context();
        ctx.progress().record(FORK, 3);
        ctx.progress().record(COPY, 2);
        MenuScene menu = new MenuScene(ctx);
        assertThat(menu.key(key('e'))).as("not done yet").isSameAs(menu);
        ctx.progress().record(EXEC, 3);
        Scene end = new MenuScene(ctx).key(key('e'));
        assertThat(end).isInstanceOf(EndScene.class);
        List<String> rows = rows(end);
        assertThat(rows.get(0)).startsWith(" COW Arena: the campaign is complete").endsWith("Stars: 8 of 9 ");
        assertThat(String.join("\n", rows)).contains("Every level of the campaign met its goal.")
                .contains("1. fork and copy-on-write").contains("★ 5/6").contains("★ 3/3")
                .contains("1 level still lacks a star");
        assertThat(rows.get(23)).startsWith(" Enter: menu   x: sandbox   q: quit");
        assertThat(end.key(new KeyStroke(KeyType.Enter))).isInstanceOf(MenuScene.class);
    }

    @Test
    void theSandboxIsFreePlayNotALevelCompleteAtMoveZero() throws Exception {
        Context ctx = context();
        LevelText level = LevelText.resolve(CampaignBook.SANDBOX);
        SoloTable table = new SoloTable(level, ctx, CampaignBook.SANDBOX);
        PlayScene scene = new PlayScene(ctx, table, level.level());
        opened.add(scene);
        assertThat(screen(scene)).contains("Free play: no goal");
        scene.key(new KeyStroke(KeyType.Enter));
        until(scene, () -> table.game() != null || table.message() != null);
        assertThat(table.message()).isNull();
        assertThat(table.ending()).as("no goal: nothing ends at move 0").isEmpty();
        assertThat(screen(scene)).contains("▸1 shell").doesNotContain("Level complete");
        scene.key(key('f'));
        until(scene, () -> table.game().metrics().moves() == 1);
        String board = screen(scene);
        assertThat(board).contains("moves 1 │ no goal").doesNotContain("Level complete")
                .contains("│Pages of pid 1 · fork()→2 ");
        assertThat(table.log().lines()).extracting(org.cowarena.board.BoardView.LogLine::text)
                .contains("  fork returned 2 in pid 1 (the child's pid) and 0 in pid 2");
        assertThat(table.ending()).isEmpty();
        assertThat(ctx.progress().played(CampaignBook.SANDBOX)).isFalse();
    }

    private static void until(PlayScene scene, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the solo game answered in time:\n%s", screen(scene))
                    .isLessThan(deadline);
            scene.idle(20);
        }
    }
}
