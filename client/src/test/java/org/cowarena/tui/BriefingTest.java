package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BriefingTest {
    @Test
    void briefingsAreReflowedByParagraph() {
        assertThat(PlayScene.reflow("A shell wants\nthree copies.\n\nGet them.")).isEqualTo(
                "A shell wants three copies.\n\nGet them.");
        // Chinese lines join without a space
        assertThat(PlayScene.reflow("一个 shell 需要\n同时运行。\n\n让三个")).isEqualTo("一个 shell 需要同时运行。\n\n让三个");
    }
}
