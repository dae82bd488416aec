package org.cowarena.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The terminal on an SSH channel: its size from the pty request, a window change as a resize, UTF-8 out. */
class ChannelTerminalTest {
    @Test
    void theSizeComesFromThePtyRequestElse80By24() {
        assertThat(ChannelTerminal.sizeOf(Map.of("COLUMNS", "132", "LINES", "43"))).isEqualTo(new TerminalSize(132, 43));
        assertThat(ChannelTerminal.sizeOf(Map.of())).isEqualTo(new TerminalSize(80, 24));
        assertThat(ChannelTerminal.sizeOf(Map.of("COLUMNS", "0", "LINES", "0"))).isEqualTo(new TerminalSize(80, 24));
        assertThat(ChannelTerminal.sizeOf(Map.of("COLUMNS", "wide", "LINES", "-3"))).isEqualTo(new TerminalSize(80, 24));
        assertThat(ChannelTerminal.sizeOf(Map.of("COLUMNS", "99999999", "LINES", "50")))
                .isEqualTo(new TerminalSize(1000, 50));
    }

    @Test
    void aWindowChangeResizesTheScreenAndTextGoesOutInUtf8() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChannelTerminal terminal = new ChannelTerminal(new ByteArrayInputStream(new byte[0]), out,
                new TerminalSize(100, 30));
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        assertThat(screen.getTerminalSize()).isEqualTo(new TerminalSize(100, 30));
        terminal.resized(new TerminalSize(70, 20));
        assertThat(screen.doResizeIfNecessary()).isEqualTo(new TerminalSize(70, 20));
        screen.newTextGraphics().putString(0, 0, "frame ▸ 帧");
        screen.refresh();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("frame").contains("▸").contains("帧"); // blanks are skipped
        screen.stopScreen();
    }
}
