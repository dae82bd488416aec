package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import org.cowarena.board.Chrome;
import org.cowarena.board.ProjectorRendererTest;
import org.cowarena.board.Theme;
import org.cowarena.client.FakeHost;
import org.cowarena.protocol.Messages;
import org.junit.jupiter.api.Test;

/** What the projector scene makes of the race's messages and the viewer's keys (no server: a fake host's messages). */
class ProjectorSceneTest {

    private final FakeHost host = new FakeHost(new Messages.Hello("spectator", null, null, true));

    private ProjectorScene scene() {
        Context ctx = new Context(Theme.mono(), "en", null, "teacher", List.of(), 0);
        return new ProjectorScene(ctx, host.session(), 1000, null);
    }

    private static Messages.RaceState state(String state, int focus, long millisLeft) {
        Messages.RaceState s = new Messages.RaceState();
        s.state = state;
        s.levels = new String[] {"fork", "cow-copy"};
        s.focus = focus;
        s.millisLeft = millisLeft;
        s.level = -1;
        s.moves = new String[0];
        return s;
    }

    @Test
    void followsTheRoomsLevelUntilTheViewerChoosesAnother() {
        ProjectorScene p = scene();
        host.deliver(state("running", 0, -1));
        host.deliver(ProjectorRendererTest.board());
        assertThat(p.view().shown()).isEqualTo(0);
        host.deliver(state("running", 1, -1)); // the teacher moved the room on
        assertThat(p.view().shown()).isEqualTo(1);
        assertThat(p.key(new KeyStroke(KeyType.ArrowRight))).isSameAs(p);
        assertThat(p.view().shown()).isEqualTo(0);
        host.deliver(state("running", 1, -1));
        assertThat(p.view().shown()).as("the viewer's choice stays").isEqualTo(0);
        p.key(new KeyStroke('f', false, false));
        assertThat(p.view().shown()).isEqualTo(1);
        assertThat(p.key(new KeyStroke('q', false, false))).isNull();
    }

    @Test
    void aPausedRaceKeepsItsTimeLeft() {
        ProjectorScene p = scene();
        host.deliver(state("paused", 0, 90_000));
        assertThat(p.view().millisLeft()).isEqualTo(90_000);
        assertThat(p.view().state()).isEqualTo("paused");
        host.deliver(state("running", 0, 90_000));
        assertThat(p.view().millisLeft()).isBetween(0L, 90_000L);
    }

    @Test
    void aRefusalIsShownInPlaceOfTheKeys() {
        ProjectorScene p = scene();
        assertThat(p.view().status().text()).isEqualTo(Chrome.english().say("projector.keys"));
        Messages.Refusal r = new Messages.Refusal("this server speaks protocol 3");
        host.deliver(r);
        assertThat(p.view().status().text()).isEqualTo("the server refused: this server speaks protocol 3");
    }
}
