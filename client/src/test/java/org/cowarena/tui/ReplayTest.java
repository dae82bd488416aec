package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cowarena.board.Theme;
import org.cowarena.board.VirtualScreens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay viewer on a journal as a room writes it: stepping forward and back redraws the board. */
class ReplayTest {
    @TempDir
    Path dir;

    private static final String JOURNAL = """
            # cowarena journal 1
            # level levels/arena/first-touch.yaml
            # seat 0 0123456789abcdef alice
            # seat 1 fedcba9876543210 bob
            # start
            alice: exec 1 render
            bob: exec 4 audio
            alice: pass  # timed out
            """;

    private static String screen(PlayScene scene) {
        DefaultVirtualTerminal vt = VirtualScreens.draw(100, 30, scene::draw);
        return VirtualScreens.text(vt);
    }

    @Test
    void stepsForwardAndBackThroughARoomsJournal() throws Exception {
        Path journal = Files.writeString(dir.resolve("DUEL-1.moves"), JOURNAL);
        ReplayTable table = ReplayTable.open(journal, null, "en");
        Context ctx = new Context(Theme.mono(), "en", Progress.load(dir), "me", List.of(), 0);
        PlayScene scene = new PlayScene(ctx, table, null);

        assertThat(screen(scene)).contains("replay DUEL-1.moves 0/3").contains("n/space next");
        scene.key(KeyStroke.fromString("n"));
        String one = screen(scene);
        assertThat(one).contains("replay DUEL-1.moves 1/3").contains("› alice: exec 1 render")
                .contains("pid 1 execed render").doesNotContain("› bob:");
        scene.key(KeyStroke.fromString(" "));
        scene.key(KeyStroke.fromString("n"));
        assertThat(screen(scene)).contains("3/3").contains("› bob: exec 4 audio").contains("› alice: pass");
        scene.key(KeyStroke.fromString("n"));
        assertThat(screen(scene)).contains("3/3");
        scene.key(new KeyStroke(KeyType.Backspace));
        scene.key(KeyStroke.fromString("p"));
        assertThat(screen(scene)).contains("1/3").doesNotContain("› bob:");
        scene.key(KeyStroke.fromString("G"));
        assertThat(screen(scene)).contains("3/3");
        scene.key(KeyStroke.fromString("g"));
        assertThat(screen(scene)).contains("0/3").doesNotContain("› alice:");
        // a replay takes no move
        scene.key(KeyStroke.fromString("f"));
        assertThat(screen(scene)).contains("a replay: n or space steps forward");
    }

    @Test
    void aChineseReplaySaysWhereItIsInChinese() throws Exception {
        Path journal = Files.writeString(dir.resolve("DUEL-1.moves"), JOURNAL);
        Context ctx = new Context(Theme.mono(), "zh", Progress.load(dir), "me", List.of(), 0);
        PlayScene scene = new PlayScene(ctx, ReplayTable.open(journal, null, "zh"), null);
        scene.key(KeyStroke.fromString("n"));
        assertThat(screen(scene)).contains("回放 DUEL-1.moves 1/3").contains("n/空格 下一步  p/Backspace 上一步");
        scene.key(KeyStroke.fromString("f"));
        assertThat(screen(scene)).contains("这是回放：n 或空格前进一步");
    }

    @Test
    void aMovesFileWithALevel() throws Exception {
        ReplayTable table = ReplayTable.open(Path.of(System.getProperty("cowarena.levelsDir", "../levels"))
                .resolve("campaign/01-fork.moves"), "campaign/01-fork", "en");
        assertThat(table.length()).isEqualTo(2);
        table.seek(2);
        assertThat(table.game().score().met()).isTrue();
    }
}
