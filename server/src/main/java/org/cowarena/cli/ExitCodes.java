package org.cowarena.cli;

/** Exit statuses of the headless commands (README.md, "Headless play"). */
final class ExitCodes {
    static final int OK = 0;
    /** validate: at least one level is invalid. */
    static final int INVALID = 1;
    /** A level or moves file that cannot be read or parsed; also picocli's usage errors. */
    static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
