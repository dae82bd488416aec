package org.cowarena.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cowarena.game.Game;
import org.cowarena.game.Turn;
import org.cowarena.kernel.Event;
import org.cowarena.kernel.FrameInfo;
import org.cowarena.kernel.FrameKind;
import org.cowarena.kernel.PageInfo;
import org.cowarena.kernel.Segment;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.MoveParser;

/**
 * Each sentence states facts that the board, the events or the move bear out, in English
 * and in Chinese: the counts a fork sentence gives are the child's page table, a text segv
 * comes from a write only, a vfork child's exec leaves the parent's pages as they were, a
 * huge page's split names the cause the move had, an OOM kill comes after reclaim had
 * nothing to drop.
 */
class NarrationFactsTest {

    private static Game start(String level) throws Exception {
        return Game.start(LevelLoader.parse(level, "t.yaml"));
    }

    private static List<String> play(Game game, Narrator narrator, String move) throws Exception {
        return narrator.narrate(game.play(MoveParser.parseMove(move)));
    }

    // ------------------------------------------------------------------ fork

    /** What a heap page holds when the parent forks. */
    enum HeapPage { UNTOUCHED, WRITTEN, READ, DONTFORK, WIPEONFORK }

    record Parent(int text, int data, List<HeapPage> heap) {
        String level() {
            StringBuilder values = new StringBuilder();
            List<String> setup = new ArrayList<>();
            int heapStart = text + data;
            for (int i = 0; i < heap.size(); i++) {
                HeapPage h = heap.get(i);
                values.append(i > 0 ? ", " : "").append(h == HeapPage.UNTOUCHED || h == HeapPage.READ ? "~" : "h" + i);
                int vpn = heapStart + i;
                if (h == HeapPage.READ) {
                    setup.add("\"read 1 " + vpn + "\"");
                } else if (h == HeapPage.DONTFORK || h == HeapPage.WIPEONFORK) {
                    String advice = h.name().toLowerCase(java.util.Locale.ROOT);
                    setup.add("\"madvise 1 " + vpn + "-" + vpn + " " + advice + "\"");
                }
            }
            String dataList = "[" + String.join(", ", java.util.Collections.nCopies(data, "d")) + "]";
            return "format: 1\nid: t\ntitle: T\nmemory: {frames: 64}\nprograms:\n  p: {text: " + text + ", data: "
                    + dataList + ", heap: " + heap.size() + "}\nprocesses:\n  - {pid: 1, program: p, heap: [" + values
                    + "]}\nsetup: [" + String.join(", ", setup) + "]\n";
        }

        long count(HeapPage kind) {
            return heap.stream().filter(h -> h == kind).count();
        }
    }

    @Provide
    Arbitrary<Parent> parents() {
        return Combinators.combine(Arbitraries.integers().between(1, 3), Arbitraries.integers().between(0, 2),
                Arbitraries.of(HeapPage.class).list().ofMinSize(1).ofMaxSize(6)).as(Parent::new);
    }

    /** The count a sentence gives for a part, 0 when it leaves the part out. */
    private static int count(String sentence, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(sentence);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static final String[] EN = {"(\\d+) text pages? shared read-only", "(\\d+) pages? shared copy-on-write",
        "(\\d+) zero-page mappings?", "(\\d+) pages? left out by MADV_DONTFORK",
        "(\\d+) pages? left empty by MADV_WIPEONFORK"};
    private static final String[] ZH = {"(\\d+) 个代码页只读共享", "(\\d+) 个页以写时复制方式共享", "(\\d+) 个零页映射",
        "(\\d+) 个页被 MADV_DONTFORK 排除在外", "(\\d+) 个页被 MADV_WIPEONFORK 清空"};

    @Property(tries = 150)
    void aForkSentenceCountsTextCopyOnWriteAndZeroPagesAsTheChildsPageTableHoldsThem(
            @ForAll("parents") Parent parent) throws Exception {
        checkFork(parent);
    }

    @Example
    void aForkOfTextDataWrittenReadAndUntouchedHeapCountsEachKindApart() throws Exception {
        String en = checkFork(new Parent(2, 1, List.of(HeapPage.WRITTEN, HeapPage.READ, HeapPage.UNTOUCHED,
                HeapPage.WRITTEN)));
        assertThat(en).isEqualTo("pid 1 forked pid 2: the child maps 2 text pages shared read-only (never"
                + " copy-on-write), 3 pages shared copy-on-write, 1 zero-page mapping (no frame); no frame was"
                + " copied");
    }

    @Example
    void aForkAfterMadviseCountsThePagesLeftOutAndWiped() throws Exception {
        checkFork(new Parent(1, 0, List.of(HeapPage.DONTFORK, HeapPage.WIPEONFORK, HeapPage.WIPEONFORK)));
    }

    /** Plays the fork in both languages and checks every count; returns the English sentence. */
    private static String checkFork(Parent parent) throws Exception {
        String en = null;
        for (String language : Narrator.LANGUAGES) {
            Game game = start(parent.level());
            String sentence = play(game, new Narrator(game, language), "fork 1").get(0);
            List<PageInfo> child = game.kernel().pageTable(2);
            String[] parts = language.equals("en") ? EN : ZH;
            int text = (int) child.stream().filter(p -> p.mapping() == PageInfo.Mapping.FRAME
                    && p.segment() == Segment.TEXT).count();
            int cow = (int) child.stream().filter(p -> p.mapping() == PageInfo.Mapping.FRAME && p.cow()).count();
            int zero = (int) child.stream().filter(p -> p.mapping() == PageInfo.Mapping.ZERO).count();
            int absent = (int) child.stream().filter(p -> p.mapping() == PageInfo.Mapping.ABSENT).count();
            int wiped = (int) child.stream().filter(p -> p.mapping() == PageInfo.Mapping.UNMAPPED
                    && p.wipeonfork()).count();
            assertThat(child).as("text is shared read-only, never copy-on-write")
                    .filteredOn(p -> p.segment() == Segment.TEXT)
                    .allMatch(p -> !p.cow() && !p.writable() && p.refs() == 2);
            assertThat(new int[] {count(sentence, parts[0]), count(sentence, parts[1]), count(sentence, parts[2]),
                    count(sentence, parts[3]), count(sentence, parts[4])})
                    .as(sentence).containsExactly(text, cow, zero, absent, wiped)
                    .containsExactly(parent.text(), parent.data() + (int) parent.count(HeapPage.WRITTEN),
                            (int) parent.count(HeapPage.READ), (int) parent.count(HeapPage.DONTFORK),
                            (int) parent.count(HeapPage.WIPEONFORK));
            if (language.equals("en")) {
                en = sentence;
                assertThat(sentence).doesNotContain("all").doesNotContain("included");
            }
        }
        return en;
    }

    // ------------------------------------------------------------------ segv on text

    @Example
    void onlyAWriteToTextFaultsAndTheSentenceSaysSo() throws Exception {
        String level = "format: 1\nid: t\ntitle: T\nmemory: {frames: 8}\nprograms:\n  p: {text: 1, heap: 1}\n"
                + "processes:\n  - {pid: 1, program: p}\n";
        for (String language : Narrator.LANGUAGES) {
            Game game = start(level);
            Narrator n = new Narrator(game, language);
            Turn read = game.play(MoveParser.parseMove("read 1 0"));
            assertThat(read.outcome().events()).as("reading text is fine").isEmpty();
            assertThat(n.narrate(read)).containsExactly(n.say("quiet.read", 1, 0));
            Turn write = game.play(MoveParser.parseMove("write 1 0 X"));
            assertThat(write.outcome().events()).singleElement().isInstanceOf(Event.Segv.class);
            String sentence = n.narrate(write).get(0);
            assertThat(sentence).contains(language.equals("en") ? "wrote to vpn 0" : "写了虚拟页 0")
                    .contains(language.equals("en") ? "only a write faults" : "只有写入会出错");
            assertThat(game.kernel().page(1, 0).orElseThrow().value()).as("the write did not happen").isEqualTo("code");
        }
    }

    // ------------------------------------------------------------------ exec

    @Example
    void aVforkChildsExecSaysTheParentKeepsItsPagesAndTheyAreUntouched() throws Exception {
        String level = "format: 1\nid: t\ntitle: T\nmemory: {frames: 12}\nprograms:\n  p: {text: 1, heap: 2}\n"
                + "  q: {text: [q0]}\nprocesses:\n  - {pid: 1, program: p, heap: [a, b]}\n";
        for (String language : Narrator.LANGUAGES) {
            Game game = start(level);
            Narrator n = new Narrator(game, language);
            game.play(MoveParser.parseMove("vfork 1"));
            List<PageInfo> before = game.kernel().pageTable(1);
            String sentence = play(game, n, "exec 2 q").get(0);
            assertThat(game.kernel().pageTable(1)).as("the parent's pages after its vfork child's exec")
                    .isEqualTo(before);
            assertThat(sentence).contains(n.say("exec.old.vfork", 1)).doesNotContain(n.say("exec.old"));
            // a forked child's exec does drop its own mappings
            game.play(MoveParser.parseMove("fork 1"));
            String own = play(game, n, "exec 3 q").get(0);
            assertThat(own).contains(n.say("exec.old"));
            assertThat(game.kernel().pageTable(3)).allMatch(p -> p.segment() == Segment.TEXT);
        }
    }

    // ------------------------------------------------------------------ huge pages

    private static final String HUGE = "format: 1\nid: t\ntitle: T\nmemory: {frames: 16, hugePage: 4, thpCow: %s}\n"
            + "programs:\n  p: {text: 1, heap: 8}\nprocesses:\n  - {pid: 1, program: p}\n"
            + "moves: {allowed: [fork, write, madvise]}\n";

    private static String splitSentence(List<String> lines) {
        return lines.stream().map(String::strip)
                .filter(l -> l.contains("huge page at vpn") || l.contains("的大页被拆分"))
                .findFirst().orElseThrow(() -> new AssertionError("no split in " + lines));
    }

    @Example
    void aSplitByAnMadviseRangeSaysTheRangeCutItAndCopiesNothing() throws Exception {
        for (String language : Narrator.LANGUAGES) {
            Game game = start(String.format(HUGE, "split"));
            Narrator n = new Narrator(game, language);
            game.play(MoveParser.parseMove("write 1 1 a"));
            Turn turn = game.play(MoveParser.parseMove("madvise 1 2-3 dontfork"));
            String sentence = splitSentence(n.narrate(turn));
            assertThat(sentence).isEqualTo(n.say("thp-split.madvise", 1, 1, 4, 4, "2-3", "dontfork"));
            assertThat(sentence).doesNotContain("5.8");
            assertThat(game.kernel().stats().copies()).isZero();
        }
    }

    @Example
    void aSplitByAWriteToASharedHugePageSaysSinceLinux58AndOneSmallPageIsCopied() throws Exception {
        for (String language : Narrator.LANGUAGES) {
            Game game = start(String.format(HUGE, "split"));
            Narrator n = new Narrator(game, language);
            game.play(MoveParser.parseMove("write 1 1 a"));
            game.play(MoveParser.parseMove("fork 1"));
            Turn turn = game.play(MoveParser.parseMove("write 2 2 x"));
            assertThat(splitSentence(n.narrate(turn))).isEqualTo(n.say("thp-split.write", 2, 1, 4, 4))
                    .contains("5.8");
            assertThat(turn.outcome().events()).filteredOn(e -> e instanceof Event.CowCopy).hasSize(1);
        }
    }

    @Example
    void aSplitUnderCopyHugeSaysTooFewFramesWereFreeToCopyItWhole() throws Exception {
        // 8 frames: text 1 + one huge page of 4 leaves 3 free, too few to copy the huge page whole.
        String level = "format: 1\nid: t\ntitle: T\nmemory: {frames: 8, hugePage: 4, thpCow: copy-huge}\n"
                + "programs:\n  p: {text: 1, heap: 5}\nprocesses:\n  - {pid: 1, program: p}\n";
        for (String language : Narrator.LANGUAGES) {
            Game game = start(level);
            Narrator n = new Narrator(game, language);
            game.play(MoveParser.parseMove("write 1 1 a"));
            game.play(MoveParser.parseMove("fork 1"));
            int free = game.kernel().totalFrames() - game.kernel().used();
            assertThat(free).as("fewer frames free than a huge page").isLessThan(4).isPositive();
            Turn turn = game.play(MoveParser.parseMove("write 2 2 x"));
            assertThat(splitSentence(n.narrate(turn))).isEqualTo(n.say("thp-split.fallback", 2, 1, 4, 4));
            assertThat(turn.outcome().events()).filteredOn(e -> e instanceof Event.CowCopy).hasSize(1);
        }
    }

    // ------------------------------------------------------------------ frames that lose their last mapping

    @Example
    void aFrameNoLongerMappedIsToldFreeOnlyWhenTheBoardShowsItFreeAndCachedWhenItStaysInThePageCache()
            throws Exception {
        String level = "format: 1\nid: t\ntitle: T\nmemory: {frames: 8}\nprograms:\n  p: {text: 1, heap: 2}\n"
                + "processes:\n  - {pid: 1, program: p, heap: [a, b]}\n";
        for (String language : Narrator.LANGUAGES) {
            Game game = start(level);
            Narrator n = new Narrator(game, language);
            List<String> lines = play(game, n, "exit 1");
            for (int f = 0; f < 3; f++) {
                FrameInfo frame = game.kernel().frame(f);
                if (frame.free()) {
                    assertThat(lines).as("frame %d", f).contains(n.say("free", f)).doesNotContain(n.say("cached", f));
                } else {
                    assertThat(frame.kind()).isEqualTo(FrameKind.FILE);
                    assertThat(frame.refs()).isZero();
                    assertThat(lines).as("frame %d stays cached", f).doesNotContain(n.say("free", f));
                }
            }
        }
        Narrator en = new Narrator(start(level), "en");
        assertThat(en.say("cached", 0)).contains("page cache").contains("not counted as used")
                .contains("until reclaim").doesNotContain("free");
        assertThat(new Narrator(start(level), "zh").say("cached", 0)).contains("页缓存").contains("不计入已用")
                .contains("回收");
    }

    // ------------------------------------------------------------------ OOM after reclaim

    @Example
    void anOomKillSaysReclaimFoundNothingWhenNoPageCachePageIsOnTheBoard() throws Exception {
        String level = "format: 1\nid: t\ntitle: T\nmemory: {frames: 3, oom: kill}\nprograms:\n  a: {heap: 2}\n"
                + "  b: {heap: 1}\nprocesses:\n  - {pid: 1, program: a, heap: [x]}\n"
                + "  - {pid: 2, program: b, heap: [y]}\n"
                + "  - {pid: 3, program: b, heap: [z], oomScoreAdj: 1000}\n";
        for (String language : Narrator.LANGUAGES) {
            Game game = start(level);
            Narrator n = new Narrator(game, language);
            assertThat(java.util.stream.IntStream.range(0, 3).mapToObj(f -> game.kernel().frame(f)))
                    .as("nothing reclaimable: no page-cache frame").noneMatch(f -> f.kind() == FrameKind.FILE);
            Turn turn = game.play(MoveParser.parseMove("write 1 1 w"));
            Event.OomKill kill = (Event.OomKill) turn.outcome().events().get(0);
            assertThat(kill.pid()).as("the highest badness: rss 1 + 1000 x 3 / 1000").isEqualTo(3);
            assertThat(n.narrate(turn).get(0)).isEqualTo(n.say("oom-kill.global", kill.pid(), kill.badness(), 1,
                    kill.owner())).contains(language.equals("en") ? "reclaim found no clean page-cache page"
                    : "回收也找不到可丢弃的干净页缓存页");
            if (language.equals("en")) {
                assertThat(n.narrate(turn).get(0)).isEqualTo("memory was full and reclaim found no clean page-cache"
                        + " page to drop: the OOM killer killed pid 3 (badness 4) to let pid 1's fault go on");
            }
        }
    }
}
