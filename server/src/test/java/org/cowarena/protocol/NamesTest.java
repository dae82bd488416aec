package org.cowarena.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {
    @Test
    void controlAndFormatCharactersAreStripped() {
        assertThat(Names.clean("al\u001b[2Jice\u0007", 20)).isEqualTo("al[2Jice");
        assertThat(Names.clean("bob\u202e\u200b", 20)).isEqualTo("bob");
        assertThat(Names.clean("a\r\nb\tc", 20)).isEqualTo("a b c");
    }

    @Test
    void whitespaceIsFoldedAndTrimmedAndLengthCapped() {
        assertThat(Names.clean("   many    spaces  ", 40)).isEqualTo("many spaces");
        assertThat(Names.clean("x".repeat(100), 20)).hasSize(20);
        assertThat(Names.clean("\u4e2d\u6587\u540d\u5b57", 3)).isEqualTo("\u4e2d\u6587\u540d");
        assertThat(Names.clean(null, 5)).isEmpty();
        assertThat(Names.clean("\u0000\u0001", 5)).isEmpty();
    }
}
