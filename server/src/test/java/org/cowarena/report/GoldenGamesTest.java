package org.cowarena.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cowarena.game.Game;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.MoveParser;
import org.cowarena.move.ScriptLine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole games whose {@code play --json} output is checked in. A change in the output
 * is either a bug or a deliberate change of the rules: regenerate with
 * {@code ./mvnw -q -pl server test -Dtest=GoldenGamesTest -Dcowarena.updateGolden=true}
 * and review the diff.
 */
class GoldenGamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"bgsave", "oom", "madvise", "reclaim", "shm", "enomem"})
    void playJsonMatchesTheCheckedInGame(String name) throws Exception {
        String actual = play(name);
        assertThat(play(name)).as("the same level and moves give the same bytes").isEqualTo(actual);
        Path goldenFile = Path.of(System.getProperty("cowarena.goldenDir", "src/test/resources/golden"),
                name + ".jsonl");
        if (Boolean.getBoolean("cowarena.updateGolden")) {
            Files.writeString(goldenFile, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).isEqualTo(resource("golden/" + name + ".jsonl"));
    }

    private static String play(String name) throws Exception {
        Game game = Game.start(LevelLoader.parse(resource("golden/" + name + ".yaml"), name + ".yaml"));
        List<String> lines = new ArrayList<>();
        for (ScriptLine line : MoveParser.parseScript(resource("golden/" + name + ".moves"))) {
            lines.addAll(JsonReport.lines(game.play(line.player(), line.move())));
        }
        lines.add(JsonReport.finalLine(game));
        return String.join("\n", lines) + "\n";
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = GoldenGamesTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
