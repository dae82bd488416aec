package org.cowarena.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Input that is not a key: floods dropped, a typist's rate kept, and any bytes at all harmless to the terminal. */
class InputGuardTest {
    private static String read(InputGuard guard) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[64];
        for (int n = guard.available(); n > 0; n = guard.available()) {
            int r = guard.read(buffer, 0, Math.min(n, buffer.length));
            got.write(buffer, 0, r);
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aFloodWaitingAtOnceIsDroppedAndTheKeysAfterItCome() throws IOException {
        byte[] paste = "x".repeat(InputGuard.FLOOD_BYTES + 1).getBytes(StandardCharsets.US_ASCII);
        InputGuard flooded = new InputGuard(new ByteArrayInputStream(paste), 1000, InputGuard.FLOOD_BYTES);
        assertThat(flooded.available()).isZero();
        assertThat(flooded.dropped()).isEqualTo(paste.length);

        InputGuard typed = new InputGuard(new ByteArrayInputStream("fp\r".getBytes(StandardCharsets.US_ASCII)), 1000,
                InputGuard.FLOOD_BYTES);
        assertThat(read(typed)).isEqualTo("fp\n"); // Enter arrives as a newline, as through a local tty
        assertThat(typed.dropped()).isZero();
    }

    @Test
    void beyondTheBurstBytesWaitForTheRate() throws IOException {
        byte[] keys = "k".repeat(3000).getBytes(StandardCharsets.US_ASCII);
        InputGuard guard = new InputGuard(new ByteArrayInputStream(keys), 1, 100);
        assertThat(read(guard)).hasSize(100);
        assertThat(guard.available()).as("one byte a second: none more yet").isZero();
        assertThat(guard.dropped()).isZero();
    }

    @Test
    void anEndedInputEndsAtOnceAndCountsIdleTime() throws IOException {
        InputGuard guard = new InputGuard(new ByteArrayInputStream(new byte[0]), 1000, 100);
        assertThat(guard.idleNanos()).isNotNegative();
        guard.end();
        assertThat(guard.available()).isEqualTo(1);
        assertThat(guard.read()).isEqualTo(-1);
        assertThat(guard.ended()).isTrue();
    }

    @Property(tries = 60)
    void anyBytesReachTheTerminalWithoutHarm(@ForAll("hostile") byte[] bytes) throws IOException {
        hostileBytesAreKeysOrNothing(bytes);
    }

    @Property(tries = 20, seed = "20261206")
    void anyBytesReachTheTerminalWithoutHarmFixedSeed(@ForAll("hostile") byte[] bytes) throws IOException {
        hostileBytesAreKeysOrNothing(bytes);
    }

    private static void hostileBytesAreKeysOrNothing(byte[] bytes) throws IOException {
        InputGuard guard = new InputGuard(new ByteArrayInputStream(bytes), 1e9, InputGuard.FLOOD_BYTES);
        ChannelTerminal terminal = new ChannelTerminal(guard, new ByteArrayOutputStream(), ChannelTerminal.DEFAULT_SIZE);
        int keys = 0;
        for (int polls = 0; polls < bytes.length + 50; polls++) {
            KeyStroke k = terminal.pollInput();
            if (k != null && k.getKeyType() == KeyType.EOF) {
                break;
            }
            if (k != null) {
                keys++;
            }
        }
        assertThat(keys).isLessThanOrEqualTo(bytes.length);
    }

    @Provide
    Arbitrary<byte[]> hostile() {
        // escape sequences, half sequences, control bytes, broken UTF-8 and floods, mixed
        Arbitrary<byte[]> pieces = Arbitraries.oneOf(
                Arbitraries.of("\u001b[", "\u001b[1;5A", "\u001b]0;title\u0007", "\u001b[999999999;1H", "\u001bO",
                        "\u001b[M", "\u001b[<0;1;1M", "\u0003", "\r", "\u007f", "é", "中").map(s ->
                        s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40),
                Arbitraries.bytes().array(byte[].class).ofMinSize(InputGuard.FLOOD_BYTES + 1)
                        .ofMaxSize(InputGuard.FLOOD_BYTES + 200));
        return pieces.list().ofMaxSize(12).map(list -> {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            list.forEach(all::writeBytes);
            return all.toByteArray();
        });
    }
}
