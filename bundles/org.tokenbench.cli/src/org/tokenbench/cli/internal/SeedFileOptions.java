package org.tokenbench.cli.internal;

import java.nio.CharBuffer;
import java.util.Arrays;

import org.tokenbench.cli.command.CommandContext;
import org.tokenbench.cli.command.InputFile;
import org.tokenbench.cli.command.UsageException;
import org.tokenbench.core.Hex;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.fleet.AuditLog;
import org.tokenbench.seedfiles.ImportMode;
import org.tokenbench.seedfiles.PskcProtection;
import org.tokenbench.seedfiles.SeedFiles;
import org.tokenbench.seedfiles.SeedImport;

import picocli.CommandLine.Option;

/**
 * How a seed file is read (a picocli mixin): the pre-shared key or password of an encrypted PSKC file, from a file or
 * stdin (never the command line), and whether one failed MAC refuses the whole file.
 */
final class SeedFileOptions {

    @Option(names = "--psk-file", paramLabel = "FILE", description = "The PSKC file's pre-shared AES key in hex (32 or 64 hex digits; - reads stdin).")
    InputFile pskFile;

    @Option(names = "--password-file", paramLabel = "FILE", description = "The PSKC file's password (PBKDF2; - reads stdin).")
    InputFile passwordFile;

    @Option(names = "--fail-hard", description = "Refuse the whole file when one key's MAC fails (default: reject that key, import the rest).")
    boolean failHard;

    /** The seeds of {@code file}; the import is recorded in the audit log. The caller closes the result. */
    SeedImport read(InputFile file, CommandContext context) throws UsageException, TokenException {
        byte[] content = file.readBytes(context, SeedFiles.MAX_BYTES);
        try {
            return read(content, file.name(), context);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    /** The seeds of a file already read; the caller wipes {@code content} and closes the result. */
    SeedImport read(byte[] content, String name, CommandContext context) throws UsageException, TokenException {
        try (Protection protection = protection(pskFile, passwordFile, "", context)) {
            return SeedFiles.read(content, name, protection.value(), failHard ? ImportMode.FAIL_HARD : ImportMode.FAIL_SOFT,
                    context.service(AuditLog.class).orElse(AuditLog.NONE));
        }
    }

    /** A protection and the secret it holds, closed together. */
    record Protection(PskcProtection value, Secret secret) implements AutoCloseable {
        @Override
        public void close() {
            if (secret != null) {
                secret.close();
            }
        }
    }

    static Protection protection(InputFile psk, InputFile password, String keyName, CommandContext context)
            throws UsageException, TokenException {
        if (psk != null && password != null) {
            throw new UsageException("give a pre-shared key file or a password file, not both");
        }
        if (psk != null) {
            char[] text = psk.readText(context);
            try {
                Secret key = Secret.adopt(Hex.parse(CharBuffer.wrap(text)));
                if (key.length() != 16 && key.length() != 32) {
                    int length = key.length();
                    key.close();
                    throw new UsageException(psk.name() + " holds a " + length + "-byte key; AES keys here have 16 or 32 bytes (32 or 64 hex digits)");
                }
                return new Protection(new PskcProtection.PreSharedKey(key, keyName), key);
            } catch (IllegalArgumentException e) {
                throw new TokenException(InputFile.UNREADABLE, psk.name() + " must hold the key in hex: " + e.getMessage());
            } finally {
                Arrays.fill(text, '\0');
            }
        }
        if (password != null) {
            Secret secret = Secret.fromChars(password.readText(context));
            if (secret.length() == 0) {
                secret.close();
                throw new UsageException(password.name() + " is empty");
            }
            return new Protection(new PskcProtection.Password(secret, keyName), secret);
        }
        return new Protection(PskcProtection.NONE, null);
    }
}
