package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.cowarena.board.Chrome;
import org.cowarena.board.Columns;
import org.cowarena.board.Theme;
import org.cowarena.board.VirtualScreens;
import org.cowarena.server.LevelText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The solo game's screens with {@code --lang zh}, drawn at the smallest and a large terminal:
 * Chinese headings, key line and dialogs, and no row pushed past the edge by a wide character.
 */
class ChineseChromeTest {
    private static final int[][] SIZES = {{80, 24}, {160, 48}};

    @TempDir
    Path config;
    private final List<Scene> opened = new ArrayList<>();

    private static Context context(String language, Progress progress, List<String> campaign) {
        return new Context(Theme.colour(), language, progress, "ann", campaign, 0);
    }

    /** Level 01 solo, as {@code --level campaign/01-fork} opens it: on its briefing, the embedded server starting. */
    private PlayScene fork(String language) throws Exception {
        LevelText level = LevelText.resolve("campaign/01-fork");
        PlayScene scene = new PlayScene(context(language, null, List.of()), new SoloTable(level,
                context(language, null, List.of()), null), level.level());
        opened.add(scene);
        return scene;
    }

    @AfterEach
    void closeTheGames() {
        opened.forEach(Scene::close);
    }

    /** Lets the scene work (the server answer) until {@code done}, or fails. */
    private static void until(PlayScene scene, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the solo game answered in time").isLessThan(deadline);
            scene.idle(20);
        }
    }

    /** Both forks of the reference solution, pressed as keys with pid 1 selected. */
    private static void solve(PlayScene scene) throws InterruptedException {
        until(scene, () -> scene.table().game() != null);
        screen(scene, SIZES[0]); // the board drawn selects pid 1, as a person sees it before a key
        for (int i = 1; i <= 2; i++) {
            int moves = i;
            scene.key(new KeyStroke('f', false, false));
            until(scene, () -> scene.table().game().metrics().moves() == moves);
        }
    }

    /** The scene on each size, every row checked to fill its width exactly. */
    private static String screen(Scene scene, int[] size) {
        DefaultVirtualTerminal vt = VirtualScreens.draw(size[0], size[1], scene::draw);
        for (int r = 0; r < size[1]; r++) {
            assertThat(Columns.width(VirtualScreens.row(vt, r))).as("row %d at %dx%d:\n%s", r, size[0], size[1],
                    VirtualScreens.text(vt)).isEqualTo(size[0]);
        }
        return VirtualScreens.text(vt);
    }

    /** The character shown at a terminal column of a row read back (a wide one takes two columns). */
    private static String at(String row, int column) {
        int used = 0;
        for (int i = 0; i < row.length(); ) {
            int cp = row.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (used == column) {
                return ch;
            }
            used += Columns.width(ch);
            i += Character.charCount(cp);
        }
        return "";
    }

    /** The box a dialog draws: its left and right borders straight down from its corners. */
    private static void boxed(String screen, String title) {
        List<String> rows = screen.lines().toList();
        int top = 0;
        while (!rows.get(top).contains("┌─ " + title + " ")) {
            top++;
        }
        String first = rows.get(top);
        int left = Columns.width(first.substring(0, first.indexOf('┌')));
        int right = Columns.width(first.substring(0, first.indexOf('┐')));
        int r = top + 1;
        for (; !at(rows.get(r), left).equals("└"); r++) {
            assertThat(at(rows.get(r), left) + at(rows.get(r), right)).as("borders of row %d:\n%s", r, screen)
                    .isEqualTo("││");
        }
        assertThat(at(rows.get(r), right)).as("corner of row %d:\n%s", r, screen).isEqualTo("┘");
    }

    @Test
    void briefingBoardKeyLineAndHelpAreChinese() throws Exception {
        PlayScene scene = fork("zh");
        until(scene, () -> scene.table().game() != null);
        for (int[] size : SIZES) {
            String briefing = screen(scene, size);
            assertThat(briefing).contains("┌─ 任务简介 ").contains("Enter：开始   ?：按键   q：返回");
            boxed(briefing, "任务简介");
        }
        scene.key(new KeyStroke(KeyType.Enter));
        for (int[] size : SIZES) {
            String board = screen(scene, size);
            assertThat(board).contains(" 单人 │ campaign/01-fork: fork 代价很小 ").contains("步数 0，剩 6 步 │ 目标未达成")
                    .contains("内存：已用").contains("你已计费 4")
                    .contains("进程 1 的页表").contains("目标").contains("── 日志 ─")
                    .contains(Chrome.of("zh").say("keys.solo"))
                    .contains("campaign/01-fork：fork 代价很小。按 ? 查看按键，按 H 获取提示。");
        }
        scene.key(new KeyStroke('?', false, false));
        for (int[] size : SIZES) {
            String help = screen(scene, size);
            assertThat(help).contains("┌─ 按键 ").contains("对选中的进程执行 fork").contains("R COW 写时复制");
            boxed(help, "按键");
        }
    }

    @Test
    void theResultIsChinese() throws Exception {
        PlayScene scene = fork("zh");
        scene.key(new KeyStroke(KeyType.Enter));
        solve(scene);
        for (int[] size : SIZES) {
            String result = screen(scene, size);
            assertThat(result).contains("┌─ 关卡完成 ").contains("目标达成：★★★（满分 3 星，得 3 星）")
                    .contains("步数  2   已知最佳 2").contains("u：撤销   r：重玩   q：退出");
            boxed(result, "关卡完成");
        }
    }

    @Test
    void englishStaysAsItWas() throws Exception {
        PlayScene scene = fork("en");
        until(scene, () -> scene.table().game() != null);
        String board = screen(scene, SIZES[0]);
        assertThat(board).contains("┌─ Briefing ").contains("Enter: play   ?: keys   q: back");
        scene.key(new KeyStroke(KeyType.Enter));
        assertThat(screen(scene, SIZES[0])).contains(" solo │ campaign/01-fork: Fork is cheap ")
                .contains(Chrome.english().say("keys.solo"));
        solve(scene);
        assertThat(screen(scene, SIZES[0])).contains("┌─ Level complete ").contains("Goal met: ★★★  (3 of 3 stars)")
                .contains("moves  2   best known 2").contains("u: undo   r: retry   q: quit");
    }

    @Test
    void theLobbyIsChinese() throws Exception {
        Scene lobby = new LobbyScene(context("zh", null, List.of()), 0);
        for (int[] size : SIZES) {
            String screen = screen(lobby, size);
            assertThat(screen).contains("┌─ COW Arena：加入游戏 ").contains("你的名字：ann")
                    .contains("局域网发现已关闭（--discovery-port 0）").contains("Enter 加入  s 观战");
            boxed(screen, "COW Arena：加入游戏");
        }
        lobby.key(new KeyStroke('c', false, false));
        assertThat(screen(lobby, SIZES[0]).lines().toList().get(23)).startsWith("服务器[:端口] 和加入码: ");
    }

    @Test
    void theCampaignMenuIsChinese() throws Exception {
        Progress progress = Progress.load(config);
        MenuScene menu = new MenuScene(context("zh", progress,
                List.of("campaign/01-fork", "campaign/02-cow-copy")));
        for (int[] size : SIZES) {
            String screen = screen(menu, size);
            assertThat(screen).startsWith(" COW Arena：关卡 ").contains("1. 关卡").contains("▸ fork 代价很小").contains("写共享页面会复制它（挑战）")
                    .contains("星：0 / 6").contains("↑↓ 选择   Enter 开始   s 保存的解法   x 沙盒   m 多人（局域网）   q 退出");
        }
    }
}
