package org.tokenbench.cli.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.tokenbench.cli.command.CommandContext;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.PrivateFiles;
import org.tokenbench.core.TokenException;

/** Where {@code --out FILE} writes: a file readable by its owner only, or standard output for {@code -}. */
final class Outputs {

    /** tokenbench:0x000B: the output file cannot be written. */
    private static final ErrorCode UNWRITABLE = ErrorCode.of(ErrorCode.TOKENBENCH, 0x0B);

    private Outputs() {
    }

    /**
     * {@code text} (from a QR code, a URI, a device) as one output line: its line breaks written as the escapes "backslash u000a" and
     * "backslash u000d", like the other control characters the terminal stream escapes, so a payload or label cannot start a
     * line of its own that a script reading line by line would take for another result.
     */
    static String oneLine(CharSequence text) {
        StringBuilder line = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> line.append("\\u000a");
                case '\r' -> line.append("\\u000d");
                default -> line.append(c);
            }
        }
        return line.toString();
    }

    /** Writes {@code content} and returns where it went, for the message on stderr. */
    static String write(String target, byte[] content, CommandContext context) throws TokenException {
        if (target.equals("-")) {
            context.out().flush();
            try {
                context.binaryOut().write(content);
                context.binaryOut().flush();
            } catch (java.io.IOException e) {
                throw new TokenException(UNWRITABLE, "standard output cannot be written (" + e.getMessage() + ")", e);
            }
            return "standard output";
        }
        try {
            PrivateFiles.write(Path.of(target), content);
        } catch (InvalidPathException e) {
            throw new TokenException(UNWRITABLE, "'" + target + "' is not a file name: " + e.getReason());
        }
        return target;
    }
}
