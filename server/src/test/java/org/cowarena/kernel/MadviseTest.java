package org.cowarena.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.cowarena.move.Advice;
import org.cowarena.move.Move;
import org.junit.jupiter.api.Test;

class MadviseTest {
    private static final String YOU = CheckedKernel.YOU;

    private static CheckedKernel parentWithSecret() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), Programs.P);
        k.spawn(1, "p");        // 0-2
        k.ok("write 1 3 S");    // 3
        return k;
    }

    @Test
    void dontforkPagesSegvInTheChildAndStayWritableAndUnsharedInTheParent() {
        CheckedKernel k = parentWithSecret();
        assertThat(k.ok("madvise 1 3 dontfork")).containsExactly(new Event.Madvise(1, 3, 3, Advice.DONTFORK));
        assertThat(k.page(1, 3).dontfork()).isTrue();

        k.ok("fork 1");

        PageInfo parent = k.page(1, 3);
        assertThat(parent.writable()).isTrue();
        assertThat(parent.cow()).isFalse();
        assertThat(parent.refs()).isEqualTo(1);
        assertThat(k.page(2, 3).mapping()).isEqualTo(PageInfo.Mapping.ABSENT);
        assertThat(k.process(2).rss()).isEqualTo(3);

        assertThat(k.ok("write 2 3 X")).containsExactly(new Event.Segv(2, 3, "dontfork", false));
        assertThat(k.ok("read 2 3")).containsExactly(new Event.Segv(2, 3, "dontfork", false));
        assertThat(k.stats().segv()).isEqualTo(2);
        assertThat(k.ok("write 1 3 T")).isEmpty();
        assertThat(k.page(1, 3).value()).isEqualTo("T");
    }

    @Test
    void untouchedDontforkPagesAreAbsentInTheChildToo() {
        CheckedKernel k = parentWithSecret();
        k.ok("madvise 1 4-5 dontfork");
        k.ok("fork 1");
        assertThat(k.page(2, 4).mapping()).isEqualTo(PageInfo.Mapping.ABSENT);
        assertThat(k.page(2, 5).mapping()).isEqualTo(PageInfo.Mapping.ABSENT);
        assertThat(k.ok("write 2 5 X")).containsExactly(new Event.Segv(2, 5, "dontfork", false));
    }

    @Test
    void wipeonforkPagesComeBackZeroInTheChild() {
        CheckedKernel k = parentWithSecret();
        k.ok("madvise 1 3 wipeonfork");
        k.ok("fork 1");

        PageInfo child = k.page(2, 3);
        assertThat(child.mapping()).isEqualTo(PageInfo.Mapping.UNMAPPED);
        assertThat(child.wipeonfork()).isTrue();
        PageInfo parent = k.page(1, 3);
        assertThat(parent.value()).isEqualTo("S");
        assertThat(parent.writable()).isTrue();
        assertThat(parent.refs()).isEqualTo(1);

        assertThat(k.ok("read 2 3")).containsExactly(new Event.ZeroMap(2, 3));
        assertThat(k.page(2, 3).value()).isEqualTo("0");
        assertThat(k.ok("write 2 3 X")).containsExactly(new Event.Alloc(4, FrameKind.ANON, YOU),
                new Event.ZeroFill(2, 3, 4));
        assertThat(k.page(1, 3).value()).isEqualTo("S");
    }

    @Test
    void doforkUndoesDontfork() {
        CheckedKernel k = parentWithSecret();
        k.ok("madvise 1 3 dontfork");
        k.ok("madvise 1 3 dofork");
        assertThat(k.page(1, 3).dontfork()).isFalse();
        k.ok("fork 1");
        assertThat(k.page(2, 3).frame()).isEqualTo(3);
        assertThat(k.page(2, 3).cow()).isTrue();
        assertThat(k.frame(3).refs()).isEqualTo(2);
    }

    @Test
    void keeponforkUndoesWipeonfork() {
        CheckedKernel k = parentWithSecret();
        k.ok("madvise 1 3 wipeonfork");
        k.ok("madvise 1 3 keeponfork");
        assertThat(k.page(1, 3).wipeonfork()).isFalse();
        k.ok("fork 1");
        assertThat(k.page(2, 3).frame()).isEqualTo(3);
        assertThat(k.page(2, 3).value()).isEqualTo("S");
    }

    @Test
    void madviseWipeonforkOnTextOrDataIsRefused() {
        CheckedKernel k = parentWithSecret();
        assertThat(k.refused("madvise 1 0 wipeonfork")).contains("anonymous");
        assertThat(k.refused("madvise 1 1 wipeonfork")).contains("anonymous");
        // a range that only starts in data is refused whole: the heap page keeps no flag
        k.refused("madvise 1 2-3 wipeonfork");
        assertThat(k.page(1, 3).wipeonfork()).isFalse();
    }

    @Test
    void madviseOutsideTheAddressSpaceIsRefused() {
        CheckedKernel k = parentWithSecret();
        assertThat(k.refused("madvise 1 5-6 dontfork")).contains("out of range");
        assertThat(k.refused("madvise 1 6 dontfork")).contains("out of range");
        assertThat(k.refused(new Move.Madvise(1, 4, 3, Advice.DONTFORK))).contains("ends before it starts");
    }

    @Test
    void execClearsMadviseFlags() {
        CheckedKernel k = parentWithSecret();
        k.ok("madvise 1 3-5 dontfork");
        k.ok("exec 1 p");
        assertThat(k.page(1, 3).dontfork()).isFalse();
        k.ok("fork 1");
        assertThat(k.page(2, 4).mapping()).isEqualTo(PageInfo.Mapping.UNMAPPED);
    }
}
