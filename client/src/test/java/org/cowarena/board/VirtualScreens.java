package org.cowarena.board;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.util.function.Consumer;
import com.googlecode.lanterna.graphics.TextGraphics;

/** Draws on a Lanterna screen over a virtual terminal and reads the cells back. */
public final class VirtualScreens {
    private VirtualScreens() {
    }

    public static DefaultVirtualTerminal draw(int columns, int rows, Consumer<TextGraphics> painter) {
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
        try {
            TerminalScreen screen = new TerminalScreen(vt);
            screen.startScreen();
            painter.accept(screen.newTextGraphics());
            screen.refresh();
            return vt;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String row(DefaultVirtualTerminal vt, int row) {
        StringBuilder line = new StringBuilder();
        int columns = vt.getTerminalSize().getColumns();
        for (int c = 0; c < columns; c++) {
            TextCharacter ch = vt.getCharacter(c, row);
            if (ch.isDoubleWidth()) {
                c++;
            }
            line.append(ch.getCharacterString());
        }
        return line.toString();
    }

    public static String text(DefaultVirtualTerminal vt) {
        StringBuilder all = new StringBuilder();
        for (int r = 0; r < vt.getTerminalSize().getRows(); r++) {
            all.append(row(vt, r)).append('\n');
        }
        return all.toString();
    }
}
