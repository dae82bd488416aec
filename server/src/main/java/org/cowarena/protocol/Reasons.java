package org.cowarena.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cowarena.report.Phrasebook;

/**
 * Why the kernel, the rules or the server refused something, as a stable code and its
 * arguments beside the English text. The English sentences are the bundle
 * {@code reasons.properties}, one per code; the server keeps writing its reasons as text, and
 * {@link #tag} finds the code and arguments of a refusal, a move's refusal or a teacher's
 * answer as it goes out. A client shows {@link #say} in its player's language: the sentence
 * of its own bundle for the code, each argument that is itself a reason translated too, or
 * the English text for a code it does not know (a newer server's).
 */
public final class Reasons {
    private static final String BUNDLE = "org.cowarena.protocol.reasons";
    /** How deep a reason's arguments are themselves reasons ({@code column 4: unknown move ...}). */
    private static final int MAX_DEPTH = 3;
    private static final List<Template> TEMPLATES = load();

    /** A reason: its code in {@code reasons.properties} and its arguments, in the sentence's order. */
    public record Reason(String code, List<String> args) {
        public Reason {
            args = List.copyOf(args);
        }
    }

    /** One English sentence as a pattern: its literal text, with a group per placeholder. */
    private record Template(String code, Pattern pattern, int[] argumentOfGroup, int literals) {
    }

    private Reasons() {
    }

    private static List<Template> load() {
        ResourceBundle english = ResourceBundle.getBundle(BUNDLE, Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        List<Template> templates = new ArrayList<>();
        for (String code : english.keySet()) {
            templates.add(template(code, english.getString(code)));
        }
        // The most specific sentence first: "{0}, and no process can be killed" is tried after the
        // sentences it wraps, and two sentences are tried in the order of their codes, never by chance.
        templates.sort(Comparator.comparingInt(Template::literals).reversed().thenComparing(Template::code));
        return List.copyOf(templates);
    }

    /** A MessageFormat sentence ({@code {n}} placeholders, {@code ''} for a quote) as a pattern. */
    private static Template template(String code, String sentence) {
        StringBuilder regex = new StringBuilder();
        List<Integer> arguments = new ArrayList<>();
        int literals = 0;
        for (int i = 0; i < sentence.length(); i++) {
            char ch = sentence.charAt(i);
            if (ch == '{') {
                int end = sentence.indexOf('}', i);
                arguments.add(Integer.parseInt(sentence.substring(i + 1, end).strip()));
                regex.append("(.+?)");
                i = end;
            } else {
                if (ch == '\'' && i + 1 < sentence.length() && sentence.charAt(i + 1) == '\'') {
                    i++;
                }
                regex.append(Pattern.quote(String.valueOf(ch)));
                literals++;
            }
        }
        return new Template(code, Pattern.compile(regex.toString(), Pattern.DOTALL),
                arguments.stream().mapToInt(Integer::intValue).toArray(), literals);
    }

    /** The code and arguments of an English reason, when it is one the bundle knows. */
    public static Optional<Reason> of(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        for (Template t : TEMPLATES) {
            Matcher m = t.pattern().matcher(text);
            if (m.matches()) {
                int count = 0;
                for (int a : t.argumentOfGroup()) {
                    count = Math.max(count, a + 1);
                }
                String[] args = new String[count];
                for (int g = 0; g < t.argumentOfGroup().length; g++) {
                    args[t.argumentOfGroup()[g]] = m.group(g + 1);
                }
                return Optional.of(new Reason(t.code(), List.of(args)));
            }
        }
        return Optional.empty();
    }

    /** The English sentence of a code, as the server writes it. */
    public static String english(String code, List<String> args) {
        return Phrasebook.load(BUNDLE, "en").say(code, args.toArray());
    }

    /**
     * Fills in the code and arguments of an outgoing refusal, move refusal or teacher's answer
     * from its English reason (left as it is: old clients and logs read it); other messages, and
     * reasons the bundle does not know, go out unchanged.
     */
    public static void tag(Object message) {
        if (message instanceof Messages.Refusal r && r.code == null) {
            of(r.reason).ifPresent(reason -> {
                r.code = reason.code();
                r.args = reason.args().toArray(new String[0]);
            });
        } else if (message instanceof Messages.MoveRefused r && r.code == null) {
            of(r.reason).ifPresent(reason -> {
                r.code = reason.code();
                r.args = reason.args().toArray(new String[0]);
            });
        } else if (message instanceof Messages.TeacherReply r && r.code == null) {
            of(r.reason).ifPresent(reason -> {
                r.code = reason.code();
                r.args = reason.args().toArray(new String[0]);
            });
        }
    }

    /**
     * A reason in {@code language}: the sentence for {@code code} with {@code args}, each argument
     * that is itself a reason in that language too; without a code (a server that sent none, or
     * a reason this side made), the code of {@code text}; {@code text} itself when the code is
     * unknown, the language has no sentence for it, or the arguments do not fit.
     */
    public static String say(String code, String[] args, String text, String language) {
        return say(code, args, text, language, 0);
    }

    private static String say(String code, String[] args, String text, String language, int depth) {
        if (code == null) {
            Optional<Reason> found = of(text);
            if (found.isEmpty()) {
                return text;
            }
            code = found.get().code();
            args = found.get().args().toArray(new String[0]);
        }
        if (!ownSentence(code, language)) {
            return text;
        }
        Phrasebook book = Phrasebook.load(BUNDLE, language);
        Object[] shown = new Object[args == null ? 0 : args.length];
        for (int i = 0; i < shown.length; i++) {
            String a = args[i] == null ? "" : args[i];
            shown[i] = depth < MAX_DEPTH ? say(null, null, a, language, depth + 1) : a;
        }
        try {
            return book.say(code, shown);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /**
     * Whether the bundle of {@code language} itself, not its English parent, has a sentence for
     * the code (English is the text the server sent).
     */
    private static boolean ownSentence(String code, String language) {
        return !"en".equals(language) && OWN.computeIfAbsent(language, Reasons::codesOf).contains(code);
    }

    private static final Map<String, Set<String>> OWN =
            new ConcurrentHashMap<>();

    private static Set<String> codesOf(String language) {
        Properties p = new Properties();
        String file = "/" + BUNDLE.replace('.', '/') + "_" + language + ".properties";
        try (InputStream in = Reasons.class.getResourceAsStream(file)) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            return Set.of();
        }
        return p.stringPropertyNames();
    }

    /** The codes the English bundle knows, for tests and translators. */
    public static List<String> codes() {
        return TEMPLATES.stream().map(Template::code).sorted().toList();
    }
}
