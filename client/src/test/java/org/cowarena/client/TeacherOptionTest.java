package org.cowarena.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --teacher [TOKEN]}: the token from the option or from the environment; the projector of a race only. */
class TeacherOptionTest {

    private static String[] run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ClientCli.run(new PrintWriter(out, true), new PrintWriter(err, true), env, args);
        return new String[] {String.valueOf(status), err.toString()};
    }

    @Test
    void withoutATokenAnywhereItSaysWhereToPutIt() {
        String[] r = run(Map.of(), "--connect", "127.0.0.1:1", "--teacher");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("--teacher needs the token the race server printed: --teacher TOKEN, or set "
                + ClientCli.TEACHER_TOKEN_VARIABLE);
        assertThat(run(Map.of(ClientCli.TEACHER_TOKEN_VARIABLE, "  "), "--connect", "127.0.0.1:1", "--teacher")[1])
                .contains("--teacher needs the token");
    }

    @Test
    void theTokenComesFromTheOptionOrTheEnvironmentAndNeedsNoName() {
        // nothing listens on port 1: the client gets as far as connecting, so the options were taken
        for (String[] args : new String[][] {
            {"--connect", "127.0.0.1:1", "--teacher"},
            {"--connect", "127.0.0.1:1", "--spectate", "--teacher", "abc"},
            {"--teacher", "--spectate", "--connect", "127.0.0.1:1"},
        }) {
            String[] r = run(Map.of(ClientCli.TEACHER_TOKEN_VARIABLE, "abc"), args);
            assertThat(r[1]).as(String.join(" ", args)).contains("cannot connect to 127.0.0.1:1")
                    .doesNotContain("name yourself").doesNotContain("needs the token");
        }
    }

    @Test
    void itIsForTheProjectorOfARaceServer() {
        assertThat(run(Map.of(), "--teacher", "abc")[1]).contains("--teacher runs the projector of a race");
        assertThat(run(Map.of(), "--connect", "127.0.0.1:1", "--teacher", "abc", "--bot", "random")[1])
                .contains("without --bot");
    }
}
