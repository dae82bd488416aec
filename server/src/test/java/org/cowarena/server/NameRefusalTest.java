package org.cowarena.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.cowarena.protocol.Messages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A name that cannot be shown, or is too wide, is refused over the network with its reason, never cut. */
class NameRefusalTest {
    @RegisterExtension
    final LoopbackServers servers = new LoopbackServers();
    private int port;

    @BeforeEach
    void start() throws Exception {
        servers.start(GameServer::create);
        port = servers.port();
    }

    private Object answerTo(String name) throws Exception {
        try (LoopbackPlayer p = LoopbackPlayer.join(port, new Messages.Hello(name, null, null, false))) {
            return p.answer(5000);
        }
    }

    @Test
    void aTenThousandCharacterNameIsRefusedWithTheReason() throws Exception {
        assertThat(answerTo("a".repeat(10_000))).isInstanceOfSatisfying(Messages.Refusal.class,
                r -> assertThat(r.reason).contains("at most 12 columns").contains("10000 characters"));
    }

    @Test
    void combiningMarksAndEmojiAreRefusedAndEightCjkCharactersAreTooWide() throws Exception {
        assertThat(answerTo("o\u0361pen")).isInstanceOfSatisfying(Messages.Refusal.class,
                r -> assertThat(r.reason).contains("U+0361"));
        assertThat(answerTo("\ud83d\udc04cow")).isInstanceOfSatisfying(Messages.Refusal.class,
                r -> assertThat(r.reason).contains("U+1F404"));
        assertThat(answerTo("\u5f20\u4f1f\u738b\u82b3\u674e\u5a1c\u5218\u6d0b")).isInstanceOfSatisfying(
                Messages.Refusal.class, r -> assertThat(r.reason).contains("takes 16"));
        assertThat(answerTo("\u5f20\u4f1f\u738b\u82b3\u674e\u5a1c")).isInstanceOfSatisfying(Messages.Welcome.class,
                w -> assertThat(w.name).isEqualTo("\u5f20\u4f1f\u738b\u82b3\u674e\u5a1c"));
    }
}
