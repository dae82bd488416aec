package org.cowarena.level;

import java.util.List;
import java.util.stream.Collectors;

/** The problems a level text is refused with, as people read them. */
final class Problems {
    private Problems() {
    }

    static List<String> of(String yaml) {
        try {
            LevelLoader.parse(yaml, "t.yaml");
        } catch (LevelException e) {
            return e.problems().stream().map(LevelProblem::toString).collect(Collectors.toList());
        }
        throw new AssertionError("expected the level to be refused");
    }
}
