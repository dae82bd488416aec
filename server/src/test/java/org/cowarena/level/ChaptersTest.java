package org.cowarena.level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The campaign's chapters: the bundled file agrees with the bundled levels, and a bad file names its places. */
class ChaptersTest {
    private static final String TWO = """
            format: 1
            chapters:
              - id: fork
                title: {en: fork, zh: fork 与写时复制}
                levels: [campaign/01-fork, campaign/02-cow-copy]
              - id: exec
                title: exec
                levels: [campaign/04-exec]
            """;

    @Test
    void bundledChaptersListEveryCampaignLevelOnceAndNothingElse() throws LevelException {
        Chapters chapters = Chapters.bundled();
        List<String> bundled = LevelLoader.bundledIds();
        assertThat(bundled).as("levels/index.txt lists each id once").doesNotHaveDuplicates();
        assertThat(chapters.problemsAgainst(bundled)).isEmpty();
        List<String> campaign = bundled.stream().filter(id -> id.startsWith(Chapters.CAMPAIGN))
                .collect(Collectors.toList());
        assertThat(chapters.levelIds()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(campaign);
        for (Chapter c : chapters.chapters()) {
            assertThat(c.title()).containsKey("en");
            assertThat(c.challenge()).isEqualTo(c.levels().get(c.levels().size() - 1));
        }
    }

    @Test
    void everyChapterLevelLoads() throws LevelException {
        for (String id : Chapters.bundled().levelIds()) {
            assertThat(LevelLoader.loadBundled(id).kind()).as(id).isEqualTo(LevelKind.PUZZLE);
        }
    }

    @Test
    void chaptersKeepTheirOrderTitlesAndLevels() throws LevelException {
        Chapters c = Chapters.parse(TWO, "chapters.yaml");
        assertThat(c.chapters()).extracting(Chapter::id).containsExactly("fork", "exec");
        assertThat(c.chapters().get(0).title("zh")).isEqualTo("fork 与写时复制");
        assertThat(c.chapters().get(1).title("zh")).as("falls back to English").isEqualTo("exec");
        assertThat(c.levelIds()).containsExactly("campaign/01-fork", "campaign/02-cow-copy", "campaign/04-exec");
        assertThat(c.chapterOf("campaign/04-exec").id()).isEqualTo("exec");
        assertThat(c.chapterOf("campaign/99-none")).isNull();
    }

    @Test
    void disagreementWithTheIndexIsNamedBothWays() throws LevelException {
        Chapters c = Chapters.parse(TWO, "chapters.yaml");
        assertThat(c.problemsAgainst(List.of("campaign/01-fork", "campaign/02-cow-copy", "campaign/03-x",
                "arena/zygote"))).containsExactly(
                "chapter \"exec\" lists campaign/04-exec, which levels/index.txt does not",
                "campaign/03-x is a campaign level in no chapter of levels/chapters.yaml");
    }

    @Test
    void aLevelInTwoChaptersIsRefusedAtItsSecondPlace() {
        String text = TWO.replace("levels: [campaign/04-exec]", "levels: [campaign/04-exec, campaign/01-fork]");
        assertThatThrownBy(() -> Chapters.parse(text, "chapters.yaml")).isInstanceOf(LevelException.class)
                .hasMessage("chapters.yaml:8:32: campaign/01-fork is already in chapter \"fork\": a level belongs"
                        + " to one chapter");
    }

    @Test
    void everyProblemIsReportedWithItsPlace() {
        String text = """
                format: 2
                chapters:
                  - id: Fork
                    title: {zh: 只有中文}
                    levels: []
                    extra: 1
                  - id: exec
                    title: exec
                    levels: [../etc/passwd]
                """;
        assertThatThrownBy(() -> Chapters.parse(text, "c.yaml")).isInstanceOfSatisfying(LevelException.class,
                e -> assertThat(e.problems()).extracting(LevelProblem::toString).containsExactly(
                        "c.yaml:1:9: format 2 is not supported: this version reads format 1",
                        "c.yaml:6:5: unknown key \"extra\" in a chapter (allowed: id, title, levels)",
                        "c.yaml:3:9: a chapter's id \"Fork\" is not valid: lower-case letters, digits and -",
                        "c.yaml:4:12: a chapter's title needs an \"en\" text",
                        "c.yaml:5:13: a chapter must list at least one level",
                        "c.yaml:9:14: a level id \"../etc/passwd\" is not valid: a bundled level id such as"
                                + " campaign/01-fork"));
    }

    @Test
    void unsafeOrBrokenYamlIsAProblemNotACrash() {
        assertThatThrownBy(() -> Chapters.parse("format: 1\nchapters: !!java.io.File [x]\n", "c.yaml"))
                .isInstanceOf(LevelException.class).hasMessageStartingWith("c.yaml:2:");
        assertThatThrownBy(() -> Chapters.parse("format: 1\nchapters: [\n", "c.yaml"))
                .isInstanceOf(LevelException.class).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> Chapters.parse("", "c.yaml")).hasMessage("c.yaml: the chapters file is empty");
        assertThatThrownBy(() -> Chapters.parse("format: 1\nformat: 1\nchapters: []\n", "c.yaml"))
                .isInstanceOf(LevelException.class);
    }
}
