package org.cowarena.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A read of an untouched huge-page group maps the huge zero page; what a later write does. */
class HugeZeroPageTest {
    private static final String YOU = CheckedKernel.YOU;

    private static CheckedKernel machine(ThpCow cow) {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(16, OomPolicy.REJECT).withHugePages(4, cow), Programs.T);
        k.spawn(1, "t");                                 // text in 0; heap 1-6, one full group 1-4
        return k;
    }

    @Test
    void aReadOfAnUntouchedGroupMapsTheWholeGroupToTheHugeZeroPage() {
        CheckedKernel k = machine(ThpCow.SPLIT);
        assertThat(k.ok("read 1 2")).containsExactly(new Event.HugeZeroMap(1, 2, 1, 4));
        for (int v = 1; v <= 4; v++) {
            assertThat(k.page(1, v).mapping()).isEqualTo(PageInfo.Mapping.ZERO);
            assertThat(k.page(1, v).huge()).isTrue();
        }
        assertThat(k.used()).isEqualTo(1);
        assertThat(k.ok("read 1 5")).as("the short last group stays small").containsExactly(new Event.ZeroMap(1, 5));
    }

    @Test
    void underSplitAWriteSplitsTheGroupAndZeroFillsOneSmallPage() {
        CheckedKernel k = machine(ThpCow.SPLIT);
        k.ok("read 1 2");
        assertThat(k.ok("write 1 3 X")).containsExactly(new Event.Split(1, 1, 4, Event.Split.ZERO),
                new Event.Alloc(1, FrameKind.ANON, YOU), new Event.ZeroFill(1, 3, 1));
        assertThat(k.page(1, 2).mapping()).isEqualTo(PageInfo.Mapping.ZERO);
        assertThat(k.page(1, 2).huge()).isFalse();
    }

    @Test
    void underCopyHugeAWriteAllocatesAWholeZeroFilledHugePage() {
        CheckedKernel k = machine(ThpCow.COPY_HUGE);
        k.ok("read 1 2");
        assertThat(k.ok("write 1 3 X")).last().isInstanceOf(Event.HugeZeroFill.class);
        assertThat(k.used()).isEqualTo(5);
        assertThat(k.page(1, 3).value()).isEqualTo("X");
        assertThat(k.page(1, 1).value()).isEqualTo("0");
    }
}
