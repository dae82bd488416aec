package org.cowarena.level;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Whatever a level file holds, loading it ends in a level or in problems with places: never a crash. */
class LevelLoaderFuzzTest {
    private static final String[] JUNK = {"", "~", "-1", "0", "012", "[", "]", "{", "}", ":", "- ", "&a", "*a",
        "!!str", "\t", "\n", "'", "\"", "99999999999", "x", "no", "[1, [2]]", "{a: b}", "#"};

    @Property(tries = 3000, seed = "20261123")
    void anyMutationOfAValidLevelLoadsOrReportsProblems(@ForAll @IntRange(min = 0, max = 1_000_000) int where,
                                                         @ForAll @IntRange(min = 0, max = 23) int junk,
                                                         @ForAll @IntRange(min = 0, max = 8) int cut) {
        String text = LevelLoaderTest.FULL;
        int at = where % text.length();
        String mutated = text.substring(0, at) + JUNK[junk] + text.substring(Math.min(text.length(), at + cut));
        try {
            Level level = LevelLoader.parse(mutated, "fuzz.yaml");
            assertThat(level.id()).isNotNull();
        } catch (LevelException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.source()).isEqualTo("fuzz.yaml");
                assertThat(p.message()).isNotBlank();
            });
        }
    }
}
