package org.tokenbench.pcsc;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.Match;
import org.tokenbench.core.driver.TokenDriver;
import org.tokenbench.core.driver.TokenSession;

/**
 * Opens a session with whatever is on a reader: every installed driver that talks APDUs probes the card
 * (probes are harmless by contract), and the most confident one opens the session.
 */
public final class ReaderSessions {

    /** tokenbench:0x0008: no installed driver recognises the card. */
    public static final long NO_DRIVER = 8;

    /** A session together with the channel it runs on, for tracing and APDU counts. */
    public record Opened(TokenDriver driver, Match match, TokenSession session, ApduChannel channel) implements AutoCloseable {
        @Override
        public void close() {
            session.close();
            channel.close();
        }
    }

    private ReaderSessions() {
    }

    public static Opened open(String reader, List<TokenDriver> drivers, Interaction interaction, ApduTrace trace) throws TokenException {
        ApduChannel channel = PcscReaders.connect(reader);
        channel.trace(trace);
        try {
            TokenDriver best = null;
            Match bestMatch = null;
            for (TokenDriver driver : drivers.stream().filter(d -> d.connectionType().isAssignableFrom(ApduChannel.class)).toList()) {
                Optional<Match> match = driver.probe(channel);
                if (match.isPresent() && (bestMatch == null || match.get().confidence() > bestMatch.confidence())) {
                    best = driver;
                    bestMatch = match.get();
                }
            }
            if (best == null) {
                throw new TokenException(ErrorCode.of(ErrorCode.TOKENBENCH, NO_DRIVER),
                        "no installed driver recognises the card in '" + reader + "' (drivers tried: "
                                + drivers.stream().map(d -> d.info().id()).sorted(Comparator.naturalOrder()).toList() + ")");
            }
            return new Opened(best, bestMatch, best.open(channel, interaction), channel);
        } catch (TokenException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }
}
