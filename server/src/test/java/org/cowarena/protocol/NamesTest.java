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

    @Test
    void widthCountsColumnsByGraphemeWideForCjkAndNothingForCombiningMarks() {
        assertThat(Names.width("alice")).isEqualTo(5);
        assertThat(Names.width("\u5f20\u4f1f")).isEqualTo(4);
        assertThat(Names.width("e\u0301te\u0301")).isEqualTo(3);
        assertThat(Names.width("x\u0308\u0301")).isEqualTo(1);
        assertThat(Names.width("\uff21\uff62")).isEqualTo(3); // a fullwidth A, a halfwidth bracket
    }

    @Test
    void aNameThatFitsIsAccepted() {
        assertThat(Names.problem(Names.name("alice"))).isNull();
        assertThat(Names.problem(Names.name("\u5f20\u4f1f\u5f20\u4f1f\u5f20\u4f1f"))).isNull(); // 12 columns
        assertThat(Names.problem(Names.name("Zoe\u0308 B."))).isNull(); // composed: one column per letter
        assertThat(Names.name("Zoe\u0308")).isEqualTo("Zo\u00eb");
    }

    @Test
    void aNameTooWideIsRefusedWithItsWidthNeverCut() {
        assertThat(Names.problem(Names.name("\u5f20".repeat(8))))
                .contains("at most 12 columns").contains("takes 16");
        assertThat(Names.problem(Names.name("x".repeat(10_000))))
                .contains("at most 12 columns").contains("10000 characters");
        assertThat(Names.problem(Names.name("abcdefghijklm"))).contains("takes 13");
    }

    @Test
    void aNameNoScreenCanShowIsRefusedNamingTheCodePoints() {
        assertThat(Names.problem(Names.name("x\u0308\u0301o"))).contains("U+1E8D U+0301") // x with diaeresis composes; the acute does not
                .doesNotContain("\u0308");
        assertThat(Names.problem(Names.name("cat\ud83d\ude00"))).contains("U+1F600");
        assertThat(Names.problem(Names.name("\u2615"))).contains("U+2615");
        assertThat(Names.problem(Names.name(" \u0007 "))).isEqualTo("a name is needed to join");
    }
}
