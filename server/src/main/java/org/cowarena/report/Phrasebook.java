package org.cowarena.report;

import java.text.Format;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Sentences from a properties bundle in one language, filled in the same way wherever the
 * game talks: the narration here, the terminal client's headings and keys.
 */
public final class Phrasebook {
    private final String language;
    private final ResourceBundle text;

    private Phrasebook(String language, ResourceBundle text) {
        this.language = language;
        this.text = text;
    }

    /**
     * The bundle {@code baseName} in {@code language} when it is one of {@link Narrator#LANGUAGES},
     * else in English; never in the machine's default locale.
     */
    public static Phrasebook load(String baseName, String language) {
        String lang = Narrator.LANGUAGES.contains(language) ? language : "en";
        return new Phrasebook(lang, ResourceBundle.getBundle(baseName, Locale.forLanguageTag(lang),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    public String language() {
        return language;
    }

    public boolean has(String key) {
        return text.containsKey(key);
    }

    /**
     * A sentence from the bundle. A plain {@code {n}} is filled in by String.valueOf, never by
     * locale (no digit grouping); a {@code {n,choice,...}} picks a plural form by the number.
     */
    public String say(String key, Object... args) {
        MessageFormat format = new MessageFormat(text.getString(key), Locale.ROOT);
        Format[] formats = format.getFormats();
        for (int i = 0; i < formats.length; i++) {
            if (formats[i] == null) {
                format.setFormat(i, PlainFormat.INSTANCE);
            }
        }
        return format.format(args);
    }
}
