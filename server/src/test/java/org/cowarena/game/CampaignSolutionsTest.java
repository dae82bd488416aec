package org.cowarena.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import java.util.stream.Stream;
import org.cowarena.level.Level;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.MoveParser;
import org.cowarena.move.ScriptLine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bundled level loads, and the reference solution beside it meets its goal with three stars. */
class CampaignSolutionsTest {

    static Stream<String> bundledLevels() {
        return LevelLoader.bundledIds().stream();
    }

    @ParameterizedTest
    @MethodSource("bundledLevels")
    void referenceSolutionEarnsThreeStars(String id) throws Exception {
        Level level = LevelLoader.loadBundled(id);
        Game game = Game.start(level);
        for (ScriptLine line : MoveParser.parseScript(resource("levels/" + id + ".moves"))) {
            assertThat(game.play(line.player(), line.move()).outcome().ok())
                    .as("%s line %d: %s", id, line.line(), line.notation()).isTrue();
        }
        Score score = game.score();
        assertThat(score.checks()).allMatch(GoalCheck::met);
        assertThat(score.stars()).isEqualTo(3);
    }

    @ParameterizedTest
    @MethodSource("bundledLevels")
    void doingNothingDoesNotEarnThreeStars(String id) throws Exception {
        Game game = Game.start(LevelLoader.loadBundled(id));
        assertThat(game.score().stars()).isLessThan(3);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = CampaignSolutionsTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing resource " + path + ": every level needs a reference solution");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
