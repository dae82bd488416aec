package org.cowarena.level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cowarena.kernel.Kernel;
import org.cowarena.kernel.OomPolicy;
import org.cowarena.kernel.Overcommit;
import org.cowarena.kernel.PageInfo;
import org.cowarena.kernel.ThpCow;
import org.cowarena.move.Move;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LevelLoaderTest {
    static final String FULL = String.join("\n",
            "format: 1",
            "id: everything",
            "title: Every key",
            "kind: arena",
            "briefing:",
            "  en: Read me.",
            "  zh: 读我。",
            "memory:",
            "  frames: 32",
            "  oom: kill",
            "  hugePage: 2",
            "  thpCow: copy-huge",
            "  budget: 10",
            "  budgets: {bob: 12}",
            "rules: {segv: kill}",
            "programs:",
            "  p:",
            "    text: 2",
            "    data: [a, 'no']",
            "    heap: 4",
            "    stack: 1",
            "  q:",
            "    text: [main, lib]",
            "processes:",
            "  - pid: 1",
            "    program: p",
            "    owner: alice",
            "    heap: [no, on, ~, 012]",
            "    stack: [1.10]",
            "    oomScoreAdj: -1000",
            "  - {pid: 2, program: q, owner: bob}",
            "setup: [\"fork 1\"]",
            "moves:",
            "  allowed: [fork, write, madvise]",
            "  limit: 12",
            "goal:",
            "  - running: {program: p, atLeast: 2}",
            "  - page: {pid: 1, vpn: 4, value: no}",
            "  - maxPeakFrames: 20",
            "stars: {moves: 6, copies: 1}",
            "hints: [\"one\", \"two\"]",
            "");

    @TempDir
    Path dir;

    private static List<String> problems(String yaml) {
        return Problems.of(yaml);
    }


    private static String minimal(String extra) {
        return "format: 1\nid: t\ntitle: T\nmemory: {frames: 8}\nprograms:\n  p: {text: 1, heap: 2}\n"
                + "processes:\n  - {pid: 1, program: p}\n" + extra;
    }

    @Test
    void aLevelWithEveryKeyLoadsWithTheValuesAsWritten() throws Exception {
        Level level = LevelLoader.parse(FULL, "full.yaml");
        assertThat(level.id()).isEqualTo("everything");
        assertThat(level.kind()).isEqualTo(LevelKind.ARENA);
        assertThat(level.briefing()).containsEntry("en", "Read me.").containsEntry("zh", "读我。");
        assertThat(level.memory().frames()).isEqualTo(32);
        assertThat(level.memory().oom()).isEqualTo(OomPolicy.KILL);
        assertThat(level.memory().hugePage()).isEqualTo(2);
        assertThat(level.memory().thpCow()).isEqualTo(ThpCow.COPY_HUGE);
        assertThat(level.memory().segvKills()).isTrue();
        assertThat(level.memory().budgets()).containsEntry("alice", 10).containsEntry("bob", 12);
        assertThat(level.programs()).extracting(p -> p.name()).containsExactly("p", "q");
        assertThat(level.programs().get(0).text()).containsExactly("code", "code");
        assertThat(level.programs().get(0).data()).containsExactly("a", "no");
        assertThat(level.programs().get(1).text()).containsExactly("main", "lib");
        ProcessSpec first = level.processes().get(0);
        assertThat(first.heap()).containsExactly("no", "on", null, "012");
        assertThat(first.stack()).containsExactly("1.10");
        assertThat(first.oomScoreAdj()).isEqualTo(Kernel.OOM_SCORE_ADJ_MIN);
        assertThat(first.pos()).isEqualTo(new Pos(25, 5));
        assertThat(level.setup()).extracting(SetupMove::move).containsExactly(new Move.Fork(1));
        assertThat(level.moves().allowed()).containsExactly("fork", "write", "madvise");
        assertThat(level.moves().limit()).hasValue(12);
        assertThat(level.goals()).hasSize(3);
        assertThat(level.goals().get(1)).isEqualTo(new Goal.Page(1, 4, "no", new Pos(38, 5)));
        assertThat(level.stars()).containsExactly(java.util.Map.entry("moves", 6), java.util.Map.entry("copies", 1));
        assertThat(level.hints()).containsExactly("one", "two");
    }

    @Test
    void yaml11BooleansAndOctalsStayTheTextAsWritten() throws Exception {
        Level level = LevelLoader.parse(minimal("  - {pid: 2, program: p, heap: [yes, off]}\n"), "t.yaml");
        assertThat(level.processes().get(1).heap()).containsExactly("yes", "off");
        assertThat(Game0.valueAt(level, 2, 1)).isEqualTo("yes");
    }

    @Test
    void aQuotedTildeIsAValueAndAnUnquotedOneLeavesThePageUntouched() throws Exception {
        Level level = LevelLoader.parse(minimal("  - {pid: 2, program: p, heap: ['~', ~]}\n"), "t.yaml");
        assertThat(level.processes().get(1).heap()).containsExactly("~", null);
    }

    @Test
    void unknownKeysAreReportedWithLineAndColumnAndTheAllowedKeys() {
        assertThat(problems(minimal("colour: red\n"))).containsExactly("t.yaml:9:1: unknown key \"colour\" in a"
                + " level (allowed: format, id, title, kind, briefing, memory, rules, programs, processes, seats,"
                + " setup, moves, goal, stars, hints, explain, actors)");
    }

    @Test
    void aCountWithALeadingZeroIsRefusedNotReadAsOctal() {
        assertThat(problems("format: 1\nid: t\ntitle: T\nmemory: {frames: 012}\nprograms:\n  p: {text: 1}\n"
                + "processes:\n  - {pid: 1, program: p}\n")).containsExactly(
                "t.yaml:4:18: memory.frames must be a whole number, found \"012\" (write it without a leading zero)");
    }

    @Test
    void wrongTypesAreReported() {
        assertThat(problems(minimal("moves: {limit: [1, 2]}\n"))).containsExactly(
                "t.yaml:9:16: moves.limit must be a single value, not a list");
        assertThat(problems(minimal("hints: oops\n"))).containsExactly("t.yaml:9:8: hints must be a list");
    }

    @Test
    void duplicateKeysAreRefused() {
        assertThat(problems(minimal("id: again\n"))).containsExactly("t.yaml:9:1: duplicate key \"id\" in a level");
        assertThat(problems(minimal("moves: {limit: 3, limit: 4}\n"))).containsExactly(
                "t.yaml:9:19: duplicate key \"limit\" in moves");
    }

    @Test
    void aYamlSyntaxErrorNamesItsPlace() {
        assertThat(problems("format: 1\nid: [unclosed\n")).singleElement().asString().startsWith("t.yaml:3:1: not valid"
                + " YAML");
    }

    @Test
    void explicitTagsAreRefused() {
        assertThat(problems(minimal("hints: [!!python/object:os.system ls]\n"))).containsExactly(
                "t.yaml:9:9: not valid YAML: Global tag is not allowed: tag:yaml.org,2002:python/object:os.system");
        assertThat(problems(minimal("hints: [!local ls]\n"))).containsExactly(
                "t.yaml:9:9: tags such as !local are not allowed in a level");
    }

    @Test
    void anAliasBombIsRefusedWithoutExpandingIt() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 30; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            yaml.append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
        }
        assertThat(problems(yaml.toString())).singleElement().asString().contains("not valid YAML");
    }

    @Test
    void aProcessNamingAnUnknownProgramIsReportedAtTheName() {
        assertThat(problems(minimal("  - {pid: 2, program: wrker}\n"))).containsExactly(
                "t.yaml:9:23: unknown program \"wrker\" (programs: p)");
    }

    @Test
    void aStartThatDoesNotFitInItsFramesEvenAfterReclaimIsRefusedAtTheProcess() {
        String yaml = "format: 1\nid: t\ntitle: T\nmemory: {frames: 2}\nprograms:\n  p: {text: 1, data: [a, b]}\n"
                + "processes:\n  - {pid: 1, program: p, mlock: true}\n";
        assertThat(problems(yaml)).singleElement().asString()
                .startsWith("t.yaml:8:5: process 1 cannot start: out of memory");
    }

    @Test
    void aStartMayReclaimItsOwnPageCacheAndStillBeValid() throws Exception {
        String yaml = "format: 1\nid: t\ntitle: T\nmemory: {frames: 2}\nprograms:\n  p: {text: 1, data: [a, b]}\n"
                + "processes:\n  - {pid: 1, program: p}\n";
        Level level = LevelLoader.parse(yaml, "t.yaml");
        Kernel kernel = LevelBoot.boot(level);
        assertThat(kernel.page(1, 0).orElseThrow().mapping()).isEqualTo(PageInfo.Mapping.GONE);
    }

    @Test
    void mlockMustBeTrueOrFalseAndIsNotForAForkedStart() {
        String yaml = "format: 1\nid: t\ntitle: T\nmemory: {frames: 8}\nprograms:\n  p: {text: 1}\n"
                + "processes:\n  - {pid: 1, program: p, mlock: yes}\n";
        assertThat(problems(yaml)).containsExactly("t.yaml:8:33: mlock must be one of true, false, found \"yes\"");
        String forked = "format: 1\nid: t\ntitle: T\nmemory: {frames: 8}\nprograms:\n  p: {text: 1}\n"
                + "processes:\n  - {pid: 1, program: p}\n  - {pid: 2, forkOf: 1, mlock: true}\n";
        assertThat(problems(forked)).singleElement().asString().startsWith("t.yaml:9:32: mlock applies to a process"
                + " that starts by exec");
    }

    @Test
    void overcommitAndSharedPagesAreReadAndCheckedWithTheirPlace() throws Exception {
        String yaml = "format: 1\nid: t\ntitle: T\nmemory: {frames: 8, overcommit: never, overcommitRatio: 75}\n"
                + "programs:\n  p: {text: 1, shared: 2}\nprocesses:\n  - {pid: 1, program: p}\n";
        Level level = LevelLoader.parse(yaml, "t.yaml");
        assertThat(level.memory().overcommit()).isEqualTo(Overcommit.NEVER);
        assertThat(level.memory().commitLimit()).isEqualTo(6);
        assertThat(level.programs().get(0).shared()).isEqualTo(2);
        assertThat(problems(yaml.replace("never", "sometimes"))).containsExactly("t.yaml:4:33: memory.overcommit"
                + " must be one of heuristic, always, never, found \"sometimes\"");
        assertThat(problems(yaml.replace("shared: 2", "shared: -1"))).containsExactly(
                "t.yaml:6:24: p.shared must be between 0 and 1048576, found -1");
    }

    @Test
    void aBudgetForAnOwnerNoProcessHasIsATypo() throws Exception {
        String yaml = "format: 1\nid: t\ntitle: T\nmemory:\n  frames: 8\n  budgets: {alice: 2, bbo: 2}\n"
                + "programs:\n  p: {text: 1}\nprocesses:\n  - {pid: 1, program: p, owner: alice}\n"
                + "  - {pid: 2, program: p, owner: bob}\n";
        assertThat(problems(yaml)).containsExactly(
                "t.yaml:6:23: memory.budgets names \"bbo\", which no process has (owners: alice, bob)");
        assertThat(LevelLoader.parse(yaml.replace("bbo", "bob"), "t.yaml").memory().budgets())
                .containsEntry("bob", 2);
    }

    @Test
    void aBudgetIsNotCheckedAgainstOwnersWhenAProcessCouldNotBeRead() {
        String yaml = "format: 1\nid: t\ntitle: T\nmemory:\n  frames: 8\n  budgets: {alice: 2, bob: 2}\n"
                + "programs:\n  p: {text: 1}\nprocesses:\n  - {pid: 1, program: p, owner: alice}\n"
                + "  - {pid: 2, program: q, owner: bob}\n";
        assertThat(problems(yaml)).singleElement().asString().contains("unknown program \"q\"");
    }

    @Test
    void aStartOverBudgetUnderOomRejectNamesTheOwnerAsAName() {
        String yaml = "format: 1\nid: t\ntitle: T\nmemory: {frames: 8, budget: 2}\n"
                + "programs:\n  p: {text: 1, data: [d]}\nprocesses:\n  - {pid: 1, program: p, data: [mine], mlock: true}\n";
        assertThat(problems(yaml)).containsExactly("t.yaml:8:5: process 1 cannot write its data value mine:"
                + " owner you: memory budget full (2 of 2 frames charged, none reclaimable)");
    }

    @Test
    void aStartOverAnOwnersBudgetNamesTheBudgetNotTheMachine() {
        String yaml = "format: 1\nid: t\ntitle: T\nmemory: {frames: 8, oom: kill, budgets: {ann: 2}}\n"
                + "programs:\n  p: {text: 1, heap: 2}\nprocesses:\n  - {pid: 1, program: p, owner: ann, heap: [a], mlock: true}\n"
                + "setup: [\"fork 1\", \"write 2 2 b\"]\n";
        assertThat(problems(yaml)).containsExactly("t.yaml:9:19: setup move \"write 2 2 b\" fails: the start does"
                + " not fit in the budget of owner ann, 2 frames (the OOM killer killed pid 2)");
        assertThat(problems(yaml.replace("budgets: {ann: 2}", "budgets: {ann: 8}").replace("frames: 8", "frames: 2")))
                .containsExactly("t.yaml:9:19: setup move \"write 2 2 b\" fails: the start does not fit in 2 frames"
                        + " (the OOM killer killed pid 2)");
    }

    @Test
    void aBadSetupMoveIsReportedAtItsPlace() {
        assertThat(problems(minimal("setup:\n  - fork 1\n  - frok 2\n"))).containsExactly(
                "t.yaml:11:5: setup move \"frok 2\": unknown move \"frok\": fork, vfork, exec, write, read, exit,"
                        + " madvise or pass");
        assertThat(problems(minimal("setup: [\"exit 7\"]\n"))).containsExactly(
                "t.yaml:9:9: setup move \"exit 7\" fails: no process 7");
    }

    @Test
    void aGoalNamingAPidNoProcessCanHaveIsRefused() {
        assertThat(problems(minimal("moves: {limit: 2}\ngoal:\n  - page: {pid: 9, vpn: 1, value: X}\n")))
                .containsExactly("t.yaml:11:17: goal names pid 9, which no process has: the start has pids up to 1"
                        + " and play can create pids up to 3");
        assertThat(problems(minimal("goal:\n  - page: {pid: 1, vpn: 5, value: X}\n"))).containsExactly(
                "t.yaml:10:25: vpn 5 is out of range: program p has pages 0-2");
    }

    @Test
    void aGoalOnAChildThatPlayCanCreateIsAccepted() throws Exception {
        Level level = LevelLoader.parse(minimal("moves: {limit: 2}\ngoal:\n  - page: {pid: 3, vpn: 1, value: X}\n"),
                "t.yaml");
        assertThat(level.goals()).hasSize(1);
    }

    @Test
    void aMapBriefingNeedsEnglish() {
        assertThat(problems(minimal("briefing: {zh: 你好}\n"))).containsExactly("t.yaml:9:11: briefing needs an"
                + " \"en\" text");
    }

    @Test
    void unknownGoalKindsAndStarMetricsAreRefused() {
        assertThat(problems(minimal("goal:\n  - winning: true\n"))).singleElement().asString()
                .startsWith("t.yaml:10:5: unknown key \"winning\" in a goal");
        assertThat(problems(minimal("stars: {speed: 3}\n"))).singleElement().asString()
                .startsWith("t.yaml:9:9: unknown key \"speed\" in stars");
    }

    @Test
    void resolveReadsAFileOrABundledIdAndExplainsWhenNeitherExists() throws Exception {
        Path file = Files.writeString(dir.resolve("mine.yaml"), minimal(""));
        assertThat(LevelLoader.resolve(file.toString()).source()).isEqualTo(file.toString());
        assertThat(LevelLoader.resolve("campaign/01-fork").source()).isEqualTo("levels/campaign/01-fork.yaml");
        assertThatThrownBy(() -> LevelLoader.resolve("campaign/99-nothing")).isInstanceOf(LevelException.class)
                .hasMessageContaining("campaign/99-nothing: no such level file, and no bundled level with that id");
        assertThatThrownBy(() -> LevelLoader.resolve(dir.resolve("gone.yaml").toString()))
                .hasMessageEndingWith("gone.yaml: no such file");
    }

    @Test
    void theIndexListsExactlyTheBundledLevelFiles() throws Exception {
        Path levels = Path.of(System.getProperty("cowarena.levelsDir", "../levels"));
        List<String> files;
        try (Stream<Path> walk = Files.walk(levels)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !levels.relativize(p).toString().equals("chapters.yaml")) // no level: the chapters
                    .map(p -> levels.relativize(p).toString().replace('\\', '/').replaceAll("\\.yaml$", ""))
                    .sorted().collect(Collectors.toList());
        }
        assertThat(LevelLoader.bundledIds()).containsExactlyInAnyOrderElementsOf(files);
        for (String id : LevelLoader.bundledIds()) {
            assertThat(LevelLoader.loadBundled(id).source()).isEqualTo("levels/" + id + ".yaml");
        }
    }

    /** Reads a page value after the level's start, for tests. */
    private static final class Game0 {
        static String valueAt(Level level, int pid, int vpn) throws LevelException {
            return LevelBoot.boot(level).page(pid, vpn).orElseThrow().value();
        }
    }
}
