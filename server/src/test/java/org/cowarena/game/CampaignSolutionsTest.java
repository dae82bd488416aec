package org.cowarena.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.cowarena.level.Level;
import org.cowarena.level.LevelKind;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.MoveParser;
import org.cowarena.move.ScriptLine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled level loads, and the reference solution beside it ({@code NAME.moves})
 * plays without a refusal. A puzzle's solution meets its goal with three stars; doing
 * nothing, and the obvious play ({@code NAME.naive.moves}), do not.
 */
class CampaignSolutionsTest {

    static Stream<String> bundledLevels() {
        return LevelLoader.bundledIds().stream();
    }

    static Stream<String> puzzles() {
        return LevelLoader.bundledIds().stream().filter(id -> {
            try {
                return LevelLoader.loadBundled(id).kind() == LevelKind.PUZZLE;
            } catch (org.cowarena.level.LevelException e) {
                throw new AssertionError(e.getMessage(), e);
            }
        });
    }

    private static Game play(String id, String script, boolean allAccepted) throws Exception {
        Level level = LevelLoader.loadBundled(id);
        Game game = Game.start(level);
        for (ScriptLine line : MoveParser.parseScript(script)) {
            boolean ok = game.play(line.player(), line.move()).outcome().ok();
            if (allAccepted) {
                assertThat(ok).as("%s line %d: %s", id, line.line(), line.notation()).isTrue();
            }
        }
        return game;
    }

    @ParameterizedTest
    @MethodSource("bundledLevels")
    void theReferenceSolutionPlaysWithoutARefusal(String id) throws Exception {
        String script = resource("levels/" + id + ".moves")
                .orElseThrow(() -> new AssertionError(id + " needs a reference solution " + id + ".moves"));
        Game game = play(id, script, true);
        assertThat(game.metrics().moves()).isPositive();
    }

    @ParameterizedTest
    @MethodSource("puzzles")
    void aPuzzlesReferenceSolutionEarnsThreeStars(String id) throws Exception {
        Game game = play(id, resource("levels/" + id + ".moves").orElseThrow(), true);
        Score score = game.score();
        assertThat(score.checks()).as(id).allMatch(GoalCheck::met);
        assertThat(score.stars()).as("%s: %s", id, score.overruns()).isEqualTo(3);
    }

    @ParameterizedTest
    @MethodSource("puzzles")
    void doingNothingDoesNotEarnThreeStars(String id) throws Exception {
        Game game = Game.start(LevelLoader.loadBundled(id));
        assertThat(game.score().stars()).as(id).isLessThan(3);
    }

    @ParameterizedTest
    @MethodSource("puzzles")
    void theObviousPlayDoesNotEarnThreeStars(String id) throws Exception {
        Optional<String> naive = resource("levels/" + id + ".naive.moves");
        if (id.startsWith("campaign/")) {
            assertThat(naive).as(id + " needs " + id + ".naive.moves: the obvious play").isPresent();
        }
        if (naive.isPresent()) {
            Game game = play(id, naive.get(), false);
            assertThat(game.score().stars()).as(id).isLessThan(3);
        }
    }

    @ParameterizedTest
    @MethodSource("puzzles")
    void campaignBriefingsAreInEnglishAndChinese(String id) throws Exception {
        if (id.startsWith("campaign/")) {
            assertThat(LevelLoader.loadBundled(id).briefing()).containsKeys("en", "zh");
        }
    }

    @org.junit.jupiter.api.Test
    void everyLevelFileIsBundledAndEveryBundledIdHasItsFile() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("cowarena.levelsDir", "../levels"));
        java.util.List<String> files;
        try (Stream<java.nio.file.Path> walk = java.nio.file.Files.walk(dir)) {
            files = walk.map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(".yaml") && p.contains("/")) // levels/chapters.yaml is no level
                    .map(p -> p.substring(0, p.length() - ".yaml".length()))
                    .sorted().toList();
        }
        assertThat(LevelLoader.bundledIds()).as("levels/index.txt against the files in " + dir)
                .containsExactlyInAnyOrderElementsOf(files);
    }

    private static Optional<String> resource(String path) throws IOException {
        try (InputStream in = CampaignSolutionsTest.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
