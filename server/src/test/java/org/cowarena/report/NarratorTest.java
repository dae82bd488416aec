package org.cowarena.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cowarena.game.Game;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.MoveParser;
import org.junit.jupiter.api.Test;

class NarratorTest {
    private static final String LEVEL = "format: 1\nid: t\ntitle: T\nmemory: {frames: 12}\nprograms:\n"
            + "  p: {text: 1, data: [d], heap: 3}\nprocesses:\n  - {pid: 1, program: p, heap: [a, b]}\n"
            + "explain:\n  cow-copy: {en: The writer gets its own copy., zh: 写者得到自己的副本。}\n"
            + "actors:\n  - {name: redis, script: [pass, \"write 1 3 r\"]}\n";

    private static List<String> narrate(String language, String... moves) throws Exception {
        return narrateLevel(LEVEL, language, moves);
    }

    private static List<String> narrateLevel(String level, String language, String... moves) throws Exception {
        Game game = Game.start(LevelLoader.parse(level, "t.yaml"));
        Narrator narrator = new Narrator(game, language);
        List<String> lines = new java.util.ArrayList<>();
        for (String m : moves) {
            lines.addAll(narrator.narrate(game.play(MoveParser.parseMove(m))));
        }
        return lines;
    }

    @Test
    void eachEventIsOneSentenceAndTheFirstCopyCarriesTheLevelsNote() throws Exception {
        assertThat(narrate("en", "fork 1", "write 2 2 X", "write 2 3 Y")).containsExactly(
                "pid 1 forked pid 2: the child maps 1 text page shared read-only (never copy-on-write), 3 pages"
                        + " shared copy-on-write; no frame was copied",
                "[redis] pass",
                "  pass: nothing happens",
                "pid 2 wrote vpn 2, shared with pid 1: copied frame 2 into frame 4",
                "note: The writer gets its own copy.",
                "[redis] write 1 3 r",
                "  pid 1 wrote vpn 3, shared with pid 2: copied frame 3 into frame 5",
                "pid 2 wrote vpn 3: no one else maps frame 3 any more, so the kernel made it writable in place,"
                        + " no copy");
    }

    @Test
    void aHugePagesFaultGetsItsOwnNoteAndASmallPagesThePlainOne() throws Exception {
        // heap vpns 1-4 form one huge page of 4; vpns 5-6 are cut off by nohugepage before they fault
        String level = "format: 1\nid: t\ntitle: T\nmemory: {frames: 16, hugePage: 4, thpCow: copy-huge}\n"
                + "programs:\n  p: {text: 1, heap: 8}\nprocesses:\n  - {pid: 1, program: p}\n"
                + "moves: {allowed: [fork, write, madvise]}\n"
                + "explain:\n  zero-fill: Small.\n  huge-zero-fill: {en: Huge., zh: 大页。}\n  cow-copy: One frame.\n";
        List<String> lines = narrateLevel(level, "en", "madvise 1 5-8 nohugepage", "write 1 1 a", "write 1 2 b",
                "write 1 5 c", "write 1 6 d", "fork 1", "write 2 1 x");
        assertThat(lines.stream().filter(l -> l.startsWith("note: ") || l.startsWith("  note: ")).map(String::strip))
                .as(String.join("\n", lines))
                .containsExactly("note: Huge.", "note: Small.", "note: One frame.");
        // the huge page's copy has no huge- note of its own: it reads the plain type's
        assertThat(lines).contains("pid 2 wrote vpn 1 in a shared huge page: copied all 4 frames (1,2,3,4) into"
                + " 7,8,9,10");
    }

    @Test
    void anOomKillOfTheFaultingProcessSaysItsMoveEnds() throws Exception {
        // no page-cache page anywhere: reclaim has nothing to drop, the sentence says so
        String level = "format: 1\nid: t\ntitle: T\nmemory: {frames: 2, oom: kill}\nprograms:\n"
                + "  p: {heap: 3}\nprocesses:\n  - {pid: 1, program: p, heap: [a, b]}\n";
        Game game = Game.start(LevelLoader.parse(level, "t.yaml"));
        List<String> lines = new Narrator(game, "en").narrate(game.play(MoveParser.parseMove("write 1 2 X")));
        assertThat(lines).first().isEqualTo("memory was full and reclaim found no clean page-cache page to drop: the"
                + " OOM killer killed pid 1 (badness 2), the very process whose fault needed the frame; its move"
                + " ends there");
        assertThat(lines).noneMatch(l -> l.contains("go on"));
    }

    @Test
    void aCgroupOomKillNamesTheOwnerAsAName() throws Exception {
        String level = "format: 1\nid: t\ntitle: T\nmemory: {frames: 8, oom: kill, budget: 2}\nprograms:\n"
                + "  p: {heap: 3}\nprocesses:\n  - {pid: 1, program: p, heap: [a, b]}\n";
        Game game = Game.start(LevelLoader.parse(level, "t.yaml"));
        List<String> lines = new Narrator(game, "en").narrate(game.play(MoveParser.parseMove("write 1 2 X")));
        assertThat(lines).first().isEqualTo("owner you: memory budget full, and none of the page-cache pages charged"
                + " to it could be reclaimed; the OOM killer killed pid 1 (badness 2), the very process whose fault"
                + " needed the frame; its move ends there");
    }

    @Test
    void summaryLinesUseTheSingularForOneAndNeverGroupDigits() throws Exception {
        Narrator n = new Narrator(Game.start(LevelLoader.parse(LEVEL, "t.yaml")), "en");
        assertThat(n.say("summary.counts", 1, 1, 1, 0, 0, 0, 0, 0))
                .isEqualTo("Moves 1, copies 1 (1 frame), reuses 0, zero fills 0, OOM kills 0, segv 0, rejected 0");
        assertThat(n.say("summary.counts", 1000, 2, 2, 0, 0, 0, 0, 0)).startsWith("Moves 1000, copies 2 (2 frames)");
        assertThat(n.say("summary.counts", 1, 0, 0, 0, 0, 0, 0, 0)).startsWith("Moves 1, copies 0 (0 frames)");
        assertThat(n.say("summary.standing", 1, "alice", 3, 3, 1, 1))
                .isEqualTo("1. alice: jobs 3/3, 1 alive, 1 frame charged");
        assertThat(n.say("summary.standing", 2, "bob", 2, 3, 1, 2))
                .isEqualTo("2. bob: jobs 2/3, 1 alive, 2 frames charged");
        assertThat(n.say("goal.maxCopies", 1)).isEqualTo("at most 1 copy");
        assertThat(n.say("goal.maxPeakFrames", 1200)).isEqualTo("peak memory at most 1200 frames");
    }

    @Test
    void aForkOfOneTextPageSaysPageAndNeverCopyOnWrite() throws Exception {
        String level = "format: 1\nid: t\ntitle: T\nmemory: {frames: 4}\nprograms:\n  p: {text: 1}\n"
                + "processes:\n  - {pid: 1, program: p}\n";
        Game game = Game.start(LevelLoader.parse(level, "t.yaml"));
        assertThat(new Narrator(game, "en").narrate(game.play(MoveParser.parseMove("fork 1")))).containsExactly(
                "pid 1 forked pid 2: the child maps 1 text page shared read-only (never copy-on-write); no frame"
                        + " was copied");
    }

    @Test
    void aPageCacheFrameIsToldWithTheValueItWasLoadedWithEvenIfTheMoveFreedAndReusedIt() throws Exception {
        // pid 1's exec loads b0 into frame 2; over budget, it reclaims small's cached page in
        // frame 0 for b1, then b1 itself (the coldest, lower frame) for b2: frame 0 held two
        // pages in one move, each told as it was loaded.
        String level = "format: 1\nid: t\ntitle: T\nmemory: {frames: 8, oom: kill, budgets: {you: 2}}\n"
                + "programs:\n  small: {text: [s]}\n  big: {text: [b0, b1, b2]}\n  h: {text: [h], heap: 1}\n"
                + "processes:\n  - {pid: 1, program: small}\n  - {pid: 2, program: h, owner: house}\n"
                + "actors:\n  - {name: house, script: [\"write 2 1 H\"]}\n";
        Game game = Game.start(LevelLoader.parse(level, "t.yaml"));
        List<String> lines = new Narrator(game, "en").narrate(game.play(MoveParser.parseMove("exec 1 big")));
        assertThat(lines).contains("frame 2 now holds a page of a program (b0) in the page cache",
                "frame 0 now holds a page of a program (b1) in the page cache",
                "frame 0 now holds a page of a program (b2) in the page cache",
                "  pid 2 wrote vpn 1 for the first time: the kernel zero-filled frame 3 for it");
        assertThat(game.kernel().frame(0).value()).isEqualTo("b2");
    }

    @Test
    void execSaysWhetherItLoadedTheProgramOrFoundItCached() throws Exception {
        String level = "format: 1\nid: t\ntitle: T\nmemory: {frames: 12}\nprograms:\n"
                + "  p: {text: 1, data: [d], heap: 1}\n  q: {text: [q0, q1]}\n  anon: {heap: 1}\n"
                + "processes:\n  - {pid: 1, program: p}\n  - {pid: 2, program: p}\n";
        Game game = Game.start(LevelLoader.parse(level, "t.yaml"));
        Narrator n = new Narrator(game, "en");
        assertThat(n.narrate(game.play(MoveParser.parseMove("exec 1 q")))).first().isEqualTo("pid 1 execed q: its"
                + " old mappings were dropped, and the kernel loaded q's text into the page cache (2 pages)");
        assertThat(n.narrate(game.play(MoveParser.parseMove("exec 2 q")))).first().isEqualTo("pid 2 execed q: its"
                + " old mappings were dropped, and q's text was mapped from the page cache, already loaded:"
                + " no new frame was allocated");
        // p's pages stayed cached when both processes left it
        assertThat(n.narrate(game.play(MoveParser.parseMove("exec 2 p")))).first().isEqualTo("pid 2 execed p: its"
                + " old mappings were dropped, and p's text and data was mapped from the page cache, already loaded:"
                + " no new frame was allocated");
        assertThat(n.narrate(game.play(MoveParser.parseMove("exec 1 anon")))).first().isEqualTo("pid 1 execed anon:"
                + " its old mappings were dropped; anon has no text or data to map");
    }

    @Test
    void anExecThatFindsPartOfItsProgramStillCachedSaysSo() throws Exception {
        String level = "format: 1\nid: t\ntitle: T\nmemory: {frames: 3}\nprograms:\n"
                + "  p: {text: [p0, p1]}\n  z: {text: [z0], heap: 1}\n"
                + "processes:\n  - {pid: 1, program: p}\n  - {pid: 2, program: z}\nsetup: [\"exit 1\"]\n";
        Game game = Game.start(LevelLoader.parse(level, "t.yaml"));
        game.play(MoveParser.parseMove("write 2 1 X"));   // full: reclaim takes p0, the colder cached page
        assertThat(new Narrator(game, "en").narrate(game.play(MoveParser.parseMove("exec 2 p")))).first()
                .isEqualTo("pid 2 execed p: its old mappings were dropped; the page cache already held 1 of p's 2"
                        + " pages, and the kernel loaded the rest (1 page)");
    }

    @Test
    void anExecCutShortByTheOomKillerSaysHowFarItGot() throws Exception {
        // Everything else is pinned and exempt: the exec's first page can only come from killing pid 1.
        String level = "format: 1\nid: t\ntitle: T\nmemory: {frames: 3, oom: kill}\n"
                + "programs:\n  small: {text: [s]}\n  big: {text: [b0, b1, b2]}\n  db: {text: [x], heap: 1}\n"
                + "processes:\n  - {pid: 1, program: small}\n"
                + "  - {pid: 2, program: db, heap: [y], mlock: true, oomScoreAdj: -1000}\n"
                + "  - {pid: 3, program: small, mlock: true, oomScoreAdj: -1000}\n";
        Game game = Game.start(LevelLoader.parse(level, "t.yaml"));
        assertThat(new Narrator(game, "en").narrate(game.play(MoveParser.parseMove("exec 1 big")))).first()
                .isEqualTo("pid 1 execed big: its old mappings were dropped, and the kernel was loading big's text"
                        + " into the page cache (0 of 3 pages loaded) when memory ran out");
    }

    @Test
    void aCopyCountsItsSharersWhenAnActorChangedWhoMapsTheFrameLaterInTheTurn() throws Exception {
        // pid 2's copy leaves pids 1 and 3 on the old frame; the actor's copy for pid 1 then
        // leaves only pid 3 there by the time the turn is told.
        String level = "format: 1\nid: t\ntitle: T\nmemory: {frames: 8}\nprograms:\n  p: {text: 1, heap: 1}\n"
                + "processes:\n  - {pid: 1, program: p, heap: [a]}\nsetup: [\"fork 1\", \"fork 1\"]\n"
                + "actors:\n  - {name: house, script: [\"write 1 1 r\"]}\n";
        Game game = Game.start(LevelLoader.parse(level, "t.yaml"));
        assertThat(new Narrator(game, "en").narrate(game.play(MoveParser.parseMove("write 2 1 X")))).containsExactly(
                "pid 2 wrote vpn 1, shared with 2 other processes: copied frame 1 into frame 2",
                "[house] write 1 1 r",
                "  pid 1 wrote vpn 1, shared with pid 3: copied frame 1 into frame 3");
    }

    @Test
    void chineseNarrationTranslatesEventSentencesAndNotes() throws Exception {
        List<String> lines = narrate("zh", "fork 1", "write 2 2 X");
        assertThat(lines).contains("进程 1 fork 出进程 2：子进程映射了 1 个代码页只读共享（永远不做写时复制），"
                        + "3 个页以写时复制方式共享；没有复制任何页框",
                "进程 2 写了与 进程 1 共享的虚拟页 2：页框 2 被复制到页框 4", "说明：写者得到自己的副本。");
    }

    @Test
    void everyEnglishSentenceHasAChineseOne() {
        java.util.ResourceBundle en = java.util.ResourceBundle.getBundle("org.cowarena.report.narration",
                java.util.Locale.ROOT);
        java.util.ResourceBundle zh = java.util.ResourceBundle.getBundle("org.cowarena.report.narration",
                java.util.Locale.forLanguageTag("zh"));
        for (String key : en.keySet()) {
            if (key.equals("actor")) {
                continue; // "[{0}] {1}" has no words to translate
            }
            assertThat(zh.getString(key)).as(key).isNotEqualTo(en.getString(key));
        }
    }

    @Test
    void aNoteWithAConditionWaitsForTheEventItExplainsAndThePlainNoteTakesTheFirstOther() throws Exception {
        // the actor's write copies pid 1's vpn 1 first; the player's write then copies pid 2's vpn 2
        String level = "format: 1\nid: t\ntitle: T\nmemory: {frames: 12}\nprograms:\n  p: {text: 1, heap: 3}\n"
                + "processes:\n  - {pid: 1, program: p, heap: [a, b, c]}\n"
                + "actors:\n  - {name: rx, script: [\"write 1 1 pkt\"]}\n"
                + "explain:\n  cow-copy:\n    - {when: {pid: 2, vpn: 2, segment: heap, move: write}, en: Reseed.,"
                + " zh: 重新播种。}\n    - {when: {pid: 1, move: fork}, en: Never.}\n    - Packet.\n"
                + "  fork:\n    when: {pid: 2}\n    en: Not this fork.\n";
        for (String language : Narrator.LANGUAGES) {
            List<String> lines = narrateLevel(level, language, "fork 1", "write 2 2 seed2", "write 2 3 x");
            Narrator n = new Narrator(Game.start(LevelLoader.parse(level, "t.yaml")), language);
            List<String> notes = lines.stream().filter(l -> l.strip().startsWith(n.say("note", "").strip()))
                    .map(String::strip).toList();
            assertThat(notes).as(String.join("\n", lines)).containsExactly(n.say("note", "Packet."),
                    n.say("note", language.equals("zh") ? "重新播种。" : "Reseed."));
            int packet = lines.indexOf("  " + n.say("note", "Packet."));
            assertThat(lines.get(packet - 1)).as("the plain note follows the first copy, the packet's")
                    .isEqualTo("  " + n.say("cow-copy", 1, 1, n.say("sharers.one", 2), 1, 4));
            int reseed = lines.indexOf(notes.get(1));
            assertThat(lines.get(reseed - 1)).as("the reseed's note follows pid 2's copy of vpn 2")
                    .isEqualTo(n.say("cow-copy", 2, 2, n.say("sharers.one", 1), 2, 5));
        }
    }

    @Test
    void anAdviceConditionPicksTheNoteOfThatAdviceOnly() throws Exception {
        String level = "format: 1\nid: t\ntitle: T\nmemory: {frames: 12}\nprograms:\n  p: {text: 1, heap: 3}\n"
                + "processes:\n  - {pid: 1, program: p}\nmoves: {allowed: [madvise]}\n"
                + "explain:\n  madvise:\n    - {when: {advice: nohugepage}, en: Small pages only.}\n"
                + "    - Flags for later.\n";
        List<String> lines = narrateLevel(level, "en", "madvise 1 1-2 dontfork", "madvise 1 3 nohugepage",
                "madvise 1 2 nohugepage");
        assertThat(lines).containsExactly("pid 1 marked vpn 1-2 dontfork", "note: Flags for later.",
                "pid 1 marked vpn 3 nohugepage", "note: Small pages only.", "pid 1 marked vpn 2 nohugepage");
    }

    @Test
    void inTheMadviseLevelTheReseedNoteNeverFollowsThePacketsCopy() throws Exception {
        for (String language : Narrator.LANGUAGES) {
            Game game = Game.start(LevelLoader.loadBundled("campaign/10-madvise"));
            Narrator n = new Narrator(game, language);
            List<String> lines = new java.util.ArrayList<>();
            for (String m : List.of("fork 1", "write 2 2 seed2")) {
                lines.addAll(n.narrate(game.play(MoveParser.parseMove(m))).stream().map(String::strip).toList());
            }
            String note = n.say("note", "").strip();
            String reseed = language.equals("en") ? "reseed" : "重新播种";
            String packet = language.equals("en") ? "receive buffer" : "接收缓冲区";
            int packetNote = lines.indexOf(lines.stream().filter(l -> l.startsWith(note) && l.contains(packet))
                    .findFirst().orElseThrow(() -> new AssertionError("no packet note in " + lines)));
            assertThat(lines.get(packetNote - 1)).as("the packet's note follows the rx copy of pid 1's vpn 1")
                    .startsWith(copyOf(n, 1, 1));
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).startsWith(note) && lines.get(i).contains(reseed)) {
                    assertThat(lines.get(i - 1)).as("a reseed note follows pid 2's copy of vpn 2: %s", lines)
                            .startsWith(copyOf(n, 2, 2));
                }
            }
        }
    }

    /** How the sentence of a copy of {@code vpn} by {@code pid} begins, up to the sharers. */
    private static String copyOf(Narrator n, int pid, int vpn) {
        String sentence = n.say("cow-copy", pid, vpn, "\u0000", 0, 0);
        return sentence.substring(0, sentence.indexOf('\u0000'));
    }
}
