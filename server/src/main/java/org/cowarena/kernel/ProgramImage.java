package org.cowarena.kernel;

import java.util.List;

/**
 * A program a level defines. Its virtual pages are numbered text first, then data,
 * then heap, then stack, from 0.
 *
 * @param text  values of the read-only code pages
 * @param data  initial values of the data pages (a private file mapping)
 * @param heap  anonymous heap pages
 * @param stack anonymous stack pages
 */
public record ProgramImage(String name, List<String> text, List<String> data, int heap, int stack) {
    public ProgramImage {
        text = List.copyOf(text);
        data = List.copyOf(data);
        if (heap < 0 || stack < 0) {
            throw new IllegalArgumentException("page counts must not be negative");
        }
    }

    /** A program whose text pages hold the value {@code code}, as a count in a level names them. */
    public static ProgramImage of(String name, int textPages, List<String> data, int heap, int stack) {
        return new ProgramImage(name, java.util.Collections.nCopies(textPages, "code"), data, heap, stack);
    }

    public int size() {
        return text.size() + data.size() + heap + stack;
    }

    public int fileSize() {
        return text.size() + data.size();
    }

    public int heapStart() {
        return text.size() + data.size();
    }

    public int stackStart() {
        return heapStart() + heap;
    }

    public Segment segment(int vpn) {
        if (vpn < text.size()) {
            return Segment.TEXT;
        }
        if (vpn < heapStart()) {
            return Segment.DATA;
        }
        if (vpn < stackStart()) {
            return Segment.HEAP;
        }
        return Segment.STACK;
    }

    /** The first vpn of a segment. */
    public int start(Segment segment) {
        return switch (segment) {
            case TEXT -> 0;
            case DATA -> text.size();
            case HEAP -> heapStart();
            case STACK -> stackStart();
        };
    }

    /** The number of pages in a segment. */
    public int length(Segment segment) {
        return switch (segment) {
            case TEXT -> text.size();
            case DATA -> data.size();
            case HEAP -> heap;
            case STACK -> stack;
        };
    }
}
