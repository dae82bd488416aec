package org.cowarena.move;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class MoveParserTest {

    @Test
    void everyMoveOfTheNotationParses() throws Exception {
        String script = String.join("\n",
                "fork 1",
                "vfork 1",
                "exec 2 worker",
                "write 2 5 X",
                "read 2 7",
                "exit 3",
                "madvise 1 4-7 dontfork",
                "madvise 1 4 wipeonfork",
                "pass");
        assertThat(MoveParser.parseScript(script)).extracting(ScriptLine::move).containsExactly(
                new Move.Fork(1), new Move.VFork(1), new Move.Exec(2, "worker"), new Move.Write(2, 5, "X"),
                new Move.Read(2, 7), new Move.Exit(3), new Move.Madvise(1, 4, 7, Advice.DONTFORK),
                new Move.Madvise(1, 4, 4, Advice.WIPEONFORK), new Move.Pass());
    }

    @Test
    void commentsAndBlankLinesAreIgnoredAndLineNumbersKept() throws Exception {
        List<ScriptLine> lines = MoveParser.parseScript("# start\n\n  fork 1   # the first fork\n\t\nexit 2\n");
        assertThat(lines).extracting(ScriptLine::line).containsExactly(3, 5);
        assertThat(lines).extracting(l -> l.move().notation()).containsExactly("fork 1", "exit 2");
    }

    @Test
    void aPlayerPrefixNamesWhoMoved() throws Exception {
        ScriptLine line = MoveParser.parseScript("alice: write 2 3 X\n").get(0);
        assertThat(line.player()).isEqualTo(Optional.of("alice"));
        assertThat(line.notation()).isEqualTo("alice: write 2 3 X");
    }

    @Test
    void malformedLinesNameLineColumnAndReason() {
        assertThatThrownBy(() -> MoveParser.parseScript("fork 1\nfork\n"))
                .isInstanceOfSatisfying(MoveSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(5);
                    assertThat(e.reason()).isEqualTo("missing argument: fork PID");
                });
        assertThatThrownBy(() -> MoveParser.parseMove("write 1 2 X Y")).hasMessage(
                "1:13: unexpected \"Y\": write PID VPN VALUE");
        assertThatThrownBy(() -> MoveParser.parseMove("read one 2")).hasMessage(
                "1:6: expected a pid (a decimal number), found \"one\"");
        assertThatThrownBy(() -> MoveParser.parseMove("madvise 1 7-4 dontfork")).hasMessage(
                "1:11: range 7-4 ends before it starts");
        assertThatThrownBy(() -> MoveParser.parseMove("madvise 1 4 sometimes")).hasMessageContaining(
                "unknown advice \"sometimes\"");
        assertThatThrownBy(() -> MoveParser.parseMove("write 1 2 " + "x".repeat(17))).hasMessageContaining(
                "value too long");
        assertThatThrownBy(() -> MoveParser.parseMove("fork\u00071")).hasMessageContaining("control character");
        assertThatThrownBy(() -> MoveParser.parseMove("   ")).hasMessageContaining("empty move");
    }

    @Property(tries = 500, seed = "42")
    void theCanonicalNotationParsesBackToTheSameMove(@ForAll("moves") Move move) throws Exception {
        assertThat(MoveParser.parseMove(move.notation())).isEqualTo(move);
    }

    @Provide
    Arbitrary<Move> moves() {
        Arbitrary<Integer> pid = Arbitraries.integers().between(1, 9999);
        Arbitrary<Integer> vpn = Arbitraries.integers().between(0, 99999);
        Arbitrary<String> value = Arbitraries.strings().withChars("abcXYZ019_-.!@$%^&*").ofMinLength(1).ofMaxLength(16);
        Arbitrary<String> program = Arbitraries.strings().withChars("abcxyz09_.-").ofMinLength(1).ofMaxLength(32);
        return Arbitraries.oneOf(List.of(
                pid.map(Move.Fork::new),
                pid.map(Move.VFork::new),
                Combinators.combine(pid, program).as(Move.Exec::new),
                Combinators.combine(pid, vpn, value).as(Move.Write::new),
                Combinators.combine(pid, vpn).as(Move.Read::new),
                pid.map(Move.Exit::new),
                Combinators.combine(pid, vpn, Arbitraries.integers().between(0, 50),
                        Arbitraries.of(Advice.class)).as((p, from, len, a) -> new Move.Madvise(p, from, from + len, a)),
                Arbitraries.just(new Move.Pass())));
    }
}
