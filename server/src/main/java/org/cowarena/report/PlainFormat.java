package org.cowarena.report;

import java.text.FieldPosition;
import java.text.Format;
import java.text.ParsePosition;

/** Formats any value as String.valueOf does: numbers without the locale's digit grouping. */
final class PlainFormat extends Format {
    static final PlainFormat INSTANCE = new PlainFormat();

    private PlainFormat() {
    }

    @Override
    public StringBuffer format(Object value, StringBuffer to, FieldPosition pos) {
        return to.append(value);
    }

    @Override
    public Object parseObject(String source, ParsePosition pos) {
        throw new UnsupportedOperationException("narration is only written, never parsed");
    }
}
