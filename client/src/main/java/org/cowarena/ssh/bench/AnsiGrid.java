package org.cowarena.ssh.bench;

/**
 * What an SSH client's terminal shows, rebuilt from the bytes the server sends: enough of a
 * VT100 to follow the board (UTF-8 text, cursor positioning, clearing; colours and modes are
 * read and ignored), so that a load generator can see when a move reached the screen. The
 * board redraws only the cells that changed, so a text can be found on the grid but seldom in
 * the byte stream.
 */
final class AnsiGrid {
    private final char[][] cells;
    private int row;
    private int column;
    private int state; // 0 text, 1 after ESC, 2 inside CSI
    private final StringBuilder params = new StringBuilder();
    private int utf8Left;
    private int utf8Code;

    AnsiGrid(int columns, int rows) {
        cells = new char[rows][columns];
        clear();
    }

    private void clear() {
        for (char[] line : cells) {
            java.util.Arrays.fill(line, ' ');
        }
    }

    void feed(byte[] bytes, int off, int len) {
        for (int i = off; i < off + len; i++) {
            int b = bytes[i] & 0xff;
            if (utf8Left > 0) {
                utf8Code = utf8Code << 6 | b & 0x3f;
                if (--utf8Left == 0) {
                    put((char) utf8Code);
                }
                continue;
            }
            if (state == 1) {
                state = b == '[' ? 2 : 0;
                params.setLength(0);
                continue;
            }
            if (state == 2) {
                if (b >= 0x40 && b <= 0x7e) {
                    state = 0;
                    csi((char) b);
                } else {
                    params.append((char) b);
                }
                continue;
            }
            if (b == 0x1b) {
                state = 1;
            } else if (b == '\r') {
                column = 0;
            } else if (b == '\n') {
                row = Math.min(row + 1, cells.length - 1);
            } else if (b >= 0xf0) {
                utf8Left = 3;
                utf8Code = b & 0x07;
            } else if (b >= 0xe0) {
                utf8Left = 2;
                utf8Code = b & 0x0f;
            } else if (b >= 0xc0) {
                utf8Left = 1;
                utf8Code = b & 0x1f;
            } else if (b >= 0x20) {
                put((char) b);
            }
        }
    }

    private void csi(char command) {
        if (command == 'H' || command == 'f') {
            String[] p = params.toString().split(";");
            row = clamp(number(p, 0) - 1, cells.length);
            column = clamp(number(p, 1) - 1, cells[0].length);
        } else if (command == 'J' && params.toString().equals("2")) {
            clear();
        }
    }

    private static int number(String[] p, int i) {
        try {
            return i < p.length && !p[i].isEmpty() ? Integer.parseInt(p[i]) : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static int clamp(int v, int size) {
        return Math.max(0, Math.min(size - 1, v));
    }

    private void put(char c) {
        if (column < cells[0].length) {
            cells[row][column] = c;
        }
        column++;
    }

    String row(int r) {
        return new String(cells[r]);
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        for (char[] line : cells) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }
}
