package org.cowarena.level;

import java.util.List;
import java.util.stream.Collectors;

/** A level that cannot be used, with every problem found in it. */
public final class LevelException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<LevelProblem> problems;

    public LevelException(List<LevelProblem> problems) {
        super(problems.stream().map(LevelProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a level exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public LevelException(LevelProblem problem) {
        this(List.of(problem));
    }

    public List<LevelProblem> problems() {
        return problems;
    }
}
