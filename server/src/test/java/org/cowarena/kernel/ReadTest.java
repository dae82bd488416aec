package org.cowarena.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadTest {

    @Test
    void readOfUntouchedHeapMapsTheZeroPageAndCostsNoFrame() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), Programs.P);
        k.spawn(1, "p");

        assertThat(k.ok("read 1 4")).containsExactly(new Event.ZeroMap(1, 4));

        PageInfo page = k.page(1, 4);
        assertThat(page.mapping()).isEqualTo(PageInfo.Mapping.ZERO);
        assertThat(page.value()).isEqualTo("0");
        assertThat(page.frame()).isEqualTo(-1);
        assertThat(page.refs()).isZero();
        assertThat(page.writable()).isFalse();
        assertThat(k.used()).isEqualTo(3);
        assertThat(k.process(1).rss()).isEqualTo(3);
        assertThat(k.stats().zeroMaps()).isEqualTo(1);
        assertThat(k.stats().zeroFills()).isZero();
    }

    @Test
    void readOfUntouchedStackAlsoMapsTheZeroPage() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), Programs.P);
        k.spawn(1, "p");
        assertThat(k.ok("read 1 5")).containsExactly(new Event.ZeroMap(1, 5));
        assertThat(k.used()).isEqualTo(3);
    }

    @Test
    void readOfAMappedPageChangesNothingButHowRecentlyItsFilePagesWereUsed() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), Programs.P);
        k.spawn(1, "p");
        k.ok("write 1 3 X");
        k.ok("read 1 4");
        String before = k.observableFingerprint();

        assertThat(k.ok("read 1 0")).isEmpty();
        assertThat(k.ok("read 1 1")).isEmpty();
        assertThat(k.ok("read 1 3")).isEmpty();
        assertThat(k.ok("read 1 4")).isEmpty();
        assertThat(k.observableFingerprint()).isEqualTo(before);
        assertThat(k.kernel().operations()).isEqualTo(6);
    }
}
