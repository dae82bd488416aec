package org.cowarena.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.cowarena.game.ActorMove;
import org.cowarena.game.Game;
import org.cowarena.game.GoalCheck;
import org.cowarena.game.Overrun;
import org.cowarena.game.Score;
import org.cowarena.game.Standing;
import org.cowarena.game.Turn;
import org.cowarena.kernel.Event;
import org.cowarena.kernel.Kernel;
import org.cowarena.kernel.Outcome;
import org.cowarena.kernel.PageInfo;
import org.cowarena.kernel.ProcessInfo;
import org.cowarena.kernel.Smaps;
import org.cowarena.kernel.Stats;
import org.cowarena.level.LevelKind;
import org.cowarena.level.Metrics;

/**
 * The {@code play --json} output (README.md, "Headless play"): one JSON object a line, one per move,
 * then a final one. Keys come in a fixed order so the output is the same byte for
 * byte for the same level and moves.
 */
public final class JsonReport {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonReport() {
    }

    /** The move's line, then one line per actor move it was answered with. */
    public static List<String> lines(Turn turn) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(moveLine(turn));
        for (ActorMove a : turn.actors()) {
            lines.add(write(g -> {
                g.writeStartObject();
                g.writeStringField("type", "actor");
                g.writeStringField("name", a.actor());
                g.writeStringField("move", a.move().notation());
                writeOutcome(g, a.outcome());
                g.writeEndObject();
            }));
        }
        return lines;
    }

    private static void writeOutcome(JsonGenerator g, Outcome outcome) throws IOException {
        g.writeBooleanField("ok", outcome.ok());
        if (outcome instanceof Outcome.Refused refused) {
            g.writeStringField("error", refused.reason());
        }
        g.writeArrayFieldStart("events");
        for (Event e : outcome.events()) {
            writeEvent(g, e);
        }
        g.writeEndArray();
    }

    public static String moveLine(Turn turn) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("type", "move");
            g.writeNumberField("n", turn.n());
            g.writeStringField("move", turn.move().notation());
            writeOutcome(g, turn.outcome());
            g.writeEndObject();
        });
    }

    public static String finalLine(Game game) {
        Kernel kernel = game.kernel();
        Stats stats = kernel.stats();
        Metrics metrics = game.metrics();
        Score score = game.score();
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("type", "final");
            g.writeObjectFieldStart("frames");
            g.writeNumberField("total", kernel.totalFrames());
            g.writeNumberField("used", kernel.used());
            g.writeNumberField("peak", kernel.peak());
            g.writeNumberField("cached", kernel.cached());
            g.writeNumberField("committed", kernel.committed());
            g.writeNumberField("commitLimit", kernel.commitLimit());
            g.writeEndObject();
            g.writeObjectFieldStart("stats");
            g.writeNumberField("copies", stats.copies());
            g.writeNumberField("framesCopied", stats.framesCopied());
            g.writeNumberField("reuses", stats.reuses());
            g.writeNumberField("zeroFills", stats.zeroFills());
            g.writeNumberField("oomKills", stats.oomKills());
            g.writeNumberField("segv", stats.segv());
            g.writeNumberField("rejected", metrics.rejected());
            g.writeNumberField("reclaims", stats.reclaims());
            g.writeNumberField("majorFaults", stats.majorFaults());
            g.writeNumberField("enomem", stats.enomem());
            g.writeEndObject();
            g.writeArrayFieldStart("processes");
            for (ProcessInfo p : kernel.processes()) {
                writeProcess(g, kernel, p);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("goal");
            g.writeBooleanField("met", score.met());
            g.writeNumberField("stars", score.stars());
            g.writeEndObject();
            // Beyond the contract's keys: the level's metrics and the checklist.
            g.writeObjectFieldStart("metrics");
            g.writeNumberField("moves", metrics.moves());
            g.writeNumberField("copies", metrics.copies());
            g.writeNumberField("framesCopied", metrics.framesCopied());
            g.writeNumberField("peakFrames", metrics.peakFrames());
            g.writeNumberField("faults", metrics.faults());
            g.writeNumberField("reclaims", metrics.reclaims());
            g.writeNumberField("majorFaults", metrics.majorFaults());
            g.writeEndObject();
            g.writeArrayFieldStart("checks");
            for (GoalCheck check : score.checks()) {
                g.writeStartObject();
                g.writeStringField("goal", check.goal().describe());
                g.writeBooleanField("met", check.met());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("overruns");
            for (Overrun o : score.overruns()) {
                g.writeStartObject();
                g.writeStringField("metric", o.metric());
                g.writeNumberField("value", o.value());
                g.writeNumberField("best", o.best());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (game.level().kind() == LevelKind.ARENA) {
                g.writeArrayFieldStart("standings");
                for (Standing st : game.standings()) {
                    g.writeStartObject();
                    g.writeNumberField("rank", st.rank());
                    g.writeStringField("player", st.player());
                    g.writeNumberField("jobs", st.jobs());
                    g.writeNumberField("jobsMet", st.jobsMet());
                    g.writeNumberField("alive", st.alive());
                    g.writeNumberField("charged", st.charged());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        });
    }

    private static void writeProcess(JsonGenerator g, Kernel kernel, ProcessInfo p) throws IOException {
        g.writeStartObject();
        g.writeNumberField("pid", p.pid());
        g.writeNumberField("ppid", p.ppid());
        g.writeStringField("program", p.program());
        g.writeStringField("state", p.state().label());
        g.writeNumberField("rss", p.rss());
        g.writeNumberField("pss", p.pss());
        g.writeNumberField("uss", p.uss());
        Smaps smaps = p.smaps();
        g.writeObjectFieldStart("smaps");
        g.writeNumberField("rss", smaps.rss());
        g.writeNumberField("pss", smaps.pss());
        g.writeNumberField("sharedClean", smaps.sharedClean());
        g.writeNumberField("sharedDirty", smaps.sharedDirty());
        g.writeNumberField("privateClean", smaps.privateClean());
        g.writeNumberField("privateDirty", smaps.privateDirty());
        g.writeNumberField("anonymous", smaps.anonymous());
        g.writeEndObject();
        g.writeArrayFieldStart("pages");
        for (PageInfo page : kernel.pageTable(p.pid())) {
            if (page.present() || page.mapping() == PageInfo.Mapping.GONE) {
                writePage(g, page);
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writePage(JsonGenerator g, PageInfo page) throws IOException {
        g.writeStartObject();
        g.writeNumberField("vpn", page.vpn());
        if (page.mapping() == PageInfo.Mapping.GONE) {
            // Reclaim took the file page: not present until a fault reads it back.
            g.writeNullField("frame");
            g.writeStringField("kind", "gone");
            g.writeNullField("value");
            g.writeNumberField("refs", 0);
        } else if (page.mapping() == PageInfo.Mapping.ZERO) {
            // The shared zero page is no budget frame: it has no number and no refs.
            g.writeNullField("frame");
            g.writeStringField("kind", "zero");
            g.writeStringField("value", page.value());
            g.writeNullField("refs");
        } else {
            g.writeNumberField("frame", page.frame());
            g.writeStringField("kind", page.kind().label());
            g.writeStringField("value", page.value());
            g.writeNumberField("refs", page.refs());
        }
        g.writeBooleanField("writable", page.writable());
        g.writeBooleanField("cow", page.cow());
        g.writeEndObject();
    }

    /** One event as a JSON object on one line, as {@code play --json} writes it: network deltas carry it. */
    public static String event(Event e) {
        return write(g -> writeEvent(g, e));
    }

    static void writeEvent(JsonGenerator g, Event e) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", e.type());
        if (e instanceof Event.Fork x) {
            g.writeNumberField("pid", x.pid());
            g.writeNumberField("child", x.child());
        } else if (e instanceof Event.VFork x) {
            g.writeNumberField("pid", x.pid());
            g.writeNumberField("child", x.child());
        } else if (e instanceof Event.Exec x) {
            g.writeNumberField("pid", x.pid());
            g.writeStringField("program", x.program());
        } else if (e instanceof Event.Exit x) {
            g.writeNumberField("pid", x.pid());
        } else if (e instanceof Event.Unblock x) {
            g.writeNumberField("pid", x.pid());
            g.writeNumberField("child", x.child());
        } else if (e instanceof Event.ZeroMap x) {
            g.writeNumberField("pid", x.pid());
            g.writeNumberField("vpn", x.vpn());
        } else if (e instanceof Event.ZeroFill x) {
            writePidVpnFrame(g, x.pid(), x.vpn(), x.frame());
        } else if (e instanceof Event.HugeZeroFill x) {
            g.writeNumberField("pid", x.pid());
            g.writeNumberField("vpn", x.vpn());
            g.writeNumberField("frame", x.frames().get(x.vpn() - x.firstVpn()));
            g.writeBooleanField("huge", true);
            g.writeNumberField("firstVpn", x.firstVpn());
            writeInts(g, "frames", x.frames());
        } else if (e instanceof Event.CowCopy x) {
            g.writeNumberField("pid", x.pid());
            g.writeNumberField("vpn", x.vpn());
            g.writeNumberField("from", x.from());
            g.writeNumberField("to", x.to());
            g.writeNumberField("refs", x.refs());
            g.writeStringField("fromKind", x.fromKind().label());
        } else if (e instanceof Event.HugeCowCopy x) {
            int i = x.vpn() - x.firstVpn();
            g.writeNumberField("pid", x.pid());
            g.writeNumberField("vpn", x.vpn());
            g.writeNumberField("from", x.from().get(i));
            g.writeNumberField("to", x.to().get(i));
            g.writeBooleanField("huge", true);
            g.writeNumberField("firstVpn", x.firstVpn());
            writeInts(g, "fromFrames", x.from());
            writeInts(g, "toFrames", x.to());
        } else if (e instanceof Event.CowReuse x) {
            writePidVpnFrame(g, x.pid(), x.vpn(), x.frame());
        } else if (e instanceof Event.HugeCowReuse x) {
            g.writeNumberField("pid", x.pid());
            g.writeNumberField("vpn", x.vpn());
            g.writeNumberField("frame", x.frames().get(x.vpn() - x.firstVpn()));
            g.writeBooleanField("huge", true);
            g.writeNumberField("firstVpn", x.firstVpn());
            writeInts(g, "frames", x.frames());
        } else if (e instanceof Event.Split x) {
            g.writeNumberField("pid", x.pid());
            g.writeNumberField("firstVpn", x.firstVpn());
            g.writeNumberField("pages", x.pages());
            g.writeStringField("cause", x.cause());
        } else if (e instanceof Event.Segv x) {
            g.writeNumberField("pid", x.pid());
            g.writeNumberField("vpn", x.vpn());
            g.writeStringField("cause", x.cause());
            g.writeBooleanField("killed", x.killed());
        } else if (e instanceof Event.OomKill x) {
            g.writeNumberField("pid", x.pid());
            g.writeNumberField("badness", x.badness());
            g.writeStringField("scope", x.scope());
            g.writeStringField("owner", x.owner());
            g.writeNumberField("trigger", x.trigger());
            if (!x.companions().isEmpty()) {
                writeInts(g, "companions", x.companions());
            }
        } else if (e instanceof Event.Alloc x) {
            g.writeNumberField("frame", x.frame());
            g.writeStringField("kind", x.kind().label());
            g.writeStringField("owner", x.owner());
        } else if (e instanceof Event.Free x) {
            g.writeNumberField("frame", x.frame());
            g.writeStringField("kind", x.kind().label());
        } else if (e instanceof Event.Cached x) {
            g.writeNumberField("frame", x.frame());
        } else if (e instanceof Event.Reclaim x) {
            g.writeNumberField("frame", x.frame());
            writeInts(g, "pids", x.pids());
            g.writeStringField("program", x.program());
            g.writeNumberField("page", x.page());
            g.writeStringField("scope", x.scope());
        } else if (e instanceof Event.MajorFault x) {
            writePidVpnFrame(g, x.pid(), x.vpn(), x.frame());
        } else if (e instanceof Event.CacheHit x) {
            writePidVpnFrame(g, x.pid(), x.vpn(), x.frame());
        } else if (e instanceof Event.ShmFill x) {
            writePidVpnFrame(g, x.pid(), x.vpn(), x.frame());
        } else if (e instanceof Event.ShmMap x) {
            writePidVpnFrame(g, x.pid(), x.vpn(), x.frame());
        } else if (e instanceof Event.SharedWrite x) {
            writePidVpnFrame(g, x.pid(), x.vpn(), x.frame());
        } else if (e instanceof Event.Enomem x) {
            g.writeNumberField("pid", x.pid());
            g.writeStringField("call", x.call());
            g.writeNumberField("need", x.need());
            g.writeNumberField("committed", x.committed());
            g.writeNumberField("commitLimit", x.limit());
            g.writeStringField("overcommit", x.mode().label());
        } else if (e instanceof Event.HugeZeroMap x) {
            g.writeNumberField("pid", x.pid());
            g.writeNumberField("vpn", x.vpn());
            g.writeBooleanField("huge", true);
            g.writeNumberField("firstVpn", x.firstVpn());
            g.writeNumberField("pages", x.pages());
        } else if (e instanceof Event.Madvise x) {
            g.writeNumberField("pid", x.pid());
            g.writeNumberField("from", x.from());
            g.writeNumberField("to", x.to());
            g.writeStringField("advice", x.advice().notation());
        } else {
            throw new IllegalArgumentException("no JSON form for event " + e);
        }
        g.writeEndObject();
    }

    private static void writePidVpnFrame(JsonGenerator g, int pid, int vpn, int frame) throws IOException {
        g.writeNumberField("pid", pid);
        g.writeNumberField("vpn", vpn);
        g.writeNumberField("frame", frame);
    }

    /** {@code "name":[1,2,3]}. */
    public static void writeInts(JsonGenerator g, String name, List<Integer> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (int v : values) {
            g.writeNumber(v);
        }
        g.writeEndArray();
    }

    /** {@code "name":["a","b"]}. */
    public static void writeStrings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** What one JSON text holds, written on a generator. */
    public interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** One JSON text in memory (the project's reports, results and tables all come through here). */
    public static String write(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory", e);
        }
        return out.toString();
    }
}
