package org.cowarena.move;

/**
 * A move a process makes, as written in the move notation (README.md, "Moves"). Moves are
 * commands: the kernel applies them and answers with events or a refusal.
 */
public sealed interface Move {

    /** The move in canonical notation, e.g. {@code write 2 5 X}. */
    String notation();

    /** The verb that starts the notation, e.g. {@code write}; levels allow moves by verb. */
    String verb();

    /** The pid that makes the move, or 0 for {@link Pass}. */
    int pid();

    record Fork(int pid) implements Move {
        public String notation() {
            return "fork " + pid;
        }

        public String verb() {
            return "fork";
        }
    }

    record VFork(int pid) implements Move {
        public String notation() {
            return "vfork " + pid;
        }

        public String verb() {
            return "vfork";
        }
    }

    record Exec(int pid, String program) implements Move {
        public String notation() {
            return "exec " + pid + " " + program;
        }

        public String verb() {
            return "exec";
        }
    }

    record Write(int pid, int vpn, String value) implements Move {
        public String notation() {
            return "write " + pid + " " + vpn + " " + value;
        }

        public String verb() {
            return "write";
        }
    }

    record Read(int pid, int vpn) implements Move {
        public String notation() {
            return "read " + pid + " " + vpn;
        }

        public String verb() {
            return "read";
        }
    }

    record Exit(int pid) implements Move {
        public String notation() {
            return "exit " + pid;
        }

        public String verb() {
            return "exit";
        }
    }

    record Madvise(int pid, int from, int to, Advice advice) implements Move {
        public String notation() {
            return "madvise " + pid + " " + (from == to ? Integer.toString(from) : from + "-" + to)
                    + " " + advice.notation();
        }

        public String verb() {
            return "madvise";
        }
    }

    record Pass() implements Move {
        public String notation() {
            return "pass";
        }

        public String verb() {
            return "pass";
        }

        public int pid() {
            return 0;
        }
    }
}
