package org.tokenbench.driver.safeid.internal;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.Atr;
import org.tokenbench.core.driver.AuthenticationTries;
import org.tokenbench.core.driver.Connection;
import org.tokenbench.core.driver.DriverDescriptor;
import org.tokenbench.core.driver.FamilyDescriptor;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.Match;
import org.tokenbench.core.driver.TokenDriver;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.pcsc.ApduChannel;

/**
 * Programmable TOTP tokens of the SafeID / Token2 class: single-profile NFC tokens and Molto2 multi-profile USB tokens.
 * What each family can hold is in {@code OSGI-INF/tokenbench-driver.properties}; the ATR tells the families apart
 * (contactless PC/SC part 3 ATRs are single-profile tokens), so opening a session sends only the serial/clock read.
 */
@Component(service = TokenDriver.class)
public final class SafeIdDriver implements TokenDriver {

    static final String ID = "org.tokenbench.driver.safeid";

    private final DriverDescriptor descriptor = DriverDescriptor.load(SafeIdDriver.class, DriverDescriptor.DEFAULT_RESOURCE);
    private final AuthenticationTries tries;

    /** The DS component: authentication tries are kept under TokenBench's home, shared by every run. */
    public SafeIdDriver() {
        this(AuthenticationTries.inHome());
    }

    public SafeIdDriver(AuthenticationTries tries) {
        this.tries = tries;
    }

    @Override
    public DriverDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Class<? extends Connection> connectionType() {
        return ApduChannel.class;
    }

    /** Reads public data (Molto2) or serial and clock (single-profile): harmless, no key, nothing that burns a try. */
    @Override
    public Optional<Match> probe(Connection connection) throws TokenException {
        if (!(connection instanceof ApduChannel channel)) {
            return Optional.empty();
        }
        Optional<SafeIdProtocol.Family> family = family(channel);
        if (family.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (family.get() == SafeIdProtocol.Family.MOLTO2) {
                SafeIdProtocol.parsePublicData(channel.transmit(SafeIdProtocol.publicData(0)));
                return Optional.of(new Match(family.get().id, 95));
            }
            SafeIdProtocol.parseInfo(channel.transmit(SafeIdProtocol.readInfo(family.get())));
            return Optional.of(new Match(family.get().id, 90));
        } catch (TokenException notOurs) {
            if (notOurs.code().namespace().equals(SafeIdProtocol.NAMESPACE)) {
                return Optional.empty();
            }
            throw notOurs;
        }
    }

    @Override
    public TokenSession open(Connection connection, Interaction interaction) throws TokenException {
        ApduChannel channel = (ApduChannel) connection;
        SafeIdProtocol.Family family = family(channel).orElseThrow(() -> new TokenException(
                ErrorCode.of(SafeIdProtocol.NAMESPACE, 0x6D00), "the card in '" + channel.location() + "' is not a SafeID-class token"));
        FamilyDescriptor described = descriptor.family(family.id).orElseThrow();
        return family == SafeIdProtocol.Family.MOLTO2 ? new Molto2Session(described, channel, interaction, tries)
                : new SafeIdSession(family, described, channel, interaction, tries);
    }

    /** The family the card's ATR or its reader allows: a Molto2 is known by its reader's name, an NFC token by its ATR. */
    private Optional<SafeIdProtocol.Family> family(ApduChannel channel) throws TokenException {
        Atr atr = new Atr(channel.atr());
        // Molto2 first: a reader's name is the more specific sign.
        for (SafeIdProtocol.Family family : List.of(SafeIdProtocol.Family.MOLTO2, SafeIdProtocol.Family.SINGLE_PROFILE)) {
            if (descriptor.family(family.id).orElseThrow().mayBe(atr, channel.location())) {
                return Optional.of(family);
            }
        }
        return Optional.empty();
    }
}
