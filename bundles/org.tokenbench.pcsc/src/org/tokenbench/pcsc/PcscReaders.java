package org.tokenbench.pcsc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

import org.tokenbench.core.TokenException;

/**
 * The PC/SC readers of this machine through javax.smartcardio. A fresh PC/SC TerminalFactory is asked each
 * time: the JDK's default factory is fixed at first use and stays empty forever if pcscd was not running then.
 */
public final class PcscReaders {

    private static final String LIBRARY_PROPERTY = "sun.security.smartcardio.library";
    private static final List<Path> LIBRARY_CANDIDATES = List.of(
            Path.of("/usr/lib/x86_64-linux-gnu/libpcsclite.so.1"), Path.of("/usr/lib/aarch64-linux-gnu/libpcsclite.so.1"),
            Path.of("/usr/lib64/libpcsclite.so.1"), Path.of("/usr/lib/libpcsclite.so.1"), Path.of("/lib/x86_64-linux-gnu/libpcsclite.so.1"));

    private PcscReaders() {
    }

    /** The names of the connected readers; empty when none is connected. */
    public static List<String> names() throws TokenException {
        try {
            return factory().terminals().list().stream().map(CardTerminal::getName).toList();
        } catch (CardException e) {
            long code = PcscErrors.codeOf(e);
            if (code == PcscErrors.NO_READERS_AVAILABLE) {
                return List.of();
            }
            throw PcscErrors.of(code, "cannot list smart-card readers: " + e.getMessage(), e);
        }
    }

    /** Connects to the card in {@code reader} (any protocol). */
    public static ApduChannel connect(String reader) throws TokenException {
        try {
            CardTerminal terminal = factory().terminals().getTerminal(reader);
            if (terminal == null) {
                throw PcscErrors.of(PcscErrors.UNKNOWN_READER, "no reader named '" + reader + "' is connected", null);
            }
            return new ApduChannel(reader, terminal.connect("*"));
        } catch (CardNotPresentException e) {
            throw PcscErrors.of(PcscErrors.NO_SMARTCARD, "no card or token in the reader '" + reader + "'", e);
        } catch (CardException e) {
            throw PcscErrors.of(PcscErrors.codeOf(e), "cannot connect to the card in '" + reader + "': " + e.getMessage(), e);
        }
    }

    /** True when a card is present in {@code reader} right now. */
    public static boolean isCardPresent(String reader) throws TokenException {
        try {
            CardTerminal terminal = factory().terminals().getTerminal(reader);
            return terminal != null && terminal.isCardPresent();
        } catch (CardException e) {
            throw PcscErrors.of(PcscErrors.codeOf(e), "cannot ask the reader '" + reader + "' about its card: " + e.getMessage(), e);
        }
    }

    private static TerminalFactory factory() throws TokenException {
        // Some JDK builds look for libpcsclite.so (the -dev symlink) only; point them at the runtime library.
        if (System.getProperty(LIBRARY_PROPERTY) == null) {
            LIBRARY_CANDIDATES.stream().filter(Files::exists).findFirst()
                    .ifPresent(path -> System.setProperty(LIBRARY_PROPERTY, path.toString()));
        }
        try {
            return TerminalFactory.getInstance("PC/SC", null);
        } catch (NoSuchAlgorithmException e) {
            throw PcscErrors.of(PcscErrors.NO_SERVICE, "PC/SC is not available: is pcscd installed (apt-get install pcscd) and running?", e);
        }
    }
}
