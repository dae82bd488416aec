package org.cowarena.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cowarena.game.Game;
import org.cowarena.game.Turn;
import org.cowarena.kernel.Outcome;
import org.cowarena.level.Level;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.Move;
import org.cowarena.move.MoveParser;
import org.cowarena.move.MoveSyntaxException;

/**
 * Reason codes: every refusal the kernel, the rules and the move parser make has one, every
 * English sentence reads back as its own code, and a client shows it in Chinese.
 */
class ReasonsTest {
    @Example
    void everyEnglishSentenceReadsBackAsItsOwnCodeAndArguments() {
        for (String code : Reasons.codes()) {
            List<String> args = List.of("a0", "b1", "c2", "d3");
            String text = Reasons.english(code, args);
            Optional<Reasons.Reason> back = Reasons.of(text);
            assertThat(back).as(text).isPresent();
            assertThat(back.get().code()).as(text).isEqualTo(code);
            assertThat(Reasons.english(code, back.get().args())).isEqualTo(text);
        }
        // ChromeTest checks that the Chinese bundle has each code, with the same arguments
        assertThat(Reasons.codes()).hasSizeGreaterThan(90);
    }

    @Example
    void aReasonIsShownInChineseWithItsArgumentsAndEnglishWhenTheCodeIsUnknown() {
        assertThat(Reasons.say("kernel.exited", new String[] {"3"}, "process 3 has exited", "zh"))
                .isEqualTo("进程 3 已经退出");
        assertThat(Reasons.say("kernel.exited", new String[] {"3"}, "process 3 has exited", "en"))
                .isEqualTo("process 3 has exited");
        // a newer server's code: its English text
        assertThat(Reasons.say("kernel.somethingNew", new String[] {"3"}, "something new about 3", "zh"))
                .isEqualTo("something new about 3");
        // no code (an older server, or a reason this side made): found from the text
        assertThat(Reasons.say(null, null, "not your turn: it is bob's (blue)", "zh"))
                .isEqualTo("还没轮到你：现在轮到 bob（blue）");
        // an argument that is itself a reason is translated too
        String nested = "column 1: unknown move \"frok\": fork, vfork, exec, write, read, exit, madvise or pass";
        Optional<Reasons.Reason> r = Reasons.of(nested);
        assertThat(r).map(Reasons.Reason::code).hasValue("move.column");
        assertThat(Reasons.say(r.get().code(), r.get().args().toArray(new String[0]), nested, "zh"))
                .isEqualTo("第 1 列：未知的操作“frok”：可用 fork、vfork、exec、write、read、exit、madvise 或 pass");
        assertThat(Reasons.say(null, null, "out of memory: 1 frame needed, 0 free of 4 and no clean page-cache"
                + " page to reclaim, and no process can be killed", "zh"))
                .isEqualTo("内存耗尽：需要 1 个页框，4 个中只有 0 个空闲，也没有干净的页缓存页可回收，而且没有可以杀死的进程");
    }

    @Example
    void aRefusalGoingOutIsTaggedWithItsCodeAndKeepsItsText() {
        Messages.MoveRefused refused = new Messages.MoveRefused();
        refused.reason = "no process 7";
        Reasons.tag(refused);
        assertThat(refused.code).isEqualTo("kernel.noProcess");
        assertThat(refused.args).containsExactly("7");
        assertThat(refused.reason).isEqualTo("no process 7");
        Messages.Refusal unknown = new Messages.Refusal("a reason no bundle has");
        Reasons.tag(unknown);
        assertThat(unknown.code).isNull();
        Messages.TeacherReply reply = new Messages.TeacherReply();
        reply.ok = true;
        reply.reason = "wrote results.csv and results.json in /tmp/race";
        Reasons.tag(reply);
        assertThat(reply.code).isEqualTo("teacher.exported");
        assertThat(reply.args).containsExactly("/tmp/race");
    }

    @Example
    void everyNameProblemHasACode() {
        for (String name : new String[] {"", "x".repeat(10_000), "o\u0301pen", "\uD83D\uDE00", "一二三四五六七八",
            "\u0007"}) {
            String problem = Names.problem(Names.name(name).isEmpty() ? name : Names.name(name));
            if (problem != null) {
                assertThat(Reasons.of(problem)).as(problem).isPresent();
            }
        }
    }

    /** A move as a player might type it: any verb, pid, vpn, value, program or advice, some of them wrong. */
    @Provide
    Arbitrary<List<String>> moves() {
        Arbitrary<String> pid = Arbitraries.of("0", "1", "2", "3", "4", "5", "9", "x");
        Arbitrary<String> vpn = Arbitraries.of("0", "1", "2", "3", "5", "8", "40", "3-1", "1-2", "y");
        Arbitrary<String> word = Arbitraries.of("A", "B", "shell", "nope", "redis", "dontfork", "wipeonfork",
                "hugepage", "bogus", "zygote", "worker");
        Arbitrary<String> verb = Arbitraries.of("fork", "vfork", "exec", "write", "read", "exit", "madvise", "pass",
                "frok", "");
        Arbitrary<String> move = Combinators.combine(verb, pid, vpn, word, Arbitraries.integers().between(0, 4))
                .as((v, p, n, w, arity) -> String.join(" ", List.of(v, p, n, w, w).subList(0, arity + 1)).strip());
        return move.list().ofMinSize(1).ofMaxSize(14);
    }

    @Property(tries = 300)
    void everyRefusalOfAMoveOnABundledLevelHasACode(@ForAll("moves") List<String> moves,
                                                       @ForAll("levels") String id,
                                                       @ForAll boolean asSomeone) throws Exception {
        Level level = LevelLoader.loadBundled(id);
        Game game = Game.start(level);
        Optional<String> player = asSomeone ? Optional.of(level.seats().isEmpty() ? "you" : level.seats().get(0))
                : Optional.empty();
        List<String> unknown = new ArrayList<>();
        for (String text : moves) {
            Move move;
            try {
                move = MoveParser.parseMove(text);
            } catch (MoveSyntaxException e) {
                if (Reasons.of(e.reason()).isEmpty()) {
                    unknown.add(e.reason());
                }
                continue;
            }
            Turn turn = game.play(player, move);
            if (turn.outcome() instanceof Outcome.Refused refused && Reasons.of(refused.reason()).isEmpty()) {
                unknown.add(refused.reason());
            }
        }
        assertThat(unknown).as("refusals without a code in reasons.properties").isEmpty();
    }

    @Provide
    Arbitrary<String> levels() {
        return Arbitraries.of(LevelLoader.bundledIds());
    }
}
