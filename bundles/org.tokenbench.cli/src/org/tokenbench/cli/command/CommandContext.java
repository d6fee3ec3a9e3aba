package org.tokenbench.cli.command;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.tokenbench.core.ProgressMonitor;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.Interaction;

/**
 * What a command works with: results to {@link #out()} (one value per line, or JSON with {@code --json}), messages
 * and prompts to {@link #err()}, secrets from files or {@link #in()}; the OSGi services it needs; the diagnostics
 * catalogs. One context per run. TokenBench implements this.
 */
@ProviderType
public interface CommandContext {

    InputStream in();

    /**
     * Standard output for text. Control characters (C0 but tab and newline, DEL, C1) are written as {@code \\uXXXX}, so
     * a name from a device, a QR code or a URI cannot move the cursor, retitle or clear the terminal; in JSON strings
     * that is the same character.
     */
    PrintStream out();

    /** Standard output for bytes that are not text (an image for {@code --out -}), written as they are. */
    default OutputStream binaryOut() {
        return out();
    }

    PrintStream err();

    /**
     * The user's terminal when standard input is one, to read a secret without echo; {@code null} when input comes from
     * a pipe or a file (and in tests).
     */
    default java.io.Console terminal() {
        return null;
    }

    /** A service, waiting briefly for Declarative Services to activate it after start-up; empty when none comes. */
    <S> Optional<S> service(Class<S> type);

    /** A service the command cannot work without; its absence is a failure (tokenbench:0x0001, exit 3). */
    <S> S requireService(Class<S> type) throws TokenException;

    /** A failure as users read it: catalog title, explanation, causes, remedy and the raw code. */
    String explain(TokenException failure);

    /** Questions on the terminal: prompts on stderr, answers from stdin (masked on a terminal); "yes" to agree. */
    Interaction interaction();

    /** Progress of long device work as lines on stderr. */
    ProgressMonitor progress();
}
