package org.cowarena.board;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnsTest {
    @Test
    void englishBreaksAtSpacesAndCutsAWordLongerThanALine() {
        assertThat(Columns.wrap("pid 2 wrote vpn 3", 10)).containsExactly("pid 2", "wrote vpn", "3");
        assertThat(Columns.wrap("wp_page_copy in Linux", 8)).containsExactly("wp_page_", "copy in", "Linux");
    }

    @Test
    void chineseBreaksBetweenAnyTwoOfItsCharactersNotAtAnEarlierSpace() {
        // "深入：fork" alone on a line would waste most of it
        assertThat(Columns.wrap("深入：fork 复制的是页表，而不是内存", 20))
                .containsExactly("深入：fork 复制的是", "页表，而不是内存");
        // a Latin word after Chinese moves to the next line whole, from behind the last wide character
        assertThat(Columns.wrap("新页框（Linux 中的 wp_page_copy）", 24))
                .containsExactly("新页框（Linux 中的", "wp_page_copy）");
        assertThat(Columns.wrap("页框被复制到页框4", 12)).containsExactly("页框被复制到", "页框4");
    }

    @Test
    void noLineIsWiderThanAsked() {
        String text = "深入：写入与他人共享的页面（或私有文件页）时，内核把它复制到一个新页框（Linux 中的 wp_page_copy）；"
                + "只有写入者得到副本，其他进程仍使用旧页框。";
        for (int columns = 3; columns < 60; columns++) {
            for (String line : Columns.wrap(text, columns)) {
                assertThat(Columns.width(line)).as("%s at %d", line, columns).isLessThanOrEqualTo(columns);
            }
            assertThat(String.join("", Columns.wrap(text, columns)).replace(" ", ""))
                    .isEqualTo(text.replace(" ", ""));
        }
    }
}
