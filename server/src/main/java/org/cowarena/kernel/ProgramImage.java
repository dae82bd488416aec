package org.cowarena.kernel;

import java.util.List;

/**
 * A program a level defines. Its virtual pages are numbered text first, then data,
 * then heap, then stack, then shared memory, from 0.
 *
 * @param text   values of the read-only code pages
 * @param data   initial values of the data pages (a private file mapping)
 * @param heap   anonymous heap pages
 * @param stack  anonymous stack pages
 * @param shared shared anonymous pages (MAP_SHARED | MAP_ANONYMOUS): one object per exec,
 *               shared with every fork child, never copied on write
 */
public record ProgramImage(String name, List<String> text, List<String> data, int heap, int stack, int shared) {
    public ProgramImage {
        text = List.copyOf(text);
        data = List.copyOf(data);
        if (heap < 0 || stack < 0 || shared < 0) {
            throw new IllegalArgumentException("page counts must not be negative");
        }
    }

    /** A program without shared memory. */
    public ProgramImage(String name, List<String> text, List<String> data, int heap, int stack) {
        this(name, text, data, heap, stack, 0);
    }

    /** A program whose text pages hold the value {@code code}, as a count in a level names them. */
    public static ProgramImage of(String name, int textPages, List<String> data, int heap, int stack) {
        return new ProgramImage(name, java.util.Collections.nCopies(textPages, "code"), data, heap, stack);
    }

    /** The same program with {@code pages} of shared memory. */
    public ProgramImage withShared(int pages) {
        return new ProgramImage(name, text, data, heap, stack, pages);
    }

    public int size() {
        return text.size() + data.size() + heap + stack + shared;
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

    public int sharedStart() {
        return stackStart() + stack;
    }

    /** Pages this image commits (private writable: data, heap, stack; plus its shared object). */
    public int commit() {
        return data.size() + heap + stack + shared;
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
        if (vpn < sharedStart()) {
            return Segment.STACK;
        }
        return Segment.SHARED;
    }

    /** The first vpn of a segment. */
    public int start(Segment segment) {
        return switch (segment) {
            case TEXT -> 0;
            case DATA -> text.size();
            case HEAP -> heapStart();
            case STACK -> stackStart();
            case SHARED -> sharedStart();
        };
    }

    /** The number of pages in a segment. */
    public int length(Segment segment) {
        return switch (segment) {
            case TEXT -> text.size();
            case DATA -> data.size();
            case HEAP -> heap;
            case STACK -> stack;
            case SHARED -> shared;
        };
    }
}
