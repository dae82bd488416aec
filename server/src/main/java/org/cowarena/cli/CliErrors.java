package org.cowarena.cli;

import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** One-line descriptions of failures for people; never a stack trace. */
final class CliErrors {
    private CliErrors() {
    }

    static String describe(Throwable e) {
        if (e instanceof NoSuchFileException x) {
            return x.getFile() + ": no such file";
        }
        if (e instanceof AccessDeniedException x) {
            return x.getFile() + ": permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "the file is not UTF-8 text";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
