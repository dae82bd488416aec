package org.cowarena.board;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** A list longer than the screen (a campaign of 30 levels and more) scrolls so the selected row shows. */
class MenuRendererTest {
    private static List<BoardView.LogLine> rows(int n) {
        List<BoardView.LogLine> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new BoardView.LogLine(" row " + i, Tone.NORMAL));
        }
        return rows;
    }

    private static DefaultVirtualTerminal draw(int n, int selected) {
        MenuRenderer.View v = new MenuRenderer.View("COW Arena: the campaign", "Stars: 0 of 90", rows(n), selected,
                "q quit");
        return VirtualScreens.draw(80, 24, g -> MenuRenderer.draw(v, Theme.mono(), g));
    }

    @Test
    void aShortListStartsAtTheTopWithTheHeaderAndStatus() {
        DefaultVirtualTerminal vt = draw(5, 2);
        assertThat(VirtualScreens.row(vt, 0)).startsWith(" COW Arena: the campaign").endsWith("Stars: 0 of 90 ");
        assertThat(VirtualScreens.row(vt, 2)).startsWith("  row 0");
        assertThat(VirtualScreens.row(vt, 4)).startsWith("▸ row 2");
        assertThat(VirtualScreens.row(vt, 23)).startsWith(" q quit");
    }

    @Test
    void farDownTheSelectionSitsInTheLowerThirdWithRowsAfterIt() {
        DefaultVirtualTerminal vt = draw(40, 30);
        String screen = VirtualScreens.text(vt);
        assertThat(screen).contains("▸ row 30").contains("  row 35").doesNotContain(" row 0\n");
        assertThat(draw(40, 39).getCharacter(0, 22).getCharacterString()).isEqualTo("▸");
    }

    @Property(tries = 200)
    void theSelectedRowIsAlwaysOnScreen(@ForAll @IntRange(min = 1, max = 120) int n,
                                        @ForAll @IntRange(min = 0, max = 119) int pick) {
        int selected = pick % n;
        int first = MenuRenderer.first(rows(n), selected, 21);
        assertThat(selected).isBetween(first, first + 20);
        assertThat(first).isBetween(0, Math.max(0, n - 21));
    }
}
