package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.cowarena.board.BoardRenderer;
import org.cowarena.board.BoardView;
import org.cowarena.board.Columns;
import org.cowarena.board.Theme;
import org.cowarena.board.Tone;
import org.cowarena.board.VirtualScreens;
import org.cowarena.server.LevelText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The board at 80×24, played as a person would, on a virtual terminal: an 8-character value
 * whole, {@code pass} by key and by Tab, a long log scrolled back with its last move pinned,
 * a goal that can no longer be met said and restarted, q asking first.
 */
class LegibilityTest {
    /** A level of 40 moves, a page goal and a peak a fork and a copy pass: the terminal test plays it too. */
    static final String LEVEL = """
            format: 1
            id: long-game
            title: A long game
            kind: puzzle
            briefing: Write a long value, then pass the time.
            memory:
              frames: 8
            programs:
              p:
                text: 1
                data: [d]
                heap: 2
            processes:
              - pid: 1
                program: p
            moves:
              allowed: [write, fork]
              limit: 40
            goal:
              - page: {pid: 1, vpn: 2, value: DONE}
              - maxPeakFrames: 4
            stars: {moves: 1}
            """;

    private PlayScene scene;

    private PlayScene open() throws Exception {
        Context ctx = new Context(Theme.mono(), "en", null, "ann", List.of(), 0);
        LevelText level = LevelText.of(LEVEL, "long-game.yaml");
        scene = new PlayScene(ctx, new SoloTable(level, ctx, null), level.level());
        until(() -> scene.table().game() != null);
        scene.key(new KeyStroke(KeyType.Enter)); // the briefing read
        return scene;
    }

    @AfterEach
    void close() {
        if (scene != null) {
            scene.close();
        }
    }

    private void until(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the solo game answered in time").isLessThan(deadline);
            scene.idle(20);
        }
    }

    private String screen() {
        return VirtualScreens.text(VirtualScreens.draw(80, 24, scene::draw));
    }

    private void type(String text) {
        for (char c : text.toCharArray()) {
            scene.key(new KeyStroke(c, false, false));
        }
    }

    private void move(String move) throws InterruptedException {
        int before = scene.table().game().metrics().moves();
        type(":" + move);
        scene.key(new KeyStroke(KeyType.Enter));
        until(() -> scene.table().game().metrics().moves() > before);
    }

    @Test
    void anEightCharacterValueShowsWholeInThePageTableAndOnItsFrame() throws Exception {
        open();
        move("write 1 2 ABCDEFGH");
        scene.key(new KeyStroke(KeyType.ArrowRight));
        scene.key(new KeyStroke(KeyType.ArrowRight)); // vpn 2 selected: its frame is the selected one
        String shown = screen();
        assertThat(shown).contains("▸  2→2    heap RW    ABCDEFGH").contains("2 a ABCDEFGH");
    }

    @Test
    void passIsAKeyAndTabCompletesIt() throws Exception {
        open();
        type(":pa");
        scene.key(new KeyStroke(KeyType.Tab));
        assertThat(screen().lines().toList().get(23)).startsWith(":pass ");
        scene.key(new KeyStroke(KeyType.Escape));
        scene.key(new KeyStroke('p', false, false));
        until(() -> scene.table().game().metrics().moves() == 1);
        assertThat(screen()).contains("› pass");
    }

    @Test
    void aLongLogScrollsBackAndTheLastMoveStaysNamed() throws Exception {
        open();
        move("write 1 2 first");
        for (int i = 0; i < 12; i++) {
            scene.key(new KeyStroke('p', false, false));
            int moves = i + 2;
            until(() -> scene.table().game().metrics().moves() == moves);
        }
        move("write 1 3 last");
        String newest = screen();
        assertThat(newest).doesNotContain("› write 1 2 first").contains("── Log ─ › write 1 3 last ─");
        for (int i = 0; i < 20; i++) {
            type("[");
        }
        String oldest = screen();
        assertThat(oldest).contains("› write 1 2 first").containsPattern("── Log ↑\\d+ \\(\\[ \\] scroll\\)")
                .as("the last move stays named over the log").contains("› write 1 3 last");
        type("]]]]]]]]]]]]]]]]]]]]");
        assertThat(screen()).isEqualTo(newest);
    }

    @Test
    void aGoalThatCanNoLongerBeMetIsSaidAndRIsARestart() throws Exception {
        open();
        move("write 1 2 A");
        move("write 1 3 B");
        move("fork 1");
        assertThat(screen()).doesNotContain("can no longer be met");
        move("write 2 2 C"); // the copy needs a fifth frame: the peak passes 4 for good
        String said = screen();
        assertThat(said).contains("The goal \"peak memory at most 4 frames\" can no longer be met: R starts the")
                .as("the whole sentence, over two rows").contains("level again, u takes the last move back.");
        scene.key(new KeyStroke('R', false, false));
        until(() -> scene.table().game().metrics().moves() == 0);
        List<String> rows = screen().lines().toList();
        assertThat(rows.get(23)).as("the status line is back to the keys").startsWith("f fork");
        assertThat(String.join("\n", rows)).contains("the level starts again");
    }

    @Test
    void qInALevelUnderWayAsksFirst() throws Exception {
        open();
        assertThat(scene.key(new KeyStroke('q', false, false))).as("nothing played yet: q leaves").isNull();
        open();
        move("write 1 2 A");
        assertThat(scene.key(new KeyStroke('q', false, false))).isSameAs(scene);
        assertThat(screen()).contains("Leave the level?");
        scene.key(new KeyStroke('n', false, false));
        assertThat(screen()).doesNotContain("Leave the level?");
        scene.key(new KeyStroke('q', false, false));
        assertThat(scene.key(new KeyStroke('y', false, false))).isNull();
    }

    @Test
    void aDialogTallerThanTheScreenKeepsItsKeysAndScrolls() {
        List<BoardView.LogLine> lines = new java.util.ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            lines.add(new BoardView.LogLine("line " + i, Tone.NORMAL));
        }
        lines.add(new BoardView.LogLine("Enter: play   q: back", Tone.DIM));
        String top = VirtualScreens.text(VirtualScreens.draw(80, 24, g -> BoardRenderer.dialog(g, Theme.mono(),
                "Briefing", lines, 0)));
        assertThat(top).contains("line 1 ").contains("Enter: play   q: back").contains("↓").doesNotContain("line 40");
        String end = VirtualScreens.text(VirtualScreens.draw(80, 24, g -> BoardRenderer.dialog(g, Theme.mono(),
                "Briefing", lines, 99)));
        assertThat(end).contains("line 40").contains("Enter: play   q: back").doesNotContain("line 1 ");
        for (String row : end.lines().toList()) {
            assertThat(Columns.width(row)).isEqualTo(80);
        }
    }
}
