package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressTest {
    @TempDir
    Path dir;

    @Test
    void configDirFollowsXdgAndFallsBackToDotConfig() {
        assertThat(Progress.configDir(Map.of("XDG_CONFIG_HOME", "/x/conf"), "/home/a"))
                .isEqualTo(Path.of("/x/conf/cowarena"));
        assertThat(Progress.configDir(Map.of(), "/home/a")).isEqualTo(Path.of("/home/a/.config/cowarena"));
        // the spec ignores a relative XDG_CONFIG_HOME
        assertThat(Progress.configDir(Map.of("XDG_CONFIG_HOME", "rel"), "/home/a"))
                .isEqualTo(Path.of("/home/a/.config/cowarena"));
    }

    @Test
    void keepsTheBestStarsAcrossRuns() throws Exception {
        Path conf = dir.resolve("cowarena");
        Progress p = Progress.load(conf);
        assertThat(p.played("campaign/01-fork")).isFalse();
        assertThat(p.record("campaign/01-fork", 2)).isNull();
        assertThat(p.record("campaign/01-fork", 1)).isNull();
        assertThat(p.record("campaign/02-cow-copy", 3)).isNull();
        Progress again = Progress.load(conf);
        assertThat(again.stars("campaign/01-fork")).isEqualTo(2);
        assertThat(again.stars("campaign/02-cow-copy")).isEqualTo(3);
        assertThat(Files.readString(conf.resolve("progress.properties"))).contains("campaign/01-fork=2");
    }

    @Test
    void aHandEditedFileDoesNotStopTheGame() throws Exception {
        Path conf = dir.resolve("cowarena");
        Files.createDirectories(conf);
        Files.writeString(conf.resolve("progress.properties"), "garbage\ncampaign/01-fork=x\ncampaign/02-cow-copy=7\n");
        Progress p = Progress.load(conf);
        assertThat(p.played("campaign/01-fork")).isFalse();
        assertThat(p.stars("campaign/02-cow-copy")).isEqualTo(3);
    }

    @Test
    void anUnwritableDirectoryIsReportedNotThrown() throws Exception {
        Path file = dir.resolve("plain-file");
        Files.writeString(file, "");
        assertThat(Progress.load(file.resolve("cowarena")).record("campaign/01-fork", 3)).contains("progress not saved");
    }
}
