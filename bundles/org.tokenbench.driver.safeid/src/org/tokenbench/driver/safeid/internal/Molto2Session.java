package org.tokenbench.driver.safeid.internal;

import java.time.Instant;
import java.util.Arrays;

import org.tokenbench.core.ProgressMonitor;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.AuthenticationTries;
import org.tokenbench.core.driver.ClockSetting;
import org.tokenbench.core.driver.FamilyDescriptor;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.pcsc.ApduChannel;

/** A Molto2 multi-profile token: everything a SafeID session does, plus setting the clock alone. */
final class Molto2Session extends SafeIdSession implements ClockSetting {

    Molto2Session(FamilyDescriptor described, ApduChannel channel, Interaction interaction, AuthenticationTries tries)
            throws TokenException {
        super(SafeIdProtocol.Family.MOLTO2, described, channel, interaction, tries);
    }

    @Override
    public void setClock(Instant clock, ProgressMonitor monitor) throws TokenException {
        monitor.begin("Setting the clock of token " + identity().serial(), 2);
        byte[] keyBytes = keyBytes();
        try {
            channel().exclusively(() -> {
                authenticate(keyBytes);
                monitor.worked(1, "authenticated");
                SafeIdProtocol.check(channel().transmit(SafeIdProtocol.setClock(keyBytes, clock)), "the clock");
                monitor.worked(1, "clock set");
                return null;
            });
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
        }
    }
}
