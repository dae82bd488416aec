package org.cowarena.level;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.cowarena.game.ActorMove;
import org.cowarena.game.Game;
import org.cowarena.game.GoalCheck;
import org.cowarena.game.Turn;
import org.cowarena.move.Move;
import org.cowarena.move.MoveParser;
import org.junit.jupiter.api.Test;

/** The keys beyond the first version: more goals, actors, explain notes, impossible thresholds. */
class LevelFormatTest {
    private static String level(String extra) {
        return "format: 1\nid: t\ntitle: T\nmemory: {frames: 12, oom: kill}\nprograms:\n"
                + "  p: {text: 1, data: [d], heap: 3}\n"
                + "processes:\n  - {pid: 1, program: p, owner: alice, heap: [a, b, c]}\n"
                + "  - {pid: 2, program: p, owner: bob}\n" + extra;
    }

    private static List<String> problems(String yaml) {
        return Problems.of(yaml);
    }


    private static Game play(String yaml, String... moves) throws Exception {
        Game game = Game.start(LevelLoader.parse(yaml, "t.yaml"));
        for (String m : moves) {
            game.play(MoveParser.parseMove(m));
        }
        return game;
    }

    private static List<Boolean> checks(Game game) {
        return game.score().checks().stream().map(GoalCheck::met).collect(Collectors.toList());
    }

    @Test
    void everyGoalKindIsCheckedAgainstTheEndState() throws Exception {
        String yaml = level("moves: {limit: 6}\ngoal:\n"
                + "  - processes: {atLeast: 2, atMost: 3}\n"
                + "  - maxCopies: 1\n"
                + "  - maxFramesCopied: 1\n"
                + "  - noOomKill: true\n"
                + "  - alive: {pid: 1}\n"
                + "  - exited: {pid: 3}\n"
                + "  - killed: {pid: 2}\n"
                + "  - shared: {pid: 4, with: 1, atLeast: 3}\n"
                + "  - maxCharge: {owner: alice, atMost: 6}\n");
        Game start = play(yaml);
        assertThat(checks(start)).containsExactly(true, true, true, true, true, false, false, false, true);
        Game played = play(yaml, "fork 1", "exit 3", "fork 1", "write 4 4 X");
        // pid 4 copied page 4 away: it still shares text, data and pages 2 and 3 with pid 1
        assertThat(checks(played)).containsExactly(true, true, true, true, true, true, false, true, true);
        assertThat(played.score().checks().get(7).goal()).isEqualTo(new Goal.Shared(4, 1, 3, new Pos(19, 5)));
        Game costly = play(yaml, "fork 1", "write 3 2 Y", "write 3 3 Z");
        assertThat(checks(costly).subList(1, 3)).containsExactly(false, false);
    }

    @Test
    void actorsMoveAfterEachAcceptedPlayerMoveAndNotAfterARefusal() throws Exception {
        String yaml = level("actors:\n  - name: redis\n    script: [\"write 1 2 s1\", \"write 1 3 s2\"]\n");
        Game game = Game.start(LevelLoader.parse(yaml, "t.yaml"));
        Turn fork = game.play(new Move.Fork(1));
        assertThat(fork.actors()).extracting(ActorMove::actor, ActorMove::move)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("redis", new Move.Write(1, 2, "s1")));
        assertThat(fork.actors().get(0).outcome().events()).extracting(e -> e.type())
                .containsExactly("alloc", "cow-copy");
        Turn refused = game.play(new Move.Exit(9));
        assertThat(refused.actors()).isEmpty();
        Turn pass = game.play(new Move.Pass());
        assertThat(pass.actors().get(0).move()).isEqualTo(new Move.Write(1, 3, "s2"));
        assertThat(game.play(new Move.Pass()).actors()).isEmpty(); // the script has ended
        assertThat(game.metrics().moves()).isEqualTo(3);
        assertThat(game.metrics().copies()).isEqualTo(2);
    }

    @Test
    void aLoopingScriptStartsAgain() throws Exception {
        Game game = play(level("actors:\n  - {name: tick, script: [\"read 1 4\", \"pass\"], loop: true}\n"));
        List<Move> moves = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            moves.add(game.play(new Move.Pass()).actors().get(0).move());
        }
        assertThat(moves).containsExactly(new Move.Read(1, 4), new Move.Pass(), new Move.Read(1, 4), new Move.Pass(),
                new Move.Read(1, 4));
    }

    @Test
    void aSeededActorPicksTheSameMovesInEveryGameAndInCopies() throws Exception {
        String yaml = level("actors:\n  - name: clients\n    seed: 7\n"
                + "    pick: [\"write 1 2 x\", \"write 1 3 y\", \"write 1 4 z\", \"pass\"]\n");
        Game one = play(yaml);
        Game two = play(yaml);
        List<Move> first = new java.util.ArrayList<>();
        List<Move> second = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            if (i == 6) {
                two = two.copy();
            }
            first.add(one.play(new Move.Pass()).actors().get(0).move());
            second.add(two.play(new Move.Pass()).actors().get(0).move());
        }
        assertThat(second).isEqualTo(first);
        assertThat(first.stream().distinct().count()).as("a seeded pick varies: %s", first).isGreaterThan(1);
    }

    @Test
    void anActorNamingAPidNoProcessCanHaveIsRefused() {
        assertThat(problems(level("actors:\n  - {name: ghost, script: [\"write 9 1 X\"]}\n"))).containsExactly(
                "t.yaml:11:28: actor ghost names pid 9, which no process has: the start has pids up to 2");
        assertThat(problems(level("actors:\n  - {name: noseed, pick: [pass]}\n"))).singleElement().asString()
                .contains("needs a seed");
    }

    @Test
    void thresholdsNoPlayCanReachAreRefused() {
        assertThat(problems(level("goal:\n  - maxPeakFrames: 3\n"))).containsExactly(
                "t.yaml:11:5: maxPeakFrames 3 can never hold: the start already uses 5 frames");
        assertThat(problems(level("stars: {peakFrames: 4}\n"))).containsExactly(
                "t.yaml:10:21: stars.peakFrames 4 can never be reached: the start already uses 5 frames");
        assertThat(problems(level("goal:\n  - alive: {pid: 3}\nmoves: {limit: 2}\nstars: {moves: 0}\n")))
                .containsExactly("t.yaml:13:16: stars.moves 0 can never be reached: the goal is not met at the start");
        assertThat(problems(level("moves: {limit: 2}\nstars: {moves: 3}\n"))).containsExactly(
                "t.yaml:11:16: stars.moves 3 is more than moves.limit 2");
    }

    @Test
    void wrongGoalKeysAreReportedWithTheirPlace() {
        assertThat(problems(level("goal:\n  - maxCharge: {owner: carol, atMost: 2}\n"))).containsExactly(
                "t.yaml:11:24: no process is owned by \"carol\"");
        assertThat(problems(level("goal:\n  - processes: {atleast: 2}\n"))).singleElement().asString()
                .startsWith("t.yaml:11:17: unknown key \"atleast\" in processes");
        assertThat(problems(level("goal:\n  - exited: {pid: 40}\n"))).singleElement().asString()
                .startsWith("t.yaml:11:19: goal names pid 40");
    }

    @Test
    void explainNotesAreReadPerLanguage() throws Exception {
        Level level = LevelLoader.parse(level("explain:\n  cow-copy: {en: Copied., zh: 复制了。}\n  exit: Gone.\n"),
                "t.yaml");
        assertThat(level.explain("cow-copy", "zh")).hasValue("复制了。");
        assertThat(level.explain("exit", "zh")).hasValue("Gone.");
        assertThat(level.explain("fork", "en")).isEmpty();
        Level huge = LevelLoader.parse(level("explain:\n  huge-cow-copy: Whole.\n  cow-copy: One.\n"), "t.yaml");
        assertThat(huge.explain("huge-cow-copy", "en")).hasValue("Whole.");
        assertThat(huge.explainKey(new org.cowarena.kernel.Event.HugeCowCopy(1, 2, 2, List.of(1), List.of(2))))
                .isEqualTo("huge-cow-copy");
        assertThat(level.explainKey(new org.cowarena.kernel.Event.HugeCowCopy(1, 2, 2, List.of(1), List.of(2))))
                .as("no huge- note: the type's").isEqualTo("cow-copy");
        assertThat(problems(level("explain:\n  huge-fork: x\n"))).singleElement().asString()
                .startsWith("t.yaml:11:3: unknown key \"huge-fork\" in explain");
        assertThat(problems(level("explain:\n  cow-kopy: x\n"))).singleElement().asString()
                .startsWith("t.yaml:11:3: unknown key \"cow-kopy\" in explain");
    }

    @Test
    void anExplainNoteMayCarryAConditionAndItsProblemsNameTheirPlace() throws Exception {
        Level level = LevelLoader.parse(level("explain:\n  cow-copy:\n"
                + "    - when: {pid: 2, vpn: 1-3, segment: heap, move: write}\n      en: Heap.\n      zh: 堆。\n"
                + "    - Any copy.\n"), "t.yaml");
        assertThat(level.explain().get("cow-copy")).extracting(ExplainNote::when).first()
                .isEqualTo(new When(java.util.OptionalInt.of(2), java.util.OptionalInt.of(1),
                        java.util.OptionalInt.of(3), java.util.Optional.of(org.cowarena.kernel.Segment.HEAP),
                        java.util.Optional.of("write"), java.util.Optional.empty()));
        assertThat(level.explain("cow-copy", "zh")).as("the note without a condition").hasValue("Any copy.");
        Level single = LevelLoader.parse(level("explain:\n  zero-fill: {when: {vpn: 4}, en: Four.}\n"), "t.yaml");
        assertThat(single.explain().get("zero-fill")).singleElement().extracting(n -> n.text("zh"))
                .isEqualTo(java.util.Optional.of("Four."));
        assertThat(single.explain("zero-fill", "en")).as("no note without a condition").isEmpty();

        assertThat(problems(level("explain:\n  cow-copy: {when: {pid: 0}, en: x}\n"))).containsExactly(
                "t.yaml:11:26: explain.cow-copy.when.pid must be between 1 and 99999, found 0");
        assertThat(problems(level("moves: {limit: 2}\nexplain:\n  cow-copy: {when: {pid: 5}, en: x}\n")))
                .containsExactly("t.yaml:12:26: explain.cow-copy.when.pid 5 names no process: the start has pids up to"
                        + " 2 and play can create pids up to 4");
        assertThat(problems(level("explain:\n  cow-copy: {when: {vpn: 3-1}, en: x}\n"))).containsExactly(
                "t.yaml:11:26: explain.cow-copy.when.vpn range 3-1 ends before it starts");
        assertThat(problems(level("explain:\n  cow-copy: {when: {vpn: two}, en: x}\n"))).containsExactly(
                "t.yaml:11:26: explain.cow-copy.when.vpn must be a vpn or a range such as 2 or 1-3, found \"two\"");
        assertThat(problems(level("explain:\n  cow-copy: {when: {segment: bss}, en: x}\n"))).containsExactly(
                "t.yaml:11:30: explain.cow-copy.when.segment must be one of text, data, heap, stack, shared, found \"bss\"");
        assertThat(problems(level("explain:\n  cow-copy: {when: {move: jump}, en: x}\n"))).singleElement()
                .asString().startsWith("t.yaml:11:27: explain.cow-copy.when.move must be one of fork,");
        assertThat(problems(level("explain:\n  cow-copy: {when: {pdi: 2}, en: x}\n"))).singleElement().asString()
                .startsWith("t.yaml:11:21: unknown key \"pdi\" in explain.cow-copy.when (allowed: pid, vpn, segment,"
                        + " move, advice)");
        assertThat(problems(level("explain:\n  madvise: {when: {advice: huge}, en: x}\n"))).containsExactly(
                "t.yaml:11:28: explain.madvise.when.advice must be one of dontfork, dofork, wipeonfork, keeponfork,"
                        + " hugepage, nohugepage, found \"huge\"");
        assertThat(problems(level("explain:\n  cow-copy: {when: {}, en: x}\n"))).containsExactly(
                "t.yaml:11:20: explain.cow-copy.when needs at least one of pid, vpn, segment, move, advice");
        assertThat(problems(level("explain:\n  cow-copy: {when: {pid: 2}, zh: x}\n"))).containsExactly(
                "t.yaml:11:13: explain.cow-copy needs an \"en\" text");
        assertThat(problems(level("explain:\n  cow-copy: [One., Two.]\n"))).containsExactly(
                "t.yaml:11:20: explain.cow-copy has two notes without a condition (when): the second would never"
                        + " be told");
        assertThat(problems(level("explain:\n  cow-copy: []\n"))).containsExactly(
                "t.yaml:11:13: explain.cow-copy must not be an empty list");
    }
}
