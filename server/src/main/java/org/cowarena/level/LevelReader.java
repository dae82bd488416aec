package org.cowarena.level;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.cowarena.kernel.Kernel;
import org.cowarena.kernel.MemoryConfig;
import org.cowarena.kernel.OomPolicy;
import org.cowarena.kernel.Overcommit;
import org.cowarena.kernel.ProgramImage;
import org.cowarena.kernel.Segment;
import org.cowarena.kernel.ThpCow;
import org.cowarena.move.MoveParser;
import org.cowarena.move.MoveSyntaxException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Builds a {@link Level} from a composed node tree, collecting every problem (levels/README.md). */
final class LevelReader {
    static final int MAX_FRAMES = 1 << 20;
    static final int MAX_PAGES = 1 << 20;
    static final int MAX_PID = 99_999;

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,32}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
    private static final List<String> TOP = List.of("format", "id", "title", "kind", "briefing", "memory", "rules",
            "programs", "processes", "seats", "setup", "moves", "goal", "stars", "hints", "explain", "actors");
    private static final List<String> MEMORY = List.of("frames", "oom", "hugePage", "thpCow", "budget", "budgets",
            "overcommit", "overcommitRatio");
    private static final List<String> PROGRAM = List.of("text", "data", "heap", "stack", "shared");
    private static final List<String> PROCESS = List.of("pid", "program", "forkOf", "owner", "data", "heap",
            "stack", "oomScoreAdj", "mlock");
    private static final List<String> GOALS = List.of("running", "page", "maxPeakFrames", "processes", "maxCopies",
            "maxFramesCopied", "noOomKill", "alive", "exited", "killed", "shared", "maxCharge");
    private static final List<String> EVENT_TYPES = List.of("fork", "vfork", "exec", "exit", "unblock", "zero-map",
            "zero-fill", "cow-copy", "cow-reuse", "thp-split", "segv", "oom-kill", "alloc", "free", "madvise",
            "cached", "reclaim", "major-fault", "cache-hit", "shm-fill", "shm-map", "shared-write", "enomem");
    /** Keys of explain: the event types, and the huge-page variants of the three faults ({@code Event.explainKey}). */
    private static final List<String> EXPLAIN_KEYS = java.util.stream.Stream.concat(EVENT_TYPES.stream(),
            java.util.stream.Stream.of("huge-zero-fill", "huge-cow-copy", "huge-cow-reuse", "huge-zero-map")).toList();
    private static final List<String> WHEN = List.of("pid", "vpn", "segment", "move", "advice");
    private static final Pattern VPN_RANGE = Pattern.compile("(0|[1-9][0-9]{0,6})(?:-(0|[1-9][0-9]{0,6}))?");
    private static final List<String> STAR_METRICS = List.of("moves", "copies", "framesCopied", "peakFrames",
            "faults", "reclaims", "majorFaults");

    private final YamlNodes y;
    private final String source;

    LevelReader(String source) {
        this.source = source;
        this.y = new YamlNodes(source);
    }

    List<LevelProblem> problems() {
        return y.problems();
    }

    /** The level, or null when there are problems. */
    Level read(Node root) {
        y.checkTags(root);
        Map<String, Node> top = y.mapping(root, "a level", TOP, List.of("format", "id", "title", "memory",
                "programs", "processes"));
        if (top == null) {
            return null;
        }
        if (top.containsKey("format")) {
            OptionalLong format = y.integer(top.get("format"), "format", 0, Integer.MAX_VALUE);
            if (format.isPresent() && format.getAsLong() != 1) {
                y.problem(top.get("format"), "format " + format.getAsLong() + " is not supported: this version"
                        + " reads format 1");
            }
        }
        String id = top.containsKey("id") ? y.word(top.get("id"), "id", ID,
                "lower-case letters, digits and '-', such as fork-and-write") : null;
        Map<String, String> title = top.containsKey("title") ? textOrLanguages(top.get("title"), "title") : null;
        LevelKind kind = LevelKind.PUZZLE;
        if (top.containsKey("kind")) {
            String k = y.choice(top.get("kind"), "kind", List.of("puzzle", "arena"));
            kind = "arena".equals(k) ? LevelKind.ARENA : LevelKind.PUZZLE;
        }
        Map<String, String> briefing = top.containsKey("briefing") ? briefing(top.get("briefing")) : Map.of();
        Map<String, ProgramImage> programs = top.containsKey("programs") ? programs(top.get("programs"))
                : Map.of();
        List<ProcessSpec> processes = top.containsKey("processes")
                ? processes(top.get("processes"), programs) : List.of();
        MemoryConfig memory = top.containsKey("memory") ? memory(top.get("memory"), processes) : null;
        if (memory != null && top.containsKey("rules")) {
            memory = rules(top.get("rules"), memory);
        }
        List<SetupMove> setup = top.containsKey("setup") ? setup(top.get("setup")) : List.of();
        MoveRules moves = top.containsKey("moves") ? moves(top.get("moves"), processes, setup)
                : new MoveRules(MoveRules.DEFAULT_VERBS, OptionalInt.empty());
        List<Goal> goals = top.containsKey("goal") ? goals(top.get("goal"), programs, processes, setup, moves)
                : List.of();
        Map<String, Integer> stars = top.containsKey("stars") ? stars(top.get("stars")) : Map.of();
        List<Map<String, String>> hints = top.containsKey("hints") ? hints(top.get("hints")) : List.of();
        Map<String, List<ExplainNote>> explain = top.containsKey("explain")
                ? explain(top.get("explain"), processes, setup, moves, top.get("actors")) : Map.of();
        List<Actor> actors = top.containsKey("actors") ? actors(top.get("actors"), processes, setup, moves)
                : List.of();
        List<String> seats = top.containsKey("seats") ? seats(top.get("seats"), processes)
                : defaultSeats(processes, actors);
        if (!y.problems().isEmpty()) {
            return null;
        }
        starPositions = top.containsKey("stars") ? positions(top.get("stars")) : Map.of();
        return new Level(source, id, title, kind, briefing, memory, new ArrayList<>(programs.values()), processes,
                setup, moves, goals, stars, hints, explain, actors, seats);
    }

    private Map<String, Pos> starPositions = Map.of();
    /** Whether every listed process was read, so that the owners are all known. */
    private boolean allProcessesRead;

    private Map<String, Pos> positions(Node node) {
        Map<String, Pos> result = new LinkedHashMap<>();
        if (node instanceof org.yaml.snakeyaml.nodes.MappingNode m) {
            for (org.yaml.snakeyaml.nodes.NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode k) {
                    result.put(k.getValue(), YamlNodes.pos(t.getValueNode()));
                }
            }
        }
        return result;
    }

    /**
     * Thresholds no play can reach, found once the start is known: a peak below what the
     * start already uses, or zero moves for a goal the start does not meet.
     */
    List<LevelProblem> impossibleThresholds(Level level, Kernel start) {
        List<LevelProblem> found = new ArrayList<>();
        int used = start.used();
        for (Goal goal : level.goals()) {
            if (goal instanceof Goal.MaxPeakFrames max && max.max() < used) {
                found.add(new LevelProblem(source, goal.pos(), "maxPeakFrames " + max.max() + " can never hold:"
                        + " the start already uses " + used + " frames"));
            }
        }
        Integer peak = level.stars().get("peakFrames");
        if (peak != null && peak < used) {
            found.add(new LevelProblem(source, starPositions.getOrDefault("peakFrames", Pos.UNKNOWN),
                    "stars.peakFrames " + peak + " can never be reached: the start already uses " + used + " frames"));
        }
        Integer moveStars = level.stars().get("moves");
        Metrics none = new Metrics(0, 0, 0, used, 0, 0);
        if (moveStars != null && moveStars == 0 && !level.goals().stream().allMatch(g -> g.isMet(start, none))) {
            found.add(new LevelProblem(source, starPositions.getOrDefault("moves", Pos.UNKNOWN),
                    "stars.moves 0 can never be reached: the goal is not met at the start"));
        }
        Integer limit = level.moves().limit().isPresent() ? level.moves().limit().getAsInt() : null;
        if (moveStars != null && limit != null && moveStars > limit) {
            found.add(new LevelProblem(source, starPositions.getOrDefault("moves", Pos.UNKNOWN),
                    "stars.moves " + moveStars + " is more than moves.limit " + limit));
        }
        return found;
    }

    private Map<String, String> briefing(Node node) {
        return briefingLike(node, "briefing");
    }

    /** A text, or a map language → text with {@code en} required. */
    private Map<String, String> briefingLike(Node node, String what) {
        return briefingLike(node, what, List.of());
    }

    /** A text or a language map, as a briefing, whose mapping may also hold the keys {@code besides}. */
    private Map<String, String> briefingLike(Node node, String what, List<String> besides) {
        return languages(node, what, besides, false);
    }

    /**
     * A text, or a map language → text with {@code en} required (and the keys {@code besides}
     * left to the caller); with {@code nonEmpty}, no text may be blank.
     */
    private Map<String, String> languages(Node node, String what, List<String> besides, boolean nonEmpty) {
        Map<String, String> result = new LinkedHashMap<>();
        if (!(node instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
            String text = nonEmpty ? y.nonEmptyText(node, what) : y.text(node, what);
            if (text != null) {
                result.put("en", text);
            }
            return result;
        }
        Map<String, Node> byLanguage = y.mapping(node, what, null, List.of());
        if (byLanguage == null) {
            return result;
        }
        for (Map.Entry<String, Node> e : byLanguage.entrySet()) {
            if (besides.contains(e.getKey())) {
                continue;
            }
            if (!LANGUAGE.matcher(e.getKey()).matches()) {
                y.problem(e.getValue(), what + " language \"" + e.getKey() + "\" is not a language code such as en"
                        + " or zh");
                continue;
            }
            String text = nonEmpty ? y.nonEmptyText(e.getValue(), what + "." + e.getKey())
                    : y.text(e.getValue(), what + "." + e.getKey());
            if (text != null) {
                result.put(e.getKey(), text);
            }
        }
        if (!byLanguage.containsKey("en")) { // an en text that is wrong has its own problem
            y.problem(node, what + " needs an \"en\" text");
        }
        return result;
    }

    private MemoryConfig memory(Node node, List<ProcessSpec> processes) {
        Map<String, Node> m = y.mapping(node, "memory", MEMORY, List.of("frames"));
        if (m == null || !m.containsKey("frames")) {
            return null;
        }
        OptionalLong frames = y.integer(m.get("frames"), "memory.frames", 1, MAX_FRAMES);
        OomPolicy oom = OomPolicy.REJECT;
        if (m.containsKey("oom")) {
            oom = "kill".equals(y.choice(m.get("oom"), "memory.oom", List.of("reject", "kill")))
                    ? OomPolicy.KILL : OomPolicy.REJECT;
        }
        int hugePage = 1;
        if (m.containsKey("hugePage")) {
            hugePage = (int) y.integer(m.get("hugePage"), "memory.hugePage", 1, 512).orElse(1);
        }
        ThpCow thpCow = ThpCow.SPLIT;
        if (m.containsKey("thpCow")) {
            thpCow = "copy-huge".equals(y.choice(m.get("thpCow"), "memory.thpCow", List.of("split", "copy-huge")))
                    ? ThpCow.COPY_HUGE : ThpCow.SPLIT;
        }
        Map<String, Integer> budgets = new TreeMap<>();
        if (m.containsKey("budget")) {
            OptionalLong budget = y.integer(m.get("budget"), "memory.budget", 1, MAX_FRAMES);
            if (budget.isPresent()) {
                processes.forEach(p -> budgets.put(p.owner(), (int) budget.getAsLong()));
            }
        }
        if (m.containsKey("budgets")) {
            Map<String, Node> each = y.mapping(m.get("budgets"), "memory.budgets", null, List.of());
            if (each != null) {
                List<String> owners = processes.stream().map(ProcessSpec::owner).distinct().toList();
                for (Map.Entry<String, Node> e : each.entrySet()) {
                    OptionalLong b = y.integer(e.getValue(), "the budget of " + e.getKey(), 1, MAX_FRAMES);
                    if (b.isPresent()) {
                        budgets.put(e.getKey(), (int) b.getAsLong());
                    }
                    // Owners come only from the list: a child inherits its parent's. So a budget
                    // for anyone else can never apply, which is a typo. (Skipped when a process
                    // could not be read: its owner is unknown.)
                    if (allProcessesRead && !owners.contains(e.getKey())) {
                        y.problem(keyNode(m.get("budgets"), e.getKey()), "memory.budgets names \"" + e.getKey()
                                + "\", which no process has (owners: " + String.join(", ", owners) + ")");
                    }
                }
            }
        }
        Overcommit overcommit = Overcommit.HEURISTIC;
        if (m.containsKey("overcommit")) {
            String mode = y.choice(m.get("overcommit"), "memory.overcommit", List.of("heuristic", "always", "never"));
            overcommit = mode == null ? Overcommit.HEURISTIC : Overcommit.valueOf(mode.toUpperCase(Locale.ROOT));
        }
        int ratio = MemoryConfig.DEFAULT_OVERCOMMIT_RATIO;
        if (m.containsKey("overcommitRatio")) {
            ratio = (int) y.integer(m.get("overcommitRatio"), "memory.overcommitRatio", 0, 1000)
                    .orElse(MemoryConfig.DEFAULT_OVERCOMMIT_RATIO);
        }
        if (frames.isEmpty()) {
            return null;
        }
        return new MemoryConfig((int) frames.getAsLong(), oom, hugePage, thpCow, false, budgets, overcommit, ratio);
    }

    private MemoryConfig rules(Node node, MemoryConfig memory) {
        Map<String, Node> r = y.mapping(node, "rules", List.of("segv"), List.of());
        if (r == null || !r.containsKey("segv")) {
            return memory;
        }
        String segv = y.choice(r.get("segv"), "rules.segv", List.of("signal", "kill"));
        return memory.withSegvKills("kill".equals(segv));
    }

    private Map<String, ProgramImage> programs(Node node) {
        Map<String, ProgramImage> programs = new LinkedHashMap<>();
        Map<String, Node> all = y.mapping(node, "programs", null, List.of());
        if (all == null) {
            return programs;
        }
        if (all.isEmpty()) {
            y.problem(node, "a level needs at least one program");
        }
        for (Map.Entry<String, Node> e : all.entrySet()) {
            String name = e.getKey();
            if (!NAME.matcher(name).matches()) {
                y.problem(e.getValue(), "program name \"" + name + "\" is not valid: letters, digits, '_', '.',"
                        + " '-' (at most 32)");
                continue;
            }
            Map<String, Node> p = y.mapping(e.getValue(), "program " + name, PROGRAM, List.of());
            if (p == null) {
                continue;
            }
            List<String> text = List.of();
            if (p.containsKey("text")) {
                Node t = p.get("text");
                text = t instanceof org.yaml.snakeyaml.nodes.ScalarNode
                        ? java.util.Collections.nCopies((int) y.integer(t, name + ".text", 0, MAX_PAGES).orElse(0),
                                "code")
                        : y.values(t, name + ".text", MoveParser.MAX_VALUE_LENGTH);
            }
            List<String> data = List.of();
            if (p.containsKey("data")) {
                Node d = p.get("data");
                data = d instanceof org.yaml.snakeyaml.nodes.ScalarNode
                        ? java.util.Collections.nCopies((int) y.integer(d, name + ".data", 0, MAX_PAGES).orElse(0),
                                "0")
                        : y.values(d, name + ".data", MoveParser.MAX_VALUE_LENGTH);
            }
            int heap = p.containsKey("heap") ? (int) y.integer(p.get("heap"), name + ".heap", 0, MAX_PAGES).orElse(0)
                    : 0;
            int stack = p.containsKey("stack")
                    ? (int) y.integer(p.get("stack"), name + ".stack", 0, MAX_PAGES).orElse(0) : 0;
            int shared = p.containsKey("shared")
                    ? (int) y.integer(p.get("shared"), name + ".shared", 0, MAX_PAGES).orElse(0) : 0;
            if (text == null || data == null) {
                continue;
            }
            if (text.stream().anyMatch(Objects::isNull) || data.stream().anyMatch(Objects::isNull)) {
                y.problem(e.getValue(), "program " + name + ": text and data pages need a value (~ is for a"
                        + " process's untouched pages)");
                continue;
            }
            long size = (long) text.size() + data.size() + heap + stack + shared;
            if (size == 0) {
                y.problem(e.getValue(), "program " + name + " has no pages");
                continue;
            }
            if (size > MAX_PAGES) {
                y.problem(e.getValue(), "program " + name + " has " + size + " pages, more than " + MAX_PAGES);
                continue;
            }
            programs.put(name, new ProgramImage(name, text, data, heap, stack, shared));
        }
        return programs;
    }

    /** The key node of {@code key} in a mapping node, for a problem's place; the mapping itself if absent. */
    private static Node keyNode(Node mapping, String key) {
        if (mapping instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return k;
                }
            }
        }
        return mapping;
    }

    private List<ProcessSpec> processes(Node node, Map<String, ProgramImage> programs) {
        List<ProcessSpec> result = new ArrayList<>();
        List<Node> items = y.sequence(node, "processes");
        allProcessesRead = false;
        if (items == null) {
            return result;
        }
        if (items.isEmpty()) {
            y.problem(node, "a level needs at least one process");
        }
        Map<Integer, ProcessSpec> seen = new TreeMap<>();
        for (Node item : items) {
            Map<String, Node> p = y.mapping(item, "a process", PROCESS, List.of("pid"));
            if (p == null || !p.containsKey("pid")) {
                continue;
            }
            if (p.containsKey("program") == p.containsKey("forkOf")) {
                y.problem(item, "a process names either its program (it starts by exec) or forkOf (it starts"
                        + " as a fork of an earlier process)");
                continue;
            }
            OptionalLong pid = y.integer(p.get("pid"), "pid", 1, MAX_PID);
            if (pid.isEmpty()) {
                continue;
            }
            if (seen.containsKey((int) pid.getAsLong())) {
                y.problem(p.get("pid"), "pid " + pid.getAsLong() + " is listed twice");
                continue;
            }
            ProcessSpec parent = null;
            String program;
            if (p.containsKey("forkOf")) {
                OptionalLong of = y.integer(p.get("forkOf"), "forkOf", 1, MAX_PID);
                if (of.isEmpty()) {
                    continue;
                }
                parent = seen.get((int) of.getAsLong());
                if (parent == null) {
                    y.problem(p.get("forkOf"), "forkOf names pid " + of.getAsLong()
                            + ", which is not listed before this process");
                    continue;
                }
                program = parent.program();
            } else {
                program = y.text(p.get("program"), "program");
                if (program == null) {
                    continue;
                }
            }
            ProgramImage image = programs.get(program);
            if (image == null) {
                y.problem(p.get("program"), "unknown program \"" + program + "\"" + (programs.isEmpty() ? ""
                        : " (programs: " + String.join(", ", programs.keySet()) + ")"));
                continue;
            }
            // A forked process inherits its parent's owner and oom_score_adj unless it names its own.
            String owner = p.containsKey("owner") ? y.word(p.get("owner"), "owner", NAME,
                    "letters, digits, '_', '.', '-' (at most 32)") : parent != null ? parent.owner() : "you";
            int inherited = parent != null ? parent.oomScoreAdj() : 0;
            int adj = p.containsKey("oomScoreAdj") ? (int) y.integer(p.get("oomScoreAdj"), "oomScoreAdj",
                    Kernel.OOM_SCORE_ADJ_MIN, Kernel.OOM_SCORE_ADJ_MAX).orElse(inherited) : inherited;
            List<String> data = segmentValues(p, "data", image.data().size(), program);
            List<String> heap = segmentValues(p, "heap", image.heap(), program);
            List<String> stack = segmentValues(p, "stack", image.stack(), program);
            // mlockall belongs to the address space the process starts with: a forked start
            // (forkOf) gets a new one, which does not inherit the lock.
            Boolean mlock = p.containsKey("mlock") ? y.flag(p.get("mlock"), "mlock") : Boolean.FALSE;
            if (mlock != null && mlock && parent != null) {
                y.problem(p.get("mlock"), "mlock applies to a process that starts by exec: a fork child does not"
                        + " inherit mlockall (drop forkOf or mlock)");
                continue;
            }
            if (owner == null || data == null || heap == null || stack == null || mlock == null) {
                continue;
            }
            ProcessSpec spec = new ProcessSpec((int) pid.getAsLong(), program, owner, data, heap, stack, adj,
                    parent != null ? parent.pid() : 0, mlock, YamlNodes.pos(item));
            seen.put(spec.pid(), spec);
            result.add(spec);
        }
        allProcessesRead = result.size() == items.size();
        return result;
    }

    private List<String> segmentValues(Map<String, Node> p, String segment, int pages, String program) {
        if (!p.containsKey(segment)) {
            return List.of();
        }
        List<String> values = y.values(p.get(segment), segment, MoveParser.MAX_VALUE_LENGTH);
        if (values != null && values.size() > pages) {
            y.problem(p.get(segment), values.size() + " " + segment + " values, but program " + program + " has "
                    + pages + " " + segment + (pages == 1 ? " page" : " pages"));
            return null;
        }
        return values;
    }

    private List<SetupMove> setup(Node node) {
        List<SetupMove> result = new ArrayList<>();
        List<Node> items = y.sequence(node, "setup");
        if (items == null) {
            return result;
        }
        for (Node item : items) {
            String text = y.text(item, "a setup move");
            if (text == null) {
                continue;
            }
            try {
                result.add(new SetupMove(MoveParser.parseMove(text), YamlNodes.pos(item)));
            } catch (MoveSyntaxException e) {
                Pos at = YamlNodes.pos(item);
                y.problem(at, "setup move \"" + text + "\": " + e.reason());
            }
        }
        return result;
    }

    private MoveRules moves(Node node, List<ProcessSpec> processes, List<SetupMove> setup) {
        Map<String, Node> m = y.mapping(node, "moves", List.of("allowed", "limit", "only"), List.of());
        if (m == null) {
            return new MoveRules(MoveRules.DEFAULT_VERBS, OptionalInt.empty());
        }
        List<String> allowed = MoveRules.DEFAULT_VERBS;
        if (m.containsKey("allowed")) {
            List<Node> items = y.sequence(m.get("allowed"), "moves.allowed");
            if (items != null) {
                allowed = new ArrayList<>();
                for (Node item : items) {
                    String verb = y.choice(item, "an allowed move", MoveRules.ALL_VERBS);
                    if (verb != null && !allowed.contains(verb)) {
                        allowed.add(verb);
                    }
                }
            }
        }
        OptionalInt limit = OptionalInt.empty();
        if (m.containsKey("limit")) {
            OptionalLong l = y.integer(m.get("limit"), "moves.limit", 1, 100_000);
            if (l.isPresent()) {
                limit = OptionalInt.of((int) l.getAsLong());
            }
        }
        List<Integer> only = new ArrayList<>();
        if (m.containsKey("only")) {
            List<Node> items = y.sequence(m.get("only"), "moves.only");
            if (items != null) {
                if (items.isEmpty()) {
                    y.problem(m.get("only"), "moves.only lists no pid: leave it out to let the player move every"
                            + " process");
                }
                // Each setup move creates at most one pid: the highest pid there is when play starts.
                int highest = processes.stream().mapToInt(ProcessSpec::pid).max().orElse(0) + setup.size();
                for (Node item : items) {
                    OptionalLong pid = y.integer(item, "a pid in moves.only", 1, MAX_PID);
                    if (pid.isPresent() && pid.getAsLong() > highest) {
                        y.problem(item, "moves.only names pid " + pid.getAsLong() + ", which no process has when"
                                + " play starts");
                    } else {
                        pid.ifPresent(v -> only.add((int) v));
                    }
                }
            }
        }
        return new MoveRules(allowed, limit, only);
    }

    private List<Goal> goals(Node node, Map<String, ProgramImage> programs, List<ProcessSpec> processes,
                             List<SetupMove> setup, MoveRules moves) {
        List<Goal> result = new ArrayList<>();
        List<Node> items = y.sequence(node, "goal");
        if (items == null) {
            return result;
        }
        int highestStart = processes.stream().mapToInt(ProcessSpec::pid).max().orElse(0);
        // Each setup or play move creates at most one pid: the highest pid a goal can name.
        int reachable = highestStart + setup.size() + moves.limit().orElse(0);
        for (Node item : items) {
            Map<String, Node> g = y.mapping(item, "a goal", GOALS, List.of());
            if (g == null) {
                continue;
            }
            if (((org.yaml.snakeyaml.nodes.MappingNode) item).getValue().size() != 1) {
                y.problem(item, "each goal is one of " + String.join(", ", GOALS) + ", one per list item");
                continue;
            }
            if (g.isEmpty()) {
                continue; // its unknown kind is reported already
            }
            Map.Entry<String, Node> e = g.entrySet().iterator().next();
            Pos at = YamlNodes.pos(item);
            switch (e.getKey()) {
                case "running" -> {
                    Map<String, Node> r = y.mapping(e.getValue(), "running", List.of("program", "atLeast", "exactly"),
                            List.of("program"));
                    if (r == null || !r.containsKey("program")) {
                        continue;
                    }
                    String program = y.text(r.get("program"), "running.program");
                    if (program != null && !programs.containsKey(program)) {
                        y.problem(r.get("program"), "unknown program \"" + program + "\"");
                        continue;
                    }
                    if (r.containsKey("atLeast") && r.containsKey("exactly")) {
                        y.problem(e.getValue(), "running takes atLeast or exactly, not both");
                        continue;
                    }
                    OptionalInt atLeast = optionalCount(r, "atLeast");
                    OptionalInt exactly = optionalCount(r, "exactly");
                    result.add(new Goal.Running(program, atLeast, exactly, at));
                }
                case "page" -> {
                    Map<String, Node> p = y.mapping(e.getValue(), "page", List.of("pid", "vpn", "value"),
                            List.of("pid", "vpn", "value"));
                    if (p == null || p.size() != 3) {
                        continue;
                    }
                    OptionalLong pid = y.integer(p.get("pid"), "page.pid", 1, MAX_PID);
                    OptionalLong vpn = y.integer(p.get("vpn"), "page.vpn", 0, MAX_PAGES);
                    String value = y.text(p.get("value"), "page.value");
                    if (pid.isEmpty() || vpn.isEmpty() || value == null) {
                        continue;
                    }
                    int goalPid = (int) pid.getAsLong();
                    ProcessSpec listed = processes.stream().filter(s -> s.pid() == goalPid).findFirst().orElse(null);
                    if (listed == null && goalPid > reachable) {
                        y.problem(p.get("pid"), "goal names pid " + goalPid + ", which no process has: the start"
                                + " has pids up to " + highestStart + (moves.limit().isPresent()
                                ? " and play can create pids up to " + reachable
                                : " and setup creates pids up to " + reachable + " (set moves.limit if play"
                                        + " should create more)"));
                        continue;
                    }
                    if (listed != null && vpn.getAsLong() >= programs.get(listed.program()).size()) {
                        y.problem(p.get("vpn"), "vpn " + vpn.getAsLong() + " is out of range: program "
                                + listed.program() + " has pages 0-" + (programs.get(listed.program()).size() - 1));
                        continue;
                    }
                    result.add(new Goal.Page(goalPid, (int) vpn.getAsLong(), value, at));
                }
                case "maxPeakFrames" -> {
                    OptionalLong max = y.integer(e.getValue(), "maxPeakFrames", 0, MAX_FRAMES);
                    if (max.isPresent()) {
                        result.add(new Goal.MaxPeakFrames((int) max.getAsLong(), at));
                    }
                }
                case "processes" -> {
                    Map<String, Node> r = y.mapping(e.getValue(), "processes", List.of("atLeast", "atMost"),
                            List.of());
                    if (r == null) {
                        continue;
                    }
                    if (r.isEmpty()) {
                        if (((org.yaml.snakeyaml.nodes.MappingNode) e.getValue()).getValue().isEmpty()) {
                            y.problem(e.getValue(), "processes needs atLeast or atMost");
                        }
                        continue;
                    }
                    result.add(new Goal.Processes(optionalCount(r, "atLeast"), optionalCount(r, "atMost"), at));
                }
                case "maxCopies" -> count(e.getValue(), "maxCopies")
                        .ifPresent(n -> result.add(new Goal.MaxCopies(n, at)));
                case "maxFramesCopied" -> count(e.getValue(), "maxFramesCopied")
                        .ifPresent(n -> result.add(new Goal.MaxFramesCopied(n, at)));
                case "noOomKill" -> {
                    String flag = y.choice(e.getValue(), "noOomKill", List.of("true"));
                    if (flag != null) {
                        result.add(new Goal.NoOomKill(at));
                    }
                }
                case "alive", "exited", "killed" -> {
                    Map<String, Node> r = y.mapping(e.getValue(), e.getKey(), List.of("pid"), List.of("pid"));
                    if (r == null || !r.containsKey("pid")) {
                        continue;
                    }
                    int goalPid = goalPid(r.get("pid"), processes, highestStart, reachable, moves);
                    if (goalPid < 0) {
                        continue;
                    }
                    List<org.cowarena.kernel.TaskState> states = switch (e.getKey()) {
                        case "alive" -> List.of(org.cowarena.kernel.TaskState.RUNNING,
                                org.cowarena.kernel.TaskState.BLOCKED);
                        case "exited" -> List.of(org.cowarena.kernel.TaskState.EXITED);
                        default -> List.of(org.cowarena.kernel.TaskState.KILLED);
                    };
                    result.add(new Goal.State(goalPid, states, at));
                }
                case "shared" -> {
                    Map<String, Node> r = y.mapping(e.getValue(), "shared", List.of("pid", "with", "atLeast"),
                            List.of("pid", "with", "atLeast"));
                    if (r == null || r.size() != 3) {
                        continue;
                    }
                    int a = goalPid(r.get("pid"), processes, highestStart, reachable, moves);
                    int b = goalPid(r.get("with"), processes, highestStart, reachable, moves);
                    OptionalInt n = count(r.get("atLeast"), "shared.atLeast");
                    if (a > 0 && b > 0 && n.isPresent()) {
                        result.add(new Goal.Shared(a, b, n.getAsInt(), at));
                    }
                }
                case "maxCharge" -> {
                    Map<String, Node> r = y.mapping(e.getValue(), "maxCharge", List.of("owner", "atMost"),
                            List.of("owner", "atMost"));
                    if (r == null || r.size() != 2) {
                        continue;
                    }
                    String owner = y.text(r.get("owner"), "maxCharge.owner");
                    OptionalInt n = count(r.get("atMost"), "maxCharge.atMost");
                    if (owner != null && processes.stream().noneMatch(p -> p.owner().equals(owner))) {
                        y.problem(r.get("owner"), "no process is owned by \"" + owner + "\"");
                        continue;
                    }
                    if (owner != null && n.isPresent()) {
                        result.add(new Goal.MaxCharge(owner, n.getAsInt(), at));
                    }
                }
                default -> throw new IllegalStateException("goal kinds are checked above: " + e.getKey());
            }
        }
        return result;
    }

    private OptionalInt count(Node node, String what) {
        OptionalLong n = y.integer(node, what, 0, MAX_FRAMES);
        return n.isPresent() ? OptionalInt.of((int) n.getAsLong()) : OptionalInt.empty();
    }

    /** A pid a goal or actor names: a listed process or one play can create; -1 (with a problem) otherwise. */
    private int goalPid(Node node, List<ProcessSpec> processes, int highestStart, int reachable, MoveRules moves) {
        OptionalLong pid = y.integer(node, "pid", 1, MAX_PID);
        if (pid.isEmpty()) {
            return -1;
        }
        int p = (int) pid.getAsLong();
        if (processes.stream().noneMatch(s -> s.pid() == p) && p > reachable) {
            y.problem(node, "goal names pid " + p + ", which no process has: the start has pids up to " + highestStart
                    + (moves.limit().isPresent() ? " and play can create pids up to " + reachable
                    : " and setup creates pids up to " + reachable + " (set moves.limit if play should create more)"));
            return -1;
        }
        return p;
    }

    /**
     * explain: per key a note (a text or a language map), a note with a condition (a language
     * map with {@code when}), or a list of them.
     */
    private Map<String, List<ExplainNote>> explain(Node node, List<ProcessSpec> processes, List<SetupMove> setup,
                                                   MoveRules moves, Node actors) {
        Map<String, List<ExplainNote>> result = new LinkedHashMap<>();
        // The pids play can create, as for actors; without a move limit, any pid may come.
        int highestStart = processes.stream().mapToInt(ProcessSpec::pid).max().orElse(0);
        int actorCount = actors instanceof org.yaml.snakeyaml.nodes.SequenceNode s ? s.getValue().size() : 0;
        int reachable = moves.limit().isPresent()
                ? highestStart + setup.size() + moves.limit().getAsInt() * (1 + actorCount) : MAX_PID;
        Map<String, Node> notes = y.mapping(node, "explain", EXPLAIN_KEYS, List.of());
        if (notes == null) {
            return result;
        }
        for (Map.Entry<String, Node> e : notes.entrySet()) {
            String what = "explain." + e.getKey();
            List<Node> items = e.getValue() instanceof org.yaml.snakeyaml.nodes.SequenceNode s ? s.getValue()
                    : List.of(e.getValue());
            if (items.isEmpty()) {
                y.problem(e.getValue(), what + " must not be an empty list");
            }
            List<ExplainNote> list = new ArrayList<>();
            boolean plain = false;
            for (Node item : items) {
                Node whenNode = item instanceof MappingNode m ? valueOf(m, "when") : null;
                When when = whenNode == null ? When.ANY : when(whenNode, what + ".when", highestStart, reachable);
                Map<String, String> byLanguage = briefingLike(item, what, List.of("when"));
                if (whenNode == null && plain) {
                    y.problem(item, what + " has two notes without a condition (when): the second would never"
                            + " be told");
                }
                plain |= whenNode == null;
                if (when != null && !byLanguage.isEmpty()) {
                    list.add(new ExplainNote(when, byLanguage));
                }
            }
            if (!list.isEmpty()) {
                result.put(e.getKey(), list);
            }
        }
        return result;
    }

    private static Node valueOf(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        return null;
    }

    /** An explain note's condition: pid, vpn (N or N-M), segment, move, advice; null (with a problem) when invalid. */
    private When when(Node node, String what, int highestStart, int reachable) {
        Map<String, Node> w = y.mapping(node, what, WHEN, List.of());
        if (w == null) {
            return null;
        }
        if (((MappingNode) node).getValue().isEmpty()) {
            y.problem(node, what + " needs at least one of " + String.join(", ", WHEN));
            return null;
        }
        int problems = y.problems().size();
        OptionalInt pid = OptionalInt.empty();
        if (w.containsKey("pid")) {
            OptionalLong p = y.integer(w.get("pid"), what + ".pid", 1, MAX_PID);
            pid = p.isPresent() ? OptionalInt.of((int) p.getAsLong()) : OptionalInt.empty();
            if (p.isPresent() && p.getAsLong() > reachable) {
                y.problem(w.get("pid"), what + ".pid " + p.getAsLong() + " names no process: the start has pids up"
                        + " to " + highestStart + " and play can create pids up to " + reachable);
            }
        }
        OptionalInt from = OptionalInt.empty();
        OptionalInt to = OptionalInt.empty();
        if (w.containsKey("vpn")) {
            String text = y.text(w.get("vpn"), what + ".vpn");
            java.util.regex.Matcher range = text == null ? null : VPN_RANGE.matcher(text);
            if (range != null && range.matches()) {
                from = OptionalInt.of(Integer.parseInt(range.group(1)));
                to = range.group(2) == null ? from : OptionalInt.of(Integer.parseInt(range.group(2)));
                if (to.getAsInt() < from.getAsInt()) {
                    y.problem(w.get("vpn"), what + ".vpn range " + text + " ends before it starts");
                }
            } else if (text != null) {
                y.problem(w.get("vpn"), what + ".vpn must be a vpn or a range such as 2 or 1-3, found \"" + text
                        + "\"");
            }
        }
        Optional<Segment> segment = Optional.empty();
        if (w.containsKey("segment")) {
            List<String> names = java.util.Arrays.stream(Segment.values()).map(Segment::label).toList();
            String s = y.choice(w.get("segment"), what + ".segment", names);
            segment = s == null ? Optional.empty() : Optional.of(Segment.values()[names.indexOf(s)]);
        }
        Optional<String> move = w.containsKey("move")
                ? Optional.ofNullable(y.choice(w.get("move"), what + ".move", MoveRules.ALL_VERBS)) : Optional.empty();
        Optional<org.cowarena.move.Advice> advice = Optional.empty();
        if (w.containsKey("advice")) {
            List<String> names = java.util.Arrays.stream(org.cowarena.move.Advice.values())
                    .map(org.cowarena.move.Advice::notation).toList();
            advice = Optional.ofNullable(y.choice(w.get("advice"), what + ".advice", names))
                    .flatMap(org.cowarena.move.Advice::fromNotation);
        }
        return y.problems().size() > problems || w.isEmpty() ? null
                : new When(pid, from, to, segment, move, advice);
    }

    private List<Actor> actors(Node node, List<ProcessSpec> processes, List<SetupMove> setup, MoveRules moves) {
        List<Actor> result = new ArrayList<>();
        List<Node> items = y.sequence(node, "actors");
        if (items == null) {
            return result;
        }
        int highestStart = processes.stream().mapToInt(ProcessSpec::pid).max().orElse(0);
        int reachable = highestStart + setup.size() + moves.limit().orElse(0) * (1 + items.size());
        for (Node item : items) {
            Map<String, Node> a = y.mapping(item, "an actor", List.of("name", "script", "loop", "seed", "pick"),
                    List.of("name"));
            if (a == null || !a.containsKey("name")) {
                continue;
            }
            String name = y.word(a.get("name"), "actor name", NAME, "letters, digits, '_', '.', '-' (at most 32)");
            if (a.containsKey("script") == a.containsKey("pick")) {
                y.problem(item, "an actor needs either script (moves in order) or pick (moves picked by a seed)");
                continue;
            }
            if (a.containsKey("pick") && !a.containsKey("seed")) {
                y.problem(item, "an actor that picks its moves needs a seed, so every game plays the same");
                continue;
            }
            if (a.containsKey("loop") && !a.containsKey("script")) {
                y.problem(a.get("loop"), "loop applies to a script");
                continue;
            }
            boolean loop = a.containsKey("loop")
                    && "true".equals(y.choice(a.get("loop"), "loop", List.of("true", "false")));
            OptionalLong seed = a.containsKey("seed") ? y.integer(a.get("seed"), "seed", 0, Long.MAX_VALUE)
                    : OptionalLong.empty();
            List<org.cowarena.move.Move> script = a.containsKey("script")
                    ? actorMoves(a.get("script"), name, processes, reachable, highestStart) : List.of();
            List<org.cowarena.move.Move> pick = a.containsKey("pick")
                    ? actorMoves(a.get("pick"), name, processes, reachable, highestStart) : List.of();
            if (name == null || script == null || pick == null) {
                continue;
            }
            if (script.isEmpty() && pick.isEmpty()) {
                y.problem(item, "actor " + name + " has no moves");
                continue;
            }
            result.add(new Actor(name, script, loop, seed, pick, YamlNodes.pos(item)));
        }
        return result;
    }

    private List<org.cowarena.move.Move> actorMoves(Node node, String actor, List<ProcessSpec> processes,
                                                   int reachable, int highestStart) {
        List<Node> items = y.sequence(node, "actor " + actor + "'s moves");
        if (items == null) {
            return null;
        }
        List<org.cowarena.move.Move> moves = new ArrayList<>();
        for (Node item : items) {
            String text = y.text(item, "an actor move");
            if (text == null) {
                return null;
            }
            try {
                org.cowarena.move.Move move = MoveParser.parseMove(text);
                int pid = move.pid();
                if (pid != 0 && processes.stream().noneMatch(p -> p.pid() == pid) && pid > reachable) {
                    y.problem(item, "actor " + actor + " names pid " + pid + ", which no process has: the start has"
                            + " pids up to " + highestStart);
                    return null;
                }
                moves.add(move);
            } catch (MoveSyntaxException e) {
                y.problem(item, "actor " + actor + " move \"" + text + "\": " + e.reason());
                return null;
            }
        }
        return moves;
    }

    private OptionalInt optionalCount(Map<String, Node> m, String key) {
        if (!m.containsKey(key)) {
            return OptionalInt.empty();
        }
        OptionalLong n = y.integer(m.get(key), key, 0, MAX_PID);
        return n.isPresent() ? OptionalInt.of((int) n.getAsLong()) : OptionalInt.empty();
    }

    private Map<String, Integer> stars(Node node) {
        Map<String, Integer> result = new LinkedHashMap<>();
        Map<String, Node> s = y.mapping(node, "stars", STAR_METRICS, List.of());
        if (s == null) {
            return result;
        }
        for (Map.Entry<String, Node> e : s.entrySet()) {
            OptionalLong v = y.integer(e.getValue(), "stars." + e.getKey(), 0, Integer.MAX_VALUE);
            if (v.isPresent()) {
                result.put(e.getKey(), (int) v.getAsLong());
            }
        }
        return result;
    }

    /** Without {@code seats}: every owner of a listed process, in order, less the actors' names. */
    private static List<String> defaultSeats(List<ProcessSpec> processes, List<Actor> actors) {
        java.util.LinkedHashSet<String> seats = new java.util.LinkedHashSet<>();
        processes.forEach(p -> seats.add(p.owner()));
        actors.forEach(a -> seats.remove(a.name()));
        return List.copyOf(seats);
    }

    /** The owners that are players, in turn order; the other owners' processes are the level's own. */
    private List<String> seats(Node node, List<ProcessSpec> processes) {
        List<String> result = new ArrayList<>();
        List<Node> items = y.sequence(node, "seats");
        if (items == null) {
            return result;
        }
        if (items.isEmpty()) {
            y.problem(node, "seats lists nobody: leave it out to seat every owner");
        }
        List<String> owners = processes.stream().map(ProcessSpec::owner).distinct().toList();
        for (Node item : items) {
            String seat = y.text(item, "a seat");
            if (seat == null) {
                continue;
            }
            if (result.contains(seat)) {
                y.problem(item, "seat " + seat + " is listed twice");
            } else if (!owners.contains(seat)) {
                y.problem(item, "seat " + seat + " owns no listed process (owners: " + String.join(", ", owners) + ")");
            } else {
                result.add(seat);
            }
        }
        return result;
    }

    private List<Map<String, String>> hints(Node node) {
        List<Map<String, String>> result = new ArrayList<>();
        List<Node> items = y.sequence(node, "hints");
        if (items == null) {
            return result;
        }
        for (Node item : items) {
            Map<String, String> hint = textOrLanguages(item, "hint " + (result.size() + 1));
            if (hint.containsKey("en")) {
                result.add(hint);
            }
        }
        return result;
    }

    /**
     * A title or a hint: a text that must not be empty, or a language map of such texts with
     * {@code en} required.
     */
    private Map<String, String> textOrLanguages(Node node, String what) {
        return languages(node, what, List.of(), true);
    }
}
