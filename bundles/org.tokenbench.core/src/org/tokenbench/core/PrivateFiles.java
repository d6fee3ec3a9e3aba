package org.tokenbench.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;


/** Files that hold a key (a QR image, a backup): created readable by the owner only, like an SSH key. */
public final class PrivateFiles {

    private PrivateFiles() {
    }

    public static void write(Path out, byte[] content) throws TokenException {
        try {
            Files.deleteIfExists(out);
            try {
                Files.createFile(out, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(out);
            }
            Files.write(out, content);
        } catch (IOException e) {
            throw new TokenException(ErrorCode.of(ErrorCode.TOKENBENCH, 11), out + ": cannot be written (" + e.getMessage() + ")", e);
        }
    }
}
