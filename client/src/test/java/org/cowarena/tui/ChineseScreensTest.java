package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cowarena.board.Chrome;
import org.cowarena.board.ProjectorRendererTest;
import org.cowarena.board.Theme;
import org.cowarena.board.TournamentRenderer;
import org.cowarena.board.VirtualScreens;
import org.cowarena.client.FakeHost;
import org.cowarena.client.TournamentProgress;
import org.cowarena.protocol.Messages;
import org.cowarena.server.LevelText;
import org.junit.jupiter.api.Test;

/**
 * The tournament, projector and race screens with --lang zh, read back from a virtual terminal
 * at 80×24 and 160×48: no English sentence on them (names, level ids and commands aside), the
 * levels' titles and a revealed hint in Chinese too.
 */
class ChineseScreensTest {
    /** Three or more English words in a row: a sentence, or the start of one. */
    private static final Pattern ENGLISH = Pattern.compile("[A-Za-z]{2,}(?:[ ,'][A-Za-z]{2,}){2,}");
    private static final int[][] SIZES = {{80, 24}, {160, 48}};
    private final Context zh = new Context(Theme.mono(), "zh", null, "ann", List.of(), 0);

    private static void noEnglish(String screen, String... allowed) {
        String text = screen;
        for (String a : allowed) {
            text = text.replace(a, "");
        }
        List<String> found = new ArrayList<>();
        Matcher m = ENGLISH.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        assertThat(found).as("English on the screen:\n%s", screen).isEmpty();
    }

    @Test
    void theTournamentsScreensAreChinese() {
        TournamentProgress t = new TournamentProgress();
        t.handle(TournamentRendererTest.round(0, 3, null));
        for (int[] size : SIZES) {
            String waiting = VirtualScreens.text(VirtualScreens.draw(size[0], size[1], g -> TournamentRenderer.draw(
                    TournamentViews.of(t, zh.chrome(), "ann", List.of(), zh.chrome().say("tournament.keys.waiting")),
                    Theme.mono(), g)));
            assertThat(waiting).contains("锦标赛").contains("等待抽签").contains("已加入 3/4 名玩家");
            noEnglish(waiting, "COW Arena");
        }
        Messages.TournamentStandings table = TournamentRendererTest.table(false);
        table.rule = null; // the points rule is the server's sentence
        t.handle(TournamentRendererTest.round(1, 4, "R1M1", "ann", "bob"));
        t.handle(table);
        t.handle(TournamentRendererTest.round(2, 4, "R2M2", "cid", "ann"));
        for (int[] size : SIZES) {
            String between = VirtualScreens.text(VirtualScreens.draw(size[0], size[1], g -> TournamentRenderer.draw(
                    TournamentViews.of(t, zh.chrome(), "ann", List.of(zh.chrome().say("tournament.begun",
                            TournamentViews.match(t.round(), zh.chrome()))), zh.chrome().say("tournament.keys.table")),
                    Theme.mono(), g)));
            assertThat(between).contains("第 1 轮后的积分表").contains("名次").contains("◂ 你")
                    .contains("第 2 轮（共 3 轮）：房间 R2M2，first-touch，cid 对 ann");
            noEnglish(between, "COW Arena", "first-touch");
        }
    }

    @Test
    void theProjectorIsChinese() throws Exception {
        FakeHost host = new FakeHost(new Messages.Hello("spectator", null, null, true));
        ProjectorScene p = new ProjectorScene(zh, host.session(), 1000, "token");
        Messages.RaceState s = new Messages.RaceState();
        s.state = "running";
        s.levels = new String[] {"fork", "cow-copy"};
        s.levelTexts = new String[] {LevelText.resolve("campaign/01-fork").text(),
            LevelText.resolve("campaign/02-cow-copy").text()};
        s.hint = "fork needs no free frame at all."; // the server sends a level's hint in English
        s.focus = 0;
        s.millisLeft = 90_000;
        s.level = -1;
        s.moves = new String[0];
        host.deliver(s);
        host.deliver(ProjectorRendererTest.board());
        for (int[] size : SIZES) {
            String screen = VirtualScreens.text(VirtualScreens.draw(size[0], size[1], p::draw));
            assertThat(screen).contains("投影").contains("进行中").contains("名玩家").contains("老师：")
                    .contains("fork 代价很小").contains("fork 根本不需要空闲页框");
            noEnglish(screen, "COW Arena");
        }
        p.key(new KeyStroke('x', false, false));
        String asked = VirtualScreens.text(VirtualScreens.draw(80, 24, p::draw));
        assertThat(asked).contains("为所有人结束竞赛");
        p.close();
    }

    @Test
    void aRacePlayersBoardAndResultAreChinese() throws Exception {
        FakeHost host = FakeHost.player("ann");
        RaceTable race = new RaceTable(host.session(), "zh", 1000);
        PlayScene scene = new PlayScene(zh, race, null);
        LevelText level = LevelText.resolve("campaign/01-fork");
        Messages.RaceState s = new Messages.RaceState();
        s.state = "running";
        s.levels = new String[] {"campaign/01-fork"};
        s.levelTexts = new String[] {level.text()};
        s.millisLeft = 600_000;
        s.level = 0;
        s.attempt = 1;
        s.moves = new String[0];
        host.deliver(s);
        Messages.Welcome w = new Messages.Welcome();
        w.name = "ann";
        w.seat = 0;
        host.deliver(w);
        for (String move : new String[] {"fork 1", "fork 1"}) {
            Messages.RaceAck a = new Messages.RaceAck();
            a.level = 0;
            a.attempt = 1;
            a.move = move;
            a.solved = move.equals("fork 1") && race.room().index() == 1;
            a.stars = 3;
            a.moves = 2;
            host.send(a);
            assertThat(scene.idle(5000)).as("the board took the acknowledgement in").isTrue();
        }
        for (int[] size : SIZES) {
            String screen = VirtualScreens.text(VirtualScreens.draw(size[0], size[1], scene::draw));
            assertThat(screen).contains("竞赛").contains("本次尝试结束").contains("已解决");
            noEnglish(screen, "COW Arena", "campaign/01-fork");
        }
        scene.key(new KeyStroke(KeyType.Escape));
        String board = VirtualScreens.text(VirtualScreens.draw(80, 24, scene::draw));
        assertThat(board).contains("日志").contains("进程 1 的页表").contains("fork 代价很小");
        noEnglish(board, "COW Arena", "campaign/01-fork");
        scene.close();
    }
}
