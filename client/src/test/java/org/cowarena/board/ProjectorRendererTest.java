package org.cowarena.board;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import org.cowarena.protocol.Messages;
import org.junit.jupiter.api.Test;

/**
 * A race's leaderboard — ann and bob solved level 1, cid did not, nobody solved level 2 —
 * drawn on a virtual terminal and read back cell by cell.
 */
public class ProjectorRendererTest {
    static final String[] METRICS = {"moves", "copies", "peakFrames", "stars"};

    static Messages.Histogram histogram(String metric, int threeStars, boolean higher, int[] values, int[] counts) {
        Messages.Histogram h = new Messages.Histogram();
        h.metric = metric;
        h.threeStars = threeStars;
        h.higherIsBetter = higher;
        h.values = values;
        h.counts = counts;
        return h;
    }

    public static Messages.Leaderboard board() {
        Messages.Leaderboard b = new Messages.Leaderboard();
        b.players = new String[] {"cid", "bob", "ann"};
        b.metrics = METRICS;
        b.elapsedMillis = 95_000;
        Messages.LevelBoard one = new Messages.LevelBoard();
        one.level = "campaign/01-fork";
        one.title = "Fork a shell";
        one.solved = new boolean[] {false, true, true};
        one.best = new int[] {-1, -1, -1, -1, 5, 1, 3, 2, 2, 0, 2, 3};
        one.solvedMillis = new long[] {-1, 80_000, 12_000};
        one.histograms = new Messages.Histogram[] {
            histogram("moves", 2, false, new int[] {2, 5}, new int[] {1, 1}),
            histogram("copies", 0, false, new int[] {0, 1}, new int[] {1, 1}),
            histogram("peakFrames", 2, false, new int[] {2, 3}, new int[] {1, 1}),
            histogram("stars", 3, true, new int[] {2, 3}, new int[] {1, 1}),
        };
        Messages.LevelBoard two = new Messages.LevelBoard();
        two.level = "campaign/02-cow-copy";
        two.title = "写时复制";
        two.solved = new boolean[3];
        two.best = new int[] {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1};
        two.solvedMillis = new long[] {-1, -1, -1};
        two.histograms = new Messages.Histogram[] {
            histogram("moves", 4, false, new int[0], new int[0]),
            histogram("copies", 1, false, new int[0], new int[0]),
            histogram("peakFrames", 3, false, new int[0], new int[0]),
            histogram("stars", 3, true, new int[0], new int[0]),
        };
        b.levels = new Messages.LevelBoard[] {one, two};
        return b;
    }

    static ProjectorView view(int shown) {
        return new ProjectorView(board(), "running", 754_000, 0, shown, "fork shares, write copies", null,
                BoardView.StatusLine.of("← → other levels   q quit"));
    }

    /** No time limit, no hint, the room's level first, "q quit" below. */
    static ProjectorView plain(Messages.Leaderboard b, String state, int focus) {
        return new ProjectorView(b, state, -1, focus, 0, null, null, BoardView.StatusLine.of("q quit"));
    }

    static DefaultVirtualTerminal draw(ProjectorView v, Theme theme, int columns, int rows) {
        return VirtualScreens.draw(columns, rows, g -> ProjectorRenderer.draw(v, theme, g));
    }

    static int rowOf(DefaultVirtualTerminal vt, String text) {
        for (int r = 0; r < vt.getTerminalSize().getRows(); r++) {
            if (VirtualScreens.row(vt, r).contains(text)) {
                return r;
            }
        }
        throw new AssertionError("no row shows \"" + text + "\":\n" + VirtualScreens.text(vt));
    }

    static String row(DefaultVirtualTerminal vt, int r) {
        return VirtualScreens.row(vt, r);
    }

    @Test
    void headerShowsStateTimeLeftAndPlayersAt80x24() {
        DefaultVirtualTerminal vt = draw(view(0), Theme.colour(), 80, 24);
        assertThat(row(vt, 0)).startsWith(" COW Arena │ projector │ running │ 12:34 left │ 3 players │ room: level 1 of 2");
        assertThat(row(vt, 1)).startsWith(" Hint: fork shares, write copies");
        assertThat(row(vt, 23)).startsWith(" ← → other levels   q quit");
        assertThat(vt.getCharacter(1, 0).getBackgroundColor()).isEqualTo(TextColor.ANSI.CYAN);
    }

    @Test
    void theTeachersKeysTakeTheRowAboveTheStatus() {
        ProjectorView v = view(0);
        DefaultVirtualTerminal vt = draw(new ProjectorView(v.board(), v.state(), v.millisLeft(), v.focus(), v.shown(),
                v.hint(), "teacher: s start  p pause", new BoardView.StatusLine("pause refused: why", Tone.REFUSED, -1)),
                Theme.colour(), 80, 24);
        assertThat(row(vt, 22)).startsWith(" teacher: s start  p pause ");
        assertThat(row(vt, 23)).startsWith(" pause refused: why ");
        assertThat(vt.getCharacter(1, 23).getForegroundColor()).isEqualTo(TextColor.ANSI.RED);
        // the level still shows, a row shorter
        assertThat(rowOf(vt, "1.ann")).isEqualTo(4);
        assertThat(row(vt, 21)).contains("│");
    }

    @Test
    void playersAreRankedWithTheirBestsAt80x24() {
        DefaultVirtualTerminal vt = draw(view(0), Theme.colour(), 80, 24);
        int title = rowOf(vt, "Level 1 of 2: campaign/01-fork · Fork a shell — solved by 2 of 3");
        assertThat(title).isEqualTo(2);
        assertThat(row(vt, 3)).startsWith("   player  moves copies   peak  stars  solved │");
        // ann is best (3 stars), then bob; cid has not solved it: dashes, no rank
        assertThat(row(vt, 4)).startsWith(" 1.ann         2      0      2    ★★★    0:12 │");
        assertThat(row(vt, 5)).startsWith(" 2.bob         5      1      3    ★★☆    1:20 │");
        assertThat(row(vt, 6)).startsWith("   cid         -      -      -      -       - │");
        // a best that reaches the three-star value stands out; a name that solved is in the "met" tone
        assertThat(vt.getCharacter(row(vt, 4).indexOf("2"), 4).getModifiers()).contains(SGR.BOLD);
        assertThat(vt.getCharacter(row(vt, 5).indexOf("5"), 5).getModifiers()).doesNotContain(SGR.BOLD);
        assertThat(vt.getCharacter(3, 4).getForegroundColor()).isEqualTo(TextColor.ANSI.GREEN);
        assertThat(vt.getCharacter(3, 6).getForegroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
    }

    @Test
    void histogramsMarkTheThreeStarValueAt80x24() {
        DefaultVirtualTerminal vt = draw(view(0), Theme.colour(), 80, 24);
        int side = row(vt, 3).indexOf('│') + 2;
        assertThat(row(vt, 3).substring(side)).startsWith("moves (fewer is better)  ★ 2");
        // one row per value, best first: 2 (the three-star value, ★) and 5, each reached by one player
        String two = row(vt, 4).substring(side);
        String five = row(vt, 5).substring(side);
        assertThat(two).startsWith("  2 ★ █").endsWith("█ 1" + " ".repeat(two.length() - two.indexOf("█ 1") - 3));
        assertThat(five).startsWith("  5   █");
        // equal counts, equal bars, as long as the room allows
        assertThat(two.chars().filter(c -> c == '█').count()).isEqualTo(five.chars().filter(c -> c == '█').count())
                .isEqualTo(two.length() - 6 - 2);
        int bar = side + 6;
        assertThat(vt.getCharacter(bar, 4).getForegroundColor()).isEqualTo(TextColor.ANSI.GREEN);
        assertThat(vt.getCharacter(bar, 5).getForegroundColor()).isNotEqualTo(TextColor.ANSI.GREEN);
        assertThat(vt.getCharacter(side + 4, 4).getCharacter()).isEqualTo('★');
        // stars: more is better, so 3 comes first and is marked
        int stars = rowOf(vt, "stars (more is better)  ★ 3");
        assertThat(row(vt, stars + 1).substring(side)).startsWith("  3 ★ █");
        assertThat(row(vt, stars + 2).substring(side)).startsWith("  2   █");
        assertThat(rowOf(vt, "copies (fewer is better)  ★ 0")).isLessThan(rowOf(vt,
                "peak (fewer is better)  ★ 2"));
        // only the room's level fits at 80x24
        assertThat(VirtualScreens.text(vt)).doesNotContain("campaign/02-cow-copy");
    }

    @Test
    void moreRoomShowsBothLevelsAndLongerBarsAt160x48() {
        DefaultVirtualTerminal small = draw(view(0), Theme.colour(), 80, 24);
        DefaultVirtualTerminal vt = draw(view(0), Theme.colour(), 160, 48);
        assertThat(rowOf(vt, "Level 1 of 2: campaign/01-fork")).isEqualTo(2);
        int second = rowOf(vt, "Level 2 of 2: campaign/02-cow-copy · 写时复制 — solved by 0 of 3");
        assertThat(second).isEqualTo(2 + 22);
        assertThat(row(vt, second + 2)).startsWith("   cid         -");
        // nobody solved level 2: the three-star value still has its row, with no bar
        int side = row(vt, 3).indexOf('│') + 2;
        assertThat(row(vt, second + 1).substring(side)).startsWith("moves (fewer is better)  ★ best known 4");
        assertThat(row(vt, second + 2).substring(side)).startsWith("  no solves yet");
        assertThat(row(vt, second + 3).substring(side)).startsWith("  4 ★  0");
        long barsSmall = row(small, 4).chars().filter(c -> c == '█').count();
        long barsBig = row(vt, 4).chars().filter(c -> c == '█').count();
        assertThat(barsBig).isGreaterThan(barsSmall * 2);
        assertThat(row(vt, 47)).startsWith(" ← → other levels");
    }

    @Test
    void theViewerChoosesWhichLevelComesFirst() {
        DefaultVirtualTerminal vt = draw(view(1), Theme.colour(), 80, 24);
        assertThat(row(vt, 2)).startsWith(" Level 2 of 2: campaign/02-cow-copy · 写时复制");
        assertThat(VirtualScreens.text(vt)).doesNotContain("campaign/01-fork");
    }

    @Test
    void monochromeCarriesTheMarksInTextAndModifiers() {
        DefaultVirtualTerminal vt = draw(view(0), Theme.mono(), 80, 24);
        assertThat(row(vt, 4)).startsWith(" 1.ann         2      0      2    ★★★    0:12 │");
        for (int c = 0; c < 80; c++) {
            for (int r = 0; r < 24; r++) {
                assertThat(vt.getCharacter(c, r).getForegroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
            }
        }
        assertThat(vt.getCharacter(1, 0).getModifiers()).contains(SGR.REVERSE);
        int side = row(vt, 3).indexOf('│') + 2;
        assertThat(vt.getCharacter(side + 4, 4).getCharacter()).isEqualTo('★');
    }

    @Test
    void beforeTheFirstLeaderboardAndWithoutPlayers() {
        DefaultVirtualTerminal waiting = draw(plain(null, null, -1), Theme.colour(), 80, 24);
        assertThat(row(waiting, 0)).startsWith(" COW Arena │ projector │ joining… ");
        assertThat(VirtualScreens.text(waiting)).contains("waiting for the race's leaderboard");
        Messages.Leaderboard empty = board();
        empty.players = new String[0];
        for (Messages.LevelBoard l : empty.levels) {
            l.solved = new boolean[0];
            l.best = new int[0];
            l.solvedMillis = new long[0];
        }
        DefaultVirtualTerminal none = draw(plain(empty, "waiting", 0), Theme.colour(), 80, 24);
        assertThat(row(none, 0)).startsWith(" COW Arena │ projector │ waiting │ 0 players");
        assertThat(VirtualScreens.text(none)).contains("No players yet").contains("campaign/01-fork");
    }

    @Test
    void aSmallTerminalSaysSo() {
        DefaultVirtualTerminal vt = draw(view(0), Theme.colour(), 60, 20);
        assertThat(VirtualScreens.text(vt)).contains("needs a terminal of at least 80x24");
    }

    @Test
    void equalResultsShareARank() {
        ProjectorView v = view(0);
        v.board().levels[0].best[4] = 2;
        v.board().levels[0].best[5] = 0;
        v.board().levels[0].best[6] = 2;
        v.board().levels[0].best[7] = 3;
        DefaultVirtualTerminal vt = draw(v, Theme.colour(), 80, 24);
        // equal bests: join order (bob before ann), one rank
        assertThat(row(vt, 4)).startsWith(" 1.bob         2      0      2    ★★★");
        assertThat(row(vt, 5)).startsWith(" 1.ann         2      0      2    ★★★");
    }

    @Test
    void aCrowdedClassIsCutWithCountsOfWhatIsLeftOut() {
        Messages.Leaderboard b = board();
        int n = 30;
        b.players = new String[n];
        Messages.LevelBoard one = b.levels[0];
        one.solved = new boolean[n];
        one.best = new int[n * 4];
        one.solvedMillis = new long[n];
        for (int p = 0; p < n; p++) {
            b.players[p] = "student-" + p;
            one.solved[p] = true;
            one.best[p * 4] = 2 + p % 10;
            one.best[p * 4 + 1] = 0;
            one.best[p * 4 + 2] = 3;
            one.best[p * 4 + 3] = p % 10 == 0 ? 3 : 2;
            one.solvedMillis[p] = 1000L * p;
        }
        int[] values = new int[10];
        int[] counts = new int[10];
        for (int i = 0; i < 10; i++) {
            values[i] = 2 + i;
            counts[i] = 3;
        }
        one.histograms[0] = histogram("moves", 2, false, values, counts);
        DefaultVirtualTerminal vt = draw(plain(b, "running", 0), Theme.colour(), 80, 24);
        assertThat(row(vt, 0)).contains("30 players").doesNotContain(" left ");
        // 24 rows: header, title, table header, 19 players and "… and 11 more", status
        assertThat(row(vt, 22)).startsWith("   … and 11 more ");
        assertThat(row(vt, 3)).startsWith(" 1.student-0 ");
        assertThat(row(vt, 4)).startsWith(" 1.student-10 ");
        int side = row(vt, 2).indexOf('│') + 2;
        // five rows for moves: its title, three values and a count of the rest
        assertThat(row(vt, 3).substring(side)).startsWith("  2 ★ ");
        assertThat(row(vt, 5).substring(side)).startsWith("  4   ");
        assertThat(row(vt, 6).substring(side)).startsWith("  …  7 more values");
        assertThat(row(vt, 23)).startsWith(" q quit");
    }
}
